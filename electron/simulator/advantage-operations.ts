/**
 * The simulated advantage calls of the visit (reference /work/shared/reference/counter-day.md §4, §6.3): welcome
 * advantages A6/A7/A10, points promotions A8/A9/A11 and the cashed ones A12. A cash-in marks the advantage for the
 * pass holder and takes the points. Shapes: CF-T passholder/advantages.xml, promotion_points.xml, promotion.xml,
 * promotion_checkin.xml; DOC samples where there is no fixture.
 */
import { randomUUID } from 'node:crypto';
import { dayBounds, w3cInBrussels } from '../uitpas/visit-time';
import { balieOf, param, refuse, Refusal, required, type OperationContext, type Reply } from './operation-core';
import type { SimulatorState } from './state';
import { todayOf, visitCard, type VisitCard } from './visit-rules';
import { advantagePeriod, seedPointsPromotions, seedWelcomeAdvantages, type SeedPointsPromotion, type SeedWelcomeAdvantage } from './visit-seed';
import { element, type XmlTree } from './xml-writer';

const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function baliesTree(state: SimulatorState, keys: readonly string[]): XmlTree {
  // Balie ids: consumer keys as in the DOC samples (DOC pashouders/ophalen-verzilverde-omruilvoordelen.md; CF
  // test/uitpas/data/passholder/promotion.xml has small integers).
  return { balie: keys.map((key) => ({ id: key, name: state.balies.get(key)?.name ?? key })) };
}

function cashingPeriod(state: SimulatorState): XmlTree {
  return {
    // Each bound with the Belgian offset of its own day (summer or winter time).
    cashingPeriodBegin: dayBounds(state.visit.day(advantagePeriod.fromInDays)).start,
    cashingPeriodEnd: dayBounds(state.visit.day(advantagePeriod.toInDays)).end,
  };
}

const cashInsOf = (state: SimulatorState, uid: string, kind: 'welcome' | 'points', id: string) =>
  state.visit.cashIns.filter((cashIn) => cashIn.uid === uid && cashIn.kind === kind && cashIn.promotionId === id);

function welcomeTree(state: SimulatorState, advantage: SeedWelcomeAdvantage, uid: string | undefined): XmlTree {
  const cashed = uid ? cashInsOf(state, uid, 'welcome', advantage.id)[0] : undefined;
  const taken = state.visit.cashIns.filter((cashIn) => cashIn.kind === 'welcome' && cashIn.promotionId === advantage.id).length;
  return {
    balies: baliesTree(state, advantage.balies),
    cashedIn: cashed !== undefined,
    cashingDate: cashed ? w3cInBrussels(cashed.at) : undefined,
    description1: advantage.description1,
    id: advantage.id,
    points: 0,
    title: advantage.title,
    ...cashingPeriod(state),
    maxAvailableUnits: advantage.maxAvailableUnits,
    unitsTaken: advantage.maxAvailableUnits !== undefined ? taken : undefined,
  };
}

/** Why a holder cannot cash a points promotion now (DOC entiteiten/pointspromotion-entiteit.md cashInState values). */
function cashInState(context: OperationContext, promotion: SeedPointsPromotion, card: VisitCard): string {
  const { state } = context;
  const uid = card.holder?.uid ?? '';
  const today = todayOf(context);
  if (card.card.status === 'BLOCKED') return 'NOT_POSSIBLE_INVALID_CARD';
  if (today < state.visit.day(advantagePeriod.fromInDays) || today > state.visit.day(advantagePeriod.toInDays)) return 'NOT_POSSIBLE_DATE_CONSTRAINT';
  const taken = state.visit.cashIns.filter((cashIn) => cashIn.kind === 'points' && cashIn.promotionId === promotion.id).length;
  if (promotion.maxAvailableUnits !== undefined && taken >= promotion.maxAvailableUnits) return 'NOT_POSSIBLE_VOLUME_CONSTRAINT';
  const limit = promotion.perPassholder;
  if (limit) {
    const mine = cashInsOf(state, uid, 'points', promotion.id).filter((cashIn) => limit.periodType === 'ABSOLUTE' || cashIn.at.getUTCFullYear() === context.today.getUTCFullYear());
    if (mine.length >= limit.periodVolume) return 'NOT_POSSIBLE_USER_VOLUME_CONSTRAINT';
  }
  if (state.visit.pointsOf(uid) < promotion.points) return 'NOT_POSSIBLE_POINTS_CONSTRAINT';
  return 'POSSIBLE';
}

