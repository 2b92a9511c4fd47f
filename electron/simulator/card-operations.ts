/**
 * The simulated operations about a card: a new card for a pass holder, the
 * card's own data and its price, with the stock and voucher checks that
 * registering a pass holder shares.
 */
import { ageOn, isBelgianPostalCode, isIsoDate, isoDay } from '../rules/fields';
import { uitpasNumberProblem } from '../rules/uitpas-number';
import { balieOf, checkKansenStatuutEndDate, ok, param, permissionNames, refuse, requirePermission, required, type OperationContext, type Reply } from './operation-core';
import type { SeedBalie, SeedCard } from './seed';
import type { SimPassholder } from './state';


export function stockCard(context: OperationContext, balie: SeedBalie, number: string): SeedCard {
  if (uitpasNumberProblem(number)) refuse('PARSE_INVALID_UITPASNUMBER', 'invalid uitpas number');
  const card = context.state.cards.get(number);
  if (!card) return refuse('UNKNOWN_CARD', 'no card with this number');
  if (card.balieConsumerKey !== balie.consumerKey) refuse('CARD_NOT_ASSIGNED_TO_BALIE', 'card not at this balie');
  if (card.status !== 'LOCAL_STOCK') refuse('INVALID_CARD_STATUS', `card status ${card.status}`);
  return card;
}

export function checkVoucher(context: OperationContext): { number: string; used: boolean } | undefined {
  const number = context.params.get('voucherNumber');
  if (!number) return undefined;
  if (!/^[A-Z0-9-]{4,30}$/i.test(number)) refuse('PARSE_INVALID_VOUCHERNUMBER', 'invalid voucher number');
  const voucher = context.state.vouchers.get(number);
  if (!voucher) return refuse('UNKNOWN_VOUCHER', 'no such voucher');
  if (voucher.used) refuse('INVALID_VOUCHER_STATUS', 'voucher already used');
  return voucher;
}

export function activate(card: SeedCard, voucher: { used: boolean } | undefined): void {
  card.status = 'ACTIVE';
  card.balieConsumerKey = null;
  if (voucher) voucher.used = true;
}

function passholderByUid(context: OperationContext, code: string): SimPassholder {
  const uid = context.params.get('uid') ?? '';
  return context.state.passholders.get(uid) ?? refuse(code, 'unknown passholder');
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

/**
 * POST uitpas/passholder/block/{uitpasNumber} (DOC pashouders/block-uitpas.md; CF Uitpas/Default.php::blockUitpas):
 * a staff member's balie must hold PERMISSION_PASSHOLDER - ACTION_BLOCK in the card's card system (registratie here,
 * inferred: the seeds' permissions have no separate block right). Only an active card of a pass holder can be
 * blocked; a blocked one is INVALID_CARD_STATUS, as the docs' example says.
 */
export function blockCard(context: OperationContext, uitpasNumber: string): Reply {
  const balie = balieOf(context);
  if (uitpasNumberProblem(uitpasNumber)) refuse('PARSE_INVALID_UITPASNUMBER', 'invalid uitpas number');
  const card = context.state.cards.get(uitpasNumber);
  if (!card || !context.state.passholderByCard(uitpasNumber)) return refuse('UNKNOWN_UITPASNUMBER', 'no passholder with this card');
  if (!(balie.permissions[card.cardSystemId] ?? []).includes('registratie')) refuse('ACCESS_DENIED', 'balie may not block this card', permissionNames.block);
  if (card.status !== 'ACTIVE') refuse('INVALID_CARD_STATUS', `card status ${card.status}`);
  card.status = 'BLOCKED';
  // The answer of CF's test data (CultureFeed/test/uitpas/data/passholder/block.xml), not the docs' ACTION_SUCCEEDED.
  return ok({ code: 'BLOCK_UITPAS_SUCCESS', message: 'The uitpas has been blocked.' });
}
