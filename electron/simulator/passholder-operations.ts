/**
 * The simulated operations about a pass holder: register, update, opt-ins,
 * card-system membership and data, and the record by card number.
 */
import { randomUUID } from 'node:crypto';
import { ageOn, isBelgianPostalCode, isEmailAddress, isIsoDate, isoDay } from '../rules/fields';
import { inszProblem, normaliseInsz } from '../rules/insz';
import { optInNames } from '../rules/passholder-rules';
import { uitpasNumberProblem } from '../rules/uitpas-number';
import { activate, checkVoucher, stockCard } from './card-operations';
import { balieOf, checkKansenStatuutEndDate, flag, ok, param, permissionNames, refuse, Refusal, requirePermission, required, type OperationContext, type Reply } from './operation-core';
import type { SeedBalie } from './seed';
import type { Membership, SimPassholder } from './state';
import { passholderXml } from './xml-writer';


const genders: Readonly<Record<string, string>> = { M: 'MALE', MALE: 'MALE', V: 'FEMALE', F: 'FEMALE', FEMALE: 'FEMALE' };

/** The person fields both register and update accept, checked and normalised. */
function personFields(context: OperationContext, foreign = false): Record<string, string> {
  const { params } = context;
  const fields: Record<string, string> = {};
  const copy = ['name', 'firstName', 'secondName', 'street', 'city', 'telephone', 'gsm', 'nationality', 'placeOfBirth', 'moreInfo', 'foreignCity'];
  for (const name of copy) if (params.has(name)) fields[name] = param(params, name).trim();
  if (params.has('dateOfBirth')) {
    const date = param(params, 'dateOfBirth');
    if (!isIsoDate(date) || date > isoDay(context.today)) refuse('PARSE_INVALID_DATE_OF_BIRTH', 'invalid date of birth');
    fields.dateOfBirth = date;
  }
  if (params.get('gender')) {
    fields.gender = genders[param(params, 'gender').toUpperCase()] ?? refuse('PARSE_INVALID_GENDER', 'invalid gender');
  }
  if (params.has('postalCode')) {
    // A foreign resident's postal code is their country's (inferred: the docs give no format for it).
    if (!foreign && !isBelgianPostalCode(param(params, 'postalCode'))) refuse('PARSE_INVALID_POSTAL_CODE', 'invalid postal code');
    fields.postalCode = param(params, 'postalCode').trim();
  }
  if (params.has('city') && !/\p{L}/u.test(param(params, 'city'))) refuse('PARSE_INVALID_CITY_NAME', 'invalid city');
  if (params.get('email')) {
    if (!isEmailAddress(param(params, 'email'))) refuse('INVALID_EMAIL_ADDRESS', 'invalid email address');
    fields.email = param(params, 'email').trim();
  } else if (params.has('email')) {
    fields.email = '';
  }
  if (params.get('inszNumber')) {
    const insz = normaliseInsz(param(params, 'inszNumber'));
    if (inszProblem(insz, { dateOfBirth: fields.dateOfBirth, gender: fields.gender })) refuse('PARSE_INVALID_INSZ', 'invalid INSZ');
    fields.inszNumber = insz;
  }
  if (params.get('schoolConsumerKey')) {
    if (!context.state.schools.has(param(params, 'schoolConsumerKey'))) refuse('UNKNOWN_SCHOOL', 'unknown school');
    fields.schoolConsumerKey = param(params, 'schoolConsumerKey');
  }
  return fields;
}

function uniqueness(context: OperationContext, fields: Record<string, string>, self?: SimPassholder): void {
  if (fields.inszNumber) {
    const owner = context.state.passholderByInsz(fields.inszNumber);
    if (owner && owner !== self) {
      const links = [...owner.memberships.values()]
        .map((m) => `<cardSystemLink><cardSystem><id>${m.cardSystemId}</id></cardSystem><uitpasNumber>${m.uitpasNumber ?? ''}</uitpasNumber><status>ACTIVE</status></cardSystemLink>`)
        .join('');
      throw new Refusal('INSZ_ALREADY_USED', 'INSZ already used', undefined, { userId: owner.uid, links });
    }
  }
  if (fields.email) {
    const owner = context.state.passholderByEmail(fields.email);
    if (owner && owner !== self) refuse('EMAIL_ALREADY_USED', 'email already used');
  }
}