function promotionTree(context: OperationContext, promotion: SeedPointsPromotion, card: VisitCard | undefined): XmlTree {
  const { state } = context;
  const uid = card?.holder?.uid;
  const taken = state.visit.cashIns.filter((cashIn) => cashIn.kind === 'points' && cashIn.promotionId === promotion.id).length;
  return {
    balies: baliesTree(state, promotion.balies),
    cashedIn: uid ? cashInsOf(state, uid, 'points', promotion.id).length > 0 : false,
    description1: promotion.description1,
    id: promotion.id,
    owningCardSystem: { id: promotion.cardSystemId, name: state.cardSystems.get(promotion.cardSystemId)?.name ?? '' },
    points: promotion.points,
    title: promotion.title,
    ...cashingPeriod(state),
    validForCities: { city: [...promotion.validForCities] },
    maxAvailableUnits: promotion.maxAvailableUnits,
    unitsTaken: promotion.maxAvailableUnits !== undefined ? taken : undefined,
    periodConstraint: promotion.perPassholder ? { periodType: promotion.perPassholder.periodType, periodVolume: promotion.perPassholder.periodVolume } : undefined,
    cashInState: card ? cashInState(context, promotion, card) : undefined,
  };
}

const forCardSystems = (card: VisitCard) => (advantage: { cardSystemId: string }) => card.holder?.memberships.has(advantage.cardSystemId) === true;
const atBalie = (balie: string | undefined) => (advantage: { balies: readonly string[] }) => !balie || advantage.balies.length === 0 || advantage.balies.includes(balie);

/**
 * A6 GET uitpas/passholder/{nr}/welcomeadvantages (DOC pashouders/ophalen-welkomstvoordelen-voor-pashouder.md): root
 * <promotions>, no total (CF-T passholder/advantages.xml); cashInBalieConsumerKey and cashedIn filter.
 */
export function welcomeAdvantages(context: OperationContext, uitpasNumber: string): Reply {
  const { state, params } = context;
  balieOf(context);
  const card = visitCard(state, uitpasNumber);
  const cashedFilter = params.get('cashedIn');
  // A group pass has no pass holder and no advantages (DOC-P domeinmodel/groepspas.md).
  const uid = card.holder?.uid;
  const items = seedWelcomeAdvantages
    .filter(forCardSystems(card))
    .filter(atBalie(params.get('cashInBalieConsumerKey')))
    .map((advantage) => welcomeTree(state, advantage, uid))
    .filter((tree) => cashedFilter === undefined || String(tree.cashedIn === true) === cashedFilter);
  return { status: 200, body: `${declaration}<promotions>${items.map((tree) => element('promotion', tree)).join('')}</promotions>` };
}

/**
 * A8 GET uitpas/passholder/pointsPromotions (DOC pashouders/ophalen-omruilvoordelen.md; CF-T passholder/promotion_points.xml):
 * a consumer request; balieConsumerKey restricts to where it can be cashed; filterOnUserPoints keeps the affordable.
 */
export function pointsPromotions(context: OperationContext): Reply {
  const { state, params } = context;
  required(params, ['uitpasNumber']);
  const card = visitCard(state, param(params, 'uitpasNumber'));
  const affordable = params.get('filterOnUserPoints') === 'true';
  const items = seedPointsPromotions
    .filter(forCardSystems(card))
    .filter(atBalie(params.get('balieConsumerKey')))
    .filter((promotion) => !affordable || state.visit.pointsOf(card.holder?.uid ?? '') >= promotion.points)
    .map((promotion) => promotionTree(context, promotion, card));
  return { status: 200, body: `${declaration}<response><promotions>${items.map((tree) => element('promotion', tree)).join('')}</promotions><total>${items.length}</total></response>` };
}

