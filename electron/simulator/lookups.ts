/**
 * The look-ups a counter does before anything else: uitpas/retrieve (by UiTPAS
 * number, chip number or INSZ) and the pass holder search, as production
 * answers them.
 */
import { isIsoDate, isoDay } from '../rules/fields';
import { inszProblem, normaliseInsz } from '../rules/insz';
import { uitpasNumberProblem } from '../rules/uitpas-number';
import { balieOf, param, refuse, type OperationContext, type Reply } from './operation-core';
import type { SeedCard } from './seed';
import type { SimPassholder } from './state';
import { matchesWildcard } from './wildcard';
import { element, passholderXml } from './xml-writer';

const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * GET uitpas/retrieve?identification= (DOC uitpas/ophalen-van-pashouder-dmv-uitpasnummer-chipnummer-insz-of-insz-barcode.md;
 * CF Uitpas/Default.php::identify): the server tells the kinds apart itself. With a staff token the balie is required.
 * The answer holds passHolder and/or card, or card and groupPass (name, endDate, ticketsPerYear, uuid,
 * availableTickets and the group's card, in the DOC's order); a blocked card or an expired kansenstatuut comes
 * back with HTTP 200 and <code> beside the data; a deleted card is just a card with status DELETED, which the
 * counter front end tells apart (AN app/scripts/utilities/uitpas-router.service.js). Chip numbers are the
 * cards' UIDs as 14 hex digits (seed.ts chipNumberOf). Nothing found: 400 UNKNOWN_IDENTIFICATION.
 */
export function retrieve(context: OperationContext): Reply {
  const { state, params } = context;
  if (context.employeeUid !== null) balieOf(context);
  const identification = param(params, 'identification').trim();
  if (!identification) return refuse('MISSING_REQUIRED_FIELDS', 'identification is required');
  let card: SeedCard | undefined;
  let holder: SimPassholder | undefined;
  if (/^\d{13}$/.test(identification) && !uitpasNumberProblem(identification)) {
    card = state.cards.get(identification);
    holder = state.passholderByCard(identification);
  } else if (/^\d{11}$/.test(normaliseInsz(identification)) && !inszProblem(identification)) {
    holder = state.passholderByInsz(normaliseInsz(identification));
    const current = holder && [...holder.memberships.values()].find((membership) => membership.uitpasNumber);
    card = current?.uitpasNumber ? state.cards.get(current.uitpasNumber) : undefined;
  } else {
    card = state.cardByChip(identification);
    holder = card ? state.passholderByCard(card.uitpasNumber) : undefined;
  }
  if (!card && !holder) return refuse('UNKNOWN_IDENTIFICATION', 'nothing found for this identification');

  const today = isoDay(context.today);
  const expired = holder && [...holder.memberships.values()].some((m) => m.kansenStatuut && m.kansenStatuutEndDate !== undefined && m.kansenStatuutEndDate < today);
  const code = card?.status === 'BLOCKED' ? 'INVALID_CARD_STATUS_BLOCKED' : expired ? 'KANSENSTATUUT_EXPIRED' : undefined;
  const system = card ? state.cardSystems.get(card.cardSystemId) : undefined;
  const balie = card?.status === 'LOCAL_STOCK' && card.balieConsumerKey ? state.balies.get(card.balieConsumerKey) : undefined;
  const cardTree = card && {
    // The balie only for a card in a balie's stock (DOC, "card" row).
    balie: balie ? { id: balie.id, name: balie.name } : undefined,
    cardSystem: { id: card.cardSystemId, name: system?.name ?? '' },
    cardType: 'CARD',
    kansenpas: card.kansenpas,
    status: card.status,
    uitpasNumber: { uitpasNumber: card.uitpasNumber },
  };
  const group = card && state.groupPassByCard(card.uitpasNumber);
  const groupXml = group
    ? element('groupPass', {
        name: group.name,
        endDate: `${group.endDate}T00:00:00+02:00`,
        ticketsPerYear: group.ticketsPerYear,
        uuid: group.uuid,
        availableTickets: group.availableTickets,
        card: cardTree,
      })
    : '';
  const body =
    (code ? element('code', code) : '') +
    (holder ? passholderXml(holder, state, today) : '') +
    (cardTree ? element('card', cardTree) : '') +
    groupXml +
    (card && holder ? element('uitpasNumberOriginalRequest', card.uitpasNumber) : '');
  return { status: 200, body: `${xmlDeclaration}<response>${body}</response>` };
}

