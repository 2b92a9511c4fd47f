/**
 * The counter operations and look-ups of the UiTPAS API, with the seeds' rules
 * and error codes, over the simulator's state. Each returns the HTTP status and
 * XML body the real API would.
 */
import { randomUUID } from 'node:crypto';
import { ageOn, isBelgianPostalCode, isEmailAddress, isIsoDate, isoDay, latestKansenStatuutEndDate } from '../rules/fields';
import { inszProblem, normaliseInsz } from '../rules/insz';
import { optInNames } from '../rules/passholder-rules';
import { uitpasNumberProblem } from '../rules/uitpas-number';
import type { SeedBalie, SeedCard } from './seed';
import type { Membership, SimPassholder, SimulatorState } from './state';
import { document, passholderXml } from './xml-writer';

export interface Reply {
  status: number;
  body: string;
}

export interface OperationContext {
  state: SimulatorState;
  /** The first value of each parameter. */
  params: Map<string, string>;
  /** Every parameter as sent, repeated keys included. */
  all: readonly (readonly [string, string])[];
  /** null for a consumer request (no staff token). */
  employeeUid: string | null;
  today: Date;
}

const permissionNames = {
  create: 'PERMISSION_PASSHOLDER - ACTION_CREATE',
  kansenstatuut: 'PERMISSION_KANSENSTATUUT - ACTION_CREATE',
  update: 'PERMISSION_PASSHOLDER - ACTION_UPDATE',
};

export class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
    readonly requiredPermission?: string,
    readonly extra: Record<string, unknown> = {},
    readonly status = 400,
  ) {
    super(code);
  }
}

/** A parameter's value, "" when absent: callers check presence with required() first. */
export const param = (params: Map<string, string>, name: string): string => params.get(name) ?? '';

export const refuse = (code: string, detail: string, requiredPermission?: string): never => {
  throw new Refusal(code, detail, requiredPermission);
};