/** A7 POST uitpas/passholder/{nr}/cashInWelcomeAdvantage (DOC pashouders/verzilveren-welkomstvoordeel.md): answers promotionTO (CF-T passholder/promotion.xml). */
export function cashInWelcomeAdvantage(context: OperationContext, uitpasNumber: string): Reply {
  const { state, params } = context;
  const balie = balieOf(context);
  required(params, ['welcomeAdvantageId']);
  const id = param(params, 'welcomeAdvantageId');
  if (!/^\d{1,18}$/.test(id)) refuse('PARSE_INVALID_LONG', 'ongeldig id');
  const card = visitCard(state, uitpasNumber);
  const advantage = seedWelcomeAdvantages.find((candidate) => candidate.id === id);
  const holder = card.holder;
  if (!advantage || !holder || !forCardSystems(card)(advantage)) return refuse('UNKNOWN_WELCOME_ADVANTAGE_ID', 'Onbekend welkomstvoordeel');
  if (card.card.status === 'BLOCKED') refuse('INVALID_CARD_STATUS', 'Kaart geblokkeerd');
  if (!atBalie(balie.consumerKey)(advantage)) refuse('BALIE_NOT_AUTHORIZED', 'Niet om te ruilen aan deze balie');
  if (cashInsOf(state, holder.uid, 'welcome', id).length) refuse('WELCOMEADVANTAGE_ALREADY_CASHED_IN', 'Welkomstvoordeel al omgeruild');
  state.visit.cashIns.push({ id: randomUUID(), uid: holder.uid, kind: 'welcome', promotionId: id, at: context.today, balieConsumerKey: balie.consumerKey });
  return { status: 200, body: `${declaration}${element('promotionTO', welcomeTree(state, advantage, holder.uid))}` };
}

/**
 * A9 POST uitpas/passholder/{nr}/cashInPointsPromotion (DOC pashouders/punten-verzilveren.md): the points go; a
 * refusal is ACTION_NOT_ALLOWED with <cashInState> and a message naming promotion and state (the DOC refusal sample).
 */
export function cashInPointsPromotion(context: OperationContext, uitpasNumber: string): Reply {
  const { state, params } = context;
  const balie = balieOf(context);
  required(params, ['pointsPromotionId']);
  const id = param(params, 'pointsPromotionId');
  if (!/^\d{1,18}$/.test(id)) refuse('PARSE_INVALID_LONG', 'ongeldig id');
  const card = visitCard(state, uitpasNumber);
  const holder = card.holder ?? refuse('PASSHOLDER_NO_ACTIVE_CARDSYSTEMS', 'Geen pashouder');
  // UNKNOWN_POINTS_PROMOTION_ID: CF Uitpas/Error.php; DOC welkomstvoordelen-en-verzilveracties/ophalen-gegevens-van-een-verzilveractie.md.
  const promotion = seedPointsPromotions.find((candidate) => candidate.id === id) ?? refuse('UNKNOWN_POINTS_PROMOTION_ID', 'Onbekend omruilvoordeel');
  if (!forCardSystems(card)(promotion)) refuse('PASSHOLDER_NO_ACTIVE_CARDSYSTEMS', 'Geen actief kaartsysteem voor dit voordeel');
  const stateNow = atBalie(balie.consumerKey)(promotion) ? cashInState(context, promotion, card) : 'NOT_APPLICABLE_TO_PASSHOLDER';
  if (stateNow !== 'POSSIBLE') throw new Refusal('ACTION_NOT_ALLOWED', `Omruilen van ${promotion.title} niet mogelijk: ${stateNow}`, undefined, { cashInState: stateNow });
  state.visit.cashIns.push({ id: randomUUID(), uid: holder.uid, kind: 'points', promotionId: id, at: context.today, balieConsumerKey: balie.consumerKey });
  state.visit.addPoints(holder.uid, -promotion.points);
  const tree = promotionTree(context, promotion, card);
  // The cash-in's own answer: the fields of CF-T passholder/promotion_checkin.xml (balies, cashedIn, id, points, title).
  return { status: 200, body: `${declaration}${element('promotionTO', { balies: tree.balies, cashedIn: true, id: tree.id, points: tree.points, title: tree.title })}` };
}