/** The five opt-ins of optinpreferences, false under 16 (DOC pashouders/opt-in-voorkeuren-aanpassen.md, registreren-van-een-pashouder.md). */
function optIns(context: OperationContext, dateOfBirth: string | undefined): Record<string, boolean> {
  const { params } = context;
  for (const name of optInNames) {
    if (params.has(name) && !['true', 'false'].includes(param(params, name))) refuse('PARSE_INVALID_BOOLEAN', `${name} is not a boolean`);
  }
  const chosen = Object.fromEntries(optInNames.map((name) => [name, params.get(name) === 'true']));
  const age = dateOfBirth ? ageOn(dateOfBirth, context.today) : null;
  // Which code production gives here is not documented; INVALID_PARAMETERS is the nearest documented one.
  if (age !== null && age < 16 && Object.values(chosen).some(Boolean)) refuse('INVALID_PARAMETERS', 'opt-ins must be false under 16');
  return chosen;
}

/**
 * The INSZ is required unless the balie may register without one, or city=BUITENLAND and the balie may register
 * foreign residents (DOC registreren-van-een-pashouder.md, inszNumber row, UPS-3229); a foreign resident never has
 * the kansenstatuut (DOC commit baf253c).
 */
function inszExemption(context: OperationContext, balie: SeedBalie): { foreign: boolean } {
  const { params } = context;
  const foreign = param(params, 'city').trim().toUpperCase() === 'BUITENLAND';
  if (foreign && !balie.mayRegisterForeign) refuse('ACCESS_DENIED', 'balie may not register foreign residents', 'PERMISSION_PASSHOLDER_FOREIGN - ACTION_CREATE');
  if (foreign && params.get('kansenStatuut') === 'true') refuse('ACTION_NOT_ALLOWED', 'a foreign resident cannot have the kansenstatuut');
  if (!foreign && !balie.mayRegisterWithoutInsz) required(params, ['inszNumber']);
  return { foreign };
}

export function registerPassholder(context: OperationContext): Reply {
  const { params, state } = context;
  const balie = balieOf(context);
  required(params, ['name', 'firstName', 'dateOfBirth', 'postalCode', 'city', 'uitpasNumber']);
  const { foreign } = inszExemption(context, balie);
  const fields = personFields(context, foreign);
  const card = stockCard(context, balie, param(params, 'uitpasNumber'));
  requirePermission(balie, card.cardSystemId, 'registratie');
  const kansenStatuut = flag(params, 'kansenStatuut');
  if (kansenStatuut) requirePermission(balie, card.cardSystemId, 'kansenstatuut toekennen');
  if (card.kansenpas !== kansenStatuut) refuse('INVALID_CARD', 'kansenpas and kansenstatuut must go together');
  if (kansenStatuut) required(params, ['kansenStatuutEndDate']);
  checkKansenStatuutEndDate(context, params.get('kansenStatuutEndDate'));
  const voucher = checkVoucher(context);
  uniqueness(context, fields);

  const uid = randomUUID();
  const membership: Membership = {
    cardSystemId: card.cardSystemId,
    kansenStatuut,
    kansenStatuutEndDate: kansenStatuut ? params.get('kansenStatuutEndDate') : undefined,
    uitpasNumber: card.uitpasNumber,
  };
  state.passholders.set(uid, {
    uid,
    fields,
    // Register does not process the opt-ins ("not processed by register endpoint", SX PassHolderService::register):
    // whatever was sent, they start false and only optinpreferences sets them.
    optIns: Object.fromEntries(optInNames.map((name) => [name, false])),
    legalTerms: {
      paper: flag(params, 'legalTermsPaper'),
      digital: flag(params, 'legalTermsDigital'),
      parentalConsent: flag(params, 'parentalConsent'),
    },
    verified: flag(params, 'verified'),
    registrationBalieConsumerKey: balie.consumerKey,
    memberships: new Map([[card.cardSystemId, membership]]),
  });
  activate(card, voucher);
  return ok({ message: uid, resource: `/uitpas/passholder/${card.uitpasNumber}` });
}