/**
 * GET uitpas/passholder/search (DOC pashouders/zoeken-van-pashouders.md; CF Passholder/Query/SearchPassholdersOptions.php for the
 * parameters CF sends; the `*` wildcard is the docs', invalidUitpasNumbers is read by CF Uitpas/Default.php::searchPassholders).
 * A consumer request searches the balie's card systems (all of them when searching only by UiTPAS number);
 * signed with a user's token it runs in owner mode and finds only that user's own pass holder record,
 * which a staff member does not have. name, firstName, street and city take `*` as wildcard; uitpasNumber repeats.
 */
export function searchPassholders(context: OperationContext): Reply {
  const { state, params, all } = context;
  const numbers = all.filter(([name]) => name === 'uitpasNumber').map(([, value]) => value);
  const invalid = numbers.filter((number) => uitpasNumberProblem(number));
  if (numbers.length > 0 && invalid.length === numbers.length) refuse('PARSE_INVALID_UITPASNUMBER', 'no valid uitpas number');
  const dob = params.get('dob');
  if (dob && !isIsoDate(dob)) refuse('PARSE_INVALID_DATE', 'dob is not a W3C date');
  const insz = params.get('inszNumber');
  if (insz && inszProblem(insz) !== null && inszProblem(insz) !== 'date-of-birth' && inszProblem(insz) !== 'gender') refuse('PARSE_INVALID_INSZ', 'invalid INSZ');
  const balieKey = params.get('balieConsumerKey');
  const balie = balieKey ? state.balies.get(balieKey) : undefined;
  const onlyNumbers = numbers.length > 0 && ['name', 'firstName', 'dob', 'postalCode', 'street', 'city', 'email', 'inszNumber'].every((name) => !params.get(name));

  // Blocked pass holders only with includeBlocked=true (DOC zoeken-van-pashouders.md: "default = false").
  const includeBlocked = params.get('includeBlocked') === 'true';
  const matches = (holder: SimPassholder): boolean => {
    if (context.employeeUid !== null) return holder.uid === context.employeeUid;
    if (!includeBlocked && state.isBlocked(holder)) return false;
    const f = holder.fields;
    if (balie && !onlyNumbers && ![...holder.memberships.keys()].some((id) => id in balie.permissions)) return false;
    if (params.get('name') && !matchesWildcard(param(params, 'name'), f.name ?? '')) return false;
    if (params.get('firstName') && !matchesWildcard(param(params, 'firstName'), f.firstName ?? '')) return false;
    if (dob && f.dateOfBirth !== dob) return false;
    if (params.get('postalCode') && f.postalCode !== param(params, 'postalCode').trim()) return false;
    // Street and city take `*` as the names do; the e-mail is the whole address (DOC zoeken-van-pashouders.md).
    // That the address is compared without regard to case is inferred (e-mail addresses are in practice).
    if (params.get('street') && !matchesWildcard(param(params, 'street'), f.street ?? '')) return false;
    if (params.get('city') && !matchesWildcard(param(params, 'city'), f.city ?? '')) return false;
    if (params.get('email') && (f.email ?? '').toLowerCase() !== param(params, 'email').trim().toLowerCase()) return false;
    if (insz && f.inszNumber !== normaliseInsz(insz)) return false;
    if (numbers.length && ![...holder.memberships.values()].some((m) => m.uitpasNumber !== undefined && numbers.includes(m.uitpasNumber))) return false;
    return true;
  };
  const found = [...state.passholders.values()].filter(matches);
  const start = Number(params.get('start') ?? 0) || 0;
  const max = Math.min(Number(params.get('max') ?? 20) || 20, 100);
  const today = isoDay(context.today);
  const page = found
    .slice(start, start + max)
    .map((holder) => passholderXml(holder, state, today).replace(/^<passHolder/, '<passholder').replace(/<\/passHolder>$/, '</passholder>'))
    .join('');
  const invalidXml = invalid.length ? element('invalidUitpasNumbers', { invalidUitpasNumber: invalid }) : '';
  return { status: 200, body: `${xmlDeclaration}<response><passholders>${page}</passholders>${invalidXml}<total>${found.length}</total></response>` };
}