/**
 * A10/A11 GET uitpas/promotion/welcomeAdvantage/{id} and …/pointsPromotion/{id} (DOC welkomstvoordelen-en-verzilveracties/
 * ophalen-gegevens-van-een-welkomstvoordeel.md, …-verzilveractie.md): consumer requests, uitpasNumber personalises.
 */
export function readPromotion(context: OperationContext, kind: 'welcomeAdvantage' | 'pointsPromotion', id: string): Reply {
  const { state, params } = context;
  if (!/^\d{1,18}$/.test(id)) refuse('PARSE_INVALID_LONG', 'ongeldig id');
  const card = params.get('uitpasNumber') ? visitCard(state, param(params, 'uitpasNumber')) : undefined;
  if (kind === 'welcomeAdvantage') {
    const advantage = seedWelcomeAdvantages.find((candidate) => candidate.id === id) ?? refuse('UNKNOWN_WELCOME_ADVANTAGE_ID', 'Onbekend welkomstvoordeel');
    return { status: 200, body: `${declaration}${element('welcomeAdvantageTO', welcomeTree(state, advantage, card?.holder?.uid))}` };
  }
  // UNKNOWN_POINTS_PROMOTION_ID: CF Uitpas/Error.php; DOC welkomstvoordelen-en-verzilveracties/ophalen-gegevens-van-een-verzilveractie.md.
  const promotion = seedPointsPromotions.find((candidate) => candidate.id === id) ?? refuse('UNKNOWN_POINTS_PROMOTION_ID', 'Onbekend omruilvoordeel');
  return { status: 200, body: `${declaration}${element('pointsPromotionTO', promotionTree(context, promotion, card))}` };
}

/** A12 GET uitpas/passholder/{nr}/cashedPointsPromotions (DOC pashouders/ophalen-verzilverde-omruilvoordelen.md): all balies, newest first. */
export function cashedPointsPromotions(context: OperationContext, uitpasNumber: string): Reply {
  const { state, params } = context;
  balieOf(context);
  const card = visitCard(state, uitpasNumber);
  const from = Date.parse(params.get('cashingPeriodBegin') ?? '') || 0;
  const until = Date.parse(params.get('cashingPeriodEnd') ?? '') || Number.MAX_SAFE_INTEGER;
  if (from > until) refuse('INVALID_INTERVAL_BEGIN_DATE_AFTER_END_DATE', 'begin na einde');
  const cashed = state.visit.cashIns
    .filter((cashIn) => cashIn.kind === 'points' && cashIn.uid === card.holder?.uid && cashIn.at.getTime() >= from && cashIn.at.getTime() <= until)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const start = Number(params.get('start') ?? 0) || 0;
  const max = Number(params.get('max') ?? 20) || 20;
  const items = cashed.slice(start, start + max).map((cashIn) => {
    const promotion = seedPointsPromotions.find((candidate) => candidate.id === cashIn.promotionId);
    return element('cashedPromotion', {
      id: cashIn.id,
      promotion: { balies: '', cashedIn: true, id: cashIn.promotionId, points: promotion?.points ?? 0, title: promotion?.title ?? '' },
      cashingDate: w3cInBrussels(cashIn.at),
      balie: { name: state.balies.get(cashIn.balieConsumerKey)?.name ?? '', id: cashIn.balieConsumerKey },
    });
  });
  return { status: 200, body: `${declaration}<response><cashedPromotions>${items.join('')}</cashedPromotions><total>${cashed.length}</total></response>` };
}