export function updatePassholder(context: OperationContext, uitpasNumber: string): Reply {
  const { params } = context;
  const balie = balieOf(context);
  if (uitpasNumberProblem(uitpasNumber)) refuse('PARSE_INVALID_UITPASNUMBER', 'invalid uitpas number');
  const holder = context.state.passholderByCard(uitpasNumber) ?? refuse('UNKNOWN_UITPASNUMBER', 'no passholder with this card');
  const systems = [...holder.memberships.keys()];
  if (!systems.some((id) => (balie.permissions[id] ?? []).includes('registratie'))) {
    refuse('ACCESS_DENIED', 'balie may not update this passholder', permissionNames.update);
  }
  const fields = personFields(context);
  if (fields.inszNumber && holder.fields.inszNumber && fields.inszNumber !== holder.fields.inszNumber) {
    refuse('ACTION_NOT_ALLOWED', 'the INSZ is already known and cannot change');
  }
  for (const name of ['name', 'firstName', 'dateOfBirth', 'postalCode', 'city'] as const) {
    if (params.has(name) && !fields[name]) refuse('MISSING_REQUIRED_FIELDS', `${name} cannot be emptied`);
  }
  checkKansenStatuutEndDate(context, params.get('kansenStatuutEndDate'));
  uniqueness(context, fields, holder);
  Object.assign(holder.fields, fields);
  if (params.has('verified')) holder.verified = params.get('verified') === 'true';
  const endDate = params.get('kansenStatuutEndDate');
  if (endDate) {
    const membership = [...holder.memberships.values()].find((m) => m.uitpasNumber === uitpasNumber);
    if (membership?.kansenStatuut) membership.kansenStatuutEndDate = endDate;
  }
  return ok({ code: 'ACTION_SUCCEEDED', message: 'The passholder has been updated.' });
}

export function registerInCardSystem(context: OperationContext, uid: string): Reply {
  const { params, state } = context;
  const balie = balieOf(context);
  const holder = state.passholders.get(uid) ?? refuse('UNKNOWN_PASSHOLDER_ID', 'unknown passholder');
  const cardSystemId = params.get('cardSystemId');
  const number = params.get('uitpasNumber');
  if (cardSystemId && number) refuse('INVALID_PARAMETERS', 'give either cardSystemId or uitpasNumber, not both');
  if (!cardSystemId && !number) refuse('MISSING_REQUIRED_FIELDS', 'cardSystemId or uitpasNumber is required');
  const card = number ? stockCard(context, balie, number) : undefined;
  const systemId = card?.cardSystemId ?? param(params, 'cardSystemId');
  if (!state.cardSystems.has(systemId)) refuse('UNKNOWN_CARD_SYSTEM', 'unknown card system');
  requirePermission(balie, systemId, 'registratie');
  if (holder.memberships.has(systemId)) refuse('ACTION_NOT_ALLOWED', 'already a member of this card system');
  const kansenStatuut = params.get('kansenStatuut') === 'true' || (card?.kansenpas ?? false);
  if (kansenStatuut) {
    requirePermission(balie, systemId, 'kansenstatuut toekennen');
    required(params, ['kansenStatuutEndDate']);
  }
  if (card && card.kansenpas !== kansenStatuut) refuse('INVALID_CARD', 'kansenpas and kansenstatuut must go together');
  checkKansenStatuutEndDate(context, params.get('kansenStatuutEndDate'));
  // Without a new card, the pass holder must already have a card that is not a kansenpas.
  const hasRegularCard = [...holder.memberships.values()].some((m) => m.uitpasNumber && !state.cards.get(m.uitpasNumber)?.kansenpas);
  if (!card && !hasRegularCard) refuse('MISSING_REQUIRED_FIELDS', 'a new card is required');
  const voucher = checkVoucher(context);
  holder.memberships.set(systemId, {
    cardSystemId: systemId,
    kansenStatuut,
    kansenStatuutEndDate: kansenStatuut ? params.get('kansenStatuutEndDate') : undefined,
    uitpasNumber: card?.uitpasNumber,
  });
  if (card) activate(card, voucher);
  return { status: 200, body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${passholderXml(holder, state, isoDay(context.today))}` };
}

export function updateCardSystemData(context: OperationContext, uid: string, cardSystemId: string): Reply {
  const { params, state } = context;
  const balie = balieOf(context);
  const holder = state.passholders.get(uid) ?? refuse('UNKNOWN_PASSHOLDER_UID', 'unknown passholder');
  if (!state.cardSystems.has(cardSystemId)) refuse('UNKNOWN_CARD_SYSTEM', 'unknown card system');
  const membership = holder.memberships.get(cardSystemId) ?? refuse('ACTION_NOT_ALLOWED', 'not a member of this card system');
  const endDate = params.get('kansenStatuutEndDate');
  if (endDate) {
    requirePermission(balie, cardSystemId, 'kansenstatuut toekennen');
    if (!membership.kansenStatuut) refuse('ACTION_NOT_ALLOWED', 'no kansenstatuut in this card system');
    checkKansenStatuutEndDate(context, endDate);
    membership.kansenStatuutEndDate = endDate;
  }
  return ok({ code: 'ACTION_SUCCEEDED', message: 'De pashouder gegevens werden aangepast.' });
}

export function getPassholder(context: OperationContext, uitpasNumber: string): Reply {
  if (uitpasNumberProblem(uitpasNumber)) refuse('PARSE_INVALID_UITPASNUMBER', 'invalid uitpas number');
  const holder = context.state.passholderByCard(uitpasNumber) ?? refuse('UNKNOWN_UITPASNUMBER', 'unknown uitpas number');
  return { status: 200, body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${passholderXml(holder, context.state, isoDay(context.today))}` };
}