export function run<R extends Reply | undefined>(operation: (context: OperationContext) => R, context: OperationContext): R | Reply {
  try {
    return operation(context);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const { userId, links } = error.extra;
    const extra = typeof userId === 'string' && typeof links === 'string' ? `<userId>${userId}</userId><cardSystemLinks>${links}</cardSystemLinks>` : '';
    const permission = error.requiredPermission ? `<requiredPermission>${error.requiredPermission}</requiredPermission>` : '';
    return {
      status: error.status,
      body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<response><code>${error.code}</code><message>${error.detail}</message>${permission}${extra}</response>`,
    };
  }
}

export const ok = (tree: Parameters<typeof document>[1]): Reply => ({ status: 200, body: document('response', tree) });

// ---- shared checks -------------------------------------------------------

/**
 * Every endpoint, before its own rules: the parameters UiTPAS 3.3.0 removed are refused with INVALID_PARAMETERS
 * (DOC pashouders/opt-in-voorkeuren-aanpassen.md), and a balieConsumerKey that names no balie, the empty one
 * included, is UNKNOWN_BALIE_CONSUMERKEY (DOC balies/opvragen-voorraadtellers-uitpassen.md; CF Uitpas/Error.php).
 */
export function refuseRemovedOrEmpty({ state, params }: OperationContext): undefined {
  const removed = ['emailPreference', 'smsPreference'].filter((name) => params.has(name));
  if (removed.length) refuse('INVALID_PARAMETERS', `removed parameters: ${removed.join(', ')}`);
  if (params.has('balieConsumerKey') && !state.balies.has(param(params, 'balieConsumerKey'))) refuse('UNKNOWN_BALIE_CONSUMERKEY', 'unknown balie consumer key');
  return undefined;
}

/** The balie a staff member acts for: required since UPS-3368 (DOC commit 1199665), and the employee must belong to it. */
export function balieOf({ state, params, employeeUid }: OperationContext): SeedBalie {
  const key = params.get('balieConsumerKey');
  if (!key) return refuse('MISSING_REQUIRED_FIELDS', 'balieConsumerKey is required');
  const balie = state.balies.get(key) ?? refuse('UNKNOWN_BALIE_CONSUMERKEY', 'unknown balie consumer key');
  if (employeeUid === null || !state.employees.has(employeeUid)) return refuse('ACCESS_DENIED', 'not an employee of this balie', permissionNames.create);
  return balie;
}

function requirePermission(balie: SeedBalie, cardSystemId: string, permission: 'registratie' | 'kansenstatuut toekennen'): void {
  if (!(balie.permissions[cardSystemId] ?? []).includes(permission)) {
    refuse('ACCESS_DENIED', `balie lacks ${permission}`, permission === 'registratie' ? permissionNames.create : permissionNames.kansenstatuut);
  }
}

function required(params: Map<string, string>, names: readonly string[]): void {
  const missing = names.filter((name) => !params.get(name)?.trim());
  if (missing.length) refuse('MISSING_REQUIRED_FIELDS', `missing: ${missing.join(', ')}`);
}

function stockCard(context: OperationContext, balie: SeedBalie, number: string): SeedCard {
  if (uitpasNumberProblem(number)) refuse('PARSE_INVALID_UITPASNUMBER', 'invalid uitpas number');
  const card = context.state.cards.get(number);
  if (!card) return refuse('UNKNOWN_CARD', 'no card with this number');
  if (card.balieConsumerKey !== balie.consumerKey) refuse('CARD_NOT_ASSIGNED_TO_BALIE', 'card not at this balie');
  if (card.status !== 'LOCAL_STOCK') refuse('INVALID_CARD_STATUS', `card status ${card.status}`);
  return card;
}

function checkKansenStatuutEndDate(context: OperationContext, value: string | undefined): void {
  if (!value) return;
  if (!isIsoDate(value)) refuse('PARSE_INVALID_DATE', 'kansenStatuutEndDate is not a W3C date');
  if (value > latestKansenStatuutEndDate(context.today)) refuse('INVALID_DATE_CONSTRAINTS', 'kansenStatuutEndDate after the end of next year');
}

function checkVoucher(context: OperationContext): { number: string; used: boolean } | undefined {
  const number = context.params.get('voucherNumber');
  if (!number) return undefined;
  if (!/^[A-Z0-9-]{4,30}$/i.test(number)) refuse('PARSE_INVALID_VOUCHERNUMBER', 'invalid voucher number');
  const voucher = context.state.vouchers.get(number);
  if (!voucher) return refuse('UNKNOWN_VOUCHER', 'no such voucher');
  if (voucher.used) refuse('INVALID_VOUCHER_STATUS', 'voucher already used');
  return voucher;
}

function passholderByUid(context: OperationContext, code: string): SimPassholder {
  const uid = context.params.get('uid') ?? '';
  return context.state.passholders.get(uid) ?? refuse(code, 'unknown passholder');
}

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

function activate(card: SeedCard, voucher: { used: boolean } | undefined): void {
  card.status = 'ACTIVE';
  card.balieConsumerKey = null;
  if (voucher) voucher.used = true;
}

// ---- operations ----------------------------------------------------------


/** The five opt-ins: marked required on register, and false under 16 (DOC pashouders/registreren-van-een-pashouder.md). */
function optIns(context: OperationContext, dateOfBirth: string | undefined, mustBeSent: boolean): Record<string, boolean> {
  const { params } = context;
  if (mustBeSent) required(params, optInNames);
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
  const chosenOptIns = optIns(context, fields.dateOfBirth, true);
  const card = stockCard(context, balie, param(params, 'uitpasNumber'));
  requirePermission(balie, card.cardSystemId, 'registratie');
  const kansenStatuut = params.get('kansenStatuut') === 'true';
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
    optIns: chosenOptIns,
    legalTerms: {
      paper: params.get('legalTermsPaper') === 'true',
      digital: params.get('legalTermsDigital') === 'true',
      parentalConsent: params.get('parentalConsent') === 'true',
    },
    verified: params.get('verified') === 'true',
    registrationBalieConsumerKey: balie.consumerKey,
    memberships: new Map([[card.cardSystemId, membership]]),
  });
  activate(card, voucher);
  return ok({ message: uid, resource: `/uitpas/passholder/${card.uitpasNumber}` });
}

const newCardReasons = new Set(['LOSS_THEFT', 'DEFECT', 'REMOVAL', 'LOSS_KANSENSTATUUT', 'OBTAIN_KANSENSTATUUT', 'CARD_UPGRADE', 'EXTRA_CARD']);

export function registerNewCard(context: OperationContext): Reply {
  const { params } = context;
  const balie = balieOf(context);
  required(params, ['uid', 'reason', 'uitpasNumber']);
  if (!newCardReasons.has(param(params, 'reason'))) refuse('MISSING_REQUIRED_FIELDS', 'unknown reason');
  const holder = passholderByUid(context, 'UNKNOWN_PASSHOLDER_UID');
  checkKansenStatuutEndDate(context, params.get('kansenStatuutEndDate'));
  const card = stockCard(context, balie, param(params, 'uitpasNumber'));
  requirePermission(balie, card.cardSystemId, 'registratie');
  const reason = param(params, 'reason');
  const current = holder.memberships.get(card.cardSystemId);
  const kansenStatuut = reason === 'OBTAIN_KANSENSTATUUT' ? true : reason === 'LOSS_KANSENSTATUUT' ? false : (current?.kansenStatuut ?? false);
  if (reason === 'OBTAIN_KANSENSTATUUT') {
    required(params, ['kansenStatuutEndDate']);
    requirePermission(balie, card.cardSystemId, 'kansenstatuut toekennen');
  }
  if (card.kansenpas !== kansenStatuut) refuse('INVALID_CARD', 'kansenpas and kansenstatuut must go together');
  const voucher = checkVoucher(context);

  if (current?.uitpasNumber && reason !== 'EXTRA_CARD') {
    const old = context.state.cards.get(current.uitpasNumber);
    if (old) old.status = 'BLOCKED';
  }
  holder.memberships.set(card.cardSystemId, {
    cardSystemId: card.cardSystemId,
    kansenStatuut,
    kansenStatuutEndDate: kansenStatuut ? (params.get('kansenStatuutEndDate') ?? current?.kansenStatuutEndDate) : undefined,
    uitpasNumber: card.uitpasNumber,
  });
  activate(card, voucher);
  return ok({ message: holder.uid, resource: `/uitpas/passholder/${card.uitpasNumber}` });
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

// ---- look-ups ------------------------------------------------------------

export function getPassholder(context: OperationContext, uitpasNumber: string): Reply {
  if (uitpasNumberProblem(uitpasNumber)) refuse('PARSE_INVALID_UITPASNUMBER', 'invalid uitpas number');
  const holder = context.state.passholderByCard(uitpasNumber) ?? refuse('UNKNOWN_UITPASNUMBER', 'unknown uitpas number');
  return { status: 200, body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${passholderXml(holder, context.state, isoDay(context.today))}` };
}

export function getCard(context: OperationContext): Reply {
  balieOf(context);
  const number = context.params.get('uitpasNumber');
  if (!number) return refuse('MISSING_REQUIRED_FIELDS', 'uitpasNumber is required');
  if (uitpasNumberProblem(number)) refuse('PARSE_INVALID_UITPASNUMBER', 'invalid uitpas number');
  const card = context.state.cards.get(number) ?? refuse('UNKNOWN_CARD', 'unknown card');
  const system = context.state.cardSystems.get(card.cardSystemId) ?? refuse('UNKNOWN_CARD_SYSTEM', 'card of an unknown card system');
  // The card's own status, the same from every balie: whose stock it is, the price call tells
  // (BALIE_NOT_AUTHORIZED, DOC uitpas-prijzen/ophalen-uitpas-prijs.md), as the real counter asks it (NG replace-pass-controller.js).
  return ok({
    cardSystem: { id: system.id, name: system.name },
    cardType: 'CARD',
    kansenpas: card.kansenpas,
    status: card.status,
    uitpasNumber: card.uitpasNumber,
  });
}

const priceReasons = new Set(['FIRST_CARD', 'CARD_UPGRADE', 'EXTRA_CARD', 'LOSS_THEFT', 'DEFECT', 'LOSS_KANSENSTATUUT', 'OBTAIN_KANSENSTATUUT']);

export function getPrice(context: OperationContext): Reply {
  const { params, state } = context;
  const balie = balieOf(context);
  required(params, ['reason']);
  if (!priceReasons.has(param(params, 'reason'))) refuse('PARSE_INVALID_UITPAS_STATUS_CHANGE_REASON', 'unknown reason');
  const number = params.get('uitpasNumber');
  let systemId = params.get('cardSystemId');
  let kansenpas = false;
  if (number) {
    if (uitpasNumberProblem(number)) refuse('PARSE_INVALID_UITPASNUMBER', 'invalid uitpas number');
    const card = state.cards.get(number) ?? refuse('UNKNOWN_CARD', 'unknown card');
    if (card.balieConsumerKey !== balie.consumerKey) refuse('BALIE_NOT_AUTHORIZED', 'card not at this balie');
    systemId = card.cardSystemId;
    kansenpas = card.kansenpas;
  }
  if (!systemId) return refuse('MISSING_REQUIRED_FIELDS', 'uitpasNumber or cardSystemId is required');
  const system = state.cardSystems.get(systemId) ?? refuse('UNKNOWN_CARD_SYSTEM', 'unknown card system');
  const voucher = checkVoucher(context);
  const reason = param(params, 'reason');
  const dateOfBirth = params.get('dateOfBirth');
  if (dateOfBirth && (!isIsoDate(dateOfBirth) || dateOfBirth > isoDay(context.today))) refuse('PARSE_INVALID_DATE', 'invalid dateOfBirth');
  if (params.get('postalCode') && !isBelgianPostalCode(param(params, 'postalCode'))) refuse('PARSE_INVALID_POSTAL_CODE', 'invalid postal code');
  const band = priceBand(reason, kansenpas, dateOfBirth ? ageOn(dateOfBirth, context.today) : null);
  return ok({
    uitpasPrice: {
      id: `${system.id}-${reason}-${kansenpas ? 'k' : 'n'}-${band.ageFrom ?? ''}`,
      reason,
      cardType: 'CARD',
      voucherType: voucher ? { name: 'Welkomstvoucher', prefix: voucher.number.split('-')[0] ?? '' } : undefined,
      ageRange: { ageFrom: band.ageFrom, ageTo: band.ageTo },
      kansenstatuut: kansenpas,
      price: (voucher ? 0 : band.price).toFixed(2),
      cardSystem: { id: system.id, name: system.name },
    },
  });
}

/**
 * Prices per age band (DOC entiteiten/agerange-entiteit.md, entiteiten/uitpasprice-entiteit.md with
 * useWhenAgeUnknown; uitpas-prijzen/ophalen-uitpas-prijs.md takes dateOfBirth for this): a first or extra card
 * costs less for children and seniors; the adult price is the one used when the age is unknown.
 * The amounts are made up.
 */
function priceBand(reason: string, kansenpas: boolean, age: number | null): { price: number; ageFrom?: string; ageTo?: string } {
  if (kansenpas) return { price: reason === 'FIRST_CARD' || reason === 'EXTRA_CARD' ? 1.5 : 1, ageFrom: '0' };
  if (reason === 'CARD_UPGRADE') return { price: 2, ageFrom: '0' };
  if (reason !== 'FIRST_CARD' && reason !== 'EXTRA_CARD') return { price: 3, ageFrom: '0' };
  if (age !== null && age < 18) return { price: 2, ageFrom: '0', ageTo: '17' };
  if (age !== null && age >= 65) return { price: 3, ageFrom: '65' };
  return { price: 5, ageFrom: '18', ageTo: '64' };
}

export function listBalies(context: OperationContext): Reply {
  const uid = context.params.get('uid');
  if (!uid) return refuse('MISSING_REQUIRED_FIELDS', 'uid is required');
  if (uid !== context.employeeUid || !context.state.employees.has(uid)) refuse('UNKNOWN_USER', 'unknown user');
  return ok({
    balies: {
      balie: [...context.state.balies.values()].map((balie) => ({
        id: balie.id,
        consumerKey: balie.consumerKey,
        name: balie.name,
        role: 'member',
        cardSystems: {
          cardSystem: Object.entries(balie.permissions).map(([id, permissions]) => ({
            id,
            name: context.state.cardSystems.get(id)?.name ?? '',
            permissions: { permission: [...permissions] },
            groups: '',
          })),
        },
      })),
    },
  });
}

/** Opt-ins of an existing pass holder (DOC pashouders/opt-in-voorkeuren-aanpassen.md): employee token, balie required. */
export function setOptInPreferences(context: OperationContext, uid: string): Reply {
  balieOf(context);
  const holder = context.state.passholders.get(uid) ?? refuse('UNKNOWN_PASSHOLDER_UID', 'unknown passholder');
  const chosen = optIns(context, holder.fields.dateOfBirth, false);
  // Only the opt-ins sent change.
  for (const name of optInNames) if (context.params.has(name)) holder.optIns[name] = chosen[name] ?? false;
  return ok({ uid: holder.uid, optInPreferences: Object.fromEntries(optInNames.map((name) => [name, holder.optIns[name] ?? false])) });
}