/** Opt-ins of an existing pass holder (DOC pashouders/opt-in-voorkeuren-aanpassen.md): employee token, balie required. */
export function setOptInPreferences(context: OperationContext, uid: string): Reply {
  balieOf(context);
  const holder = context.state.passholders.get(uid) ?? refuse('UNKNOWN_PASSHOLDER_UID', 'unknown passholder');
  const chosen = optIns(context, holder.fields.dateOfBirth);
  // Only the opt-ins sent change.
  for (const name of optInNames) if (context.params.has(name)) holder.optIns[name] = chosen[name] ?? false;
  return ok({ uid: holder.uid, optInPreferences: Object.fromEntries(optInNames.map((name) => [name, holder.optIns[name] ?? false])) });
}

/** A photo bigger than this is refused (an eID photo is about 3 kB; the docs give no limit, so this one is inferred). */
export const maxPictureBytes = 256 * 1024;

/**
 * POST uitpas/passholder/{uid}/uploadPicture (DOC pashouders/upload-picture.md): multipart/form-data, field
 * `picture` with the image's bytes, balie required, PERMISSION_PASSHOLDER - ACTION_UPDATE in one of the pass
 * holder's card systems (registratie here). The docs promise "200 OK with an XML body"; which body is not shown,
 * so ACTION_SUCCEEDED is inferred. Anything that is not a JPEG, or too big, is ACTION_FAILED (inferred).
 */
export function uploadPicture(context: OperationContext, uid: string): Reply {
  const balie = balieOf(context);
  const holder = context.state.passholders.get(uid) ?? refuse('UNKNOWN_PASSHOLDER_UID', 'unknown passholder');
  if (![...holder.memberships.keys()].some((id) => (balie.permissions[id] ?? []).includes('registratie'))) {
    refuse('ACCESS_DENIED', 'balie may not update this passholder', permissionNames.update);
  }
  const picture = context.files?.get('picture');
  if (!picture || picture.length === 0) return refuse('MISSING_REQUIRED_FIELDS', 'picture is required');
  if (picture.length > maxPictureBytes) refuse('ACTION_FAILED', 'picture too large');
  if (picture[0] !== 0xff || picture[1] !== 0xd8) refuse('ACTION_FAILED', 'picture is not a JPEG');
  holder.picture = Buffer.from(picture).toString('base64');
  return ok({ code: 'ACTION_SUCCEEDED', message: 'The picture has been uploaded.' });
}
