/**
 * The visit's part of the handler table (issue 24): each channel of
 * electron/ipc/contract/visit.ts over the session's signed client, doing what
 * the real counter does around each call (reference
 * /work/shared/reference/counter-day.md §10): a check-in or a sale re-reads the
 * activity, a cash-in re-reads the advantage and the balance. What follows a
 * write never undoes it: a failed re-read leaves null where its answer would be.
 * The unknown-outcome rule (pending writes, the look-ups that settle them) is
 * wired around these in electron/wiring/visit-wiring.ts.
 */
import type { HandlerTable } from '../ipc/contract';
import { BalieFailure } from '../ipc/dispatch';
import { normaliseUitpasNumber } from '../rules/uitpas-number';
import { isIsoDate } from '../rules/fields';
import { UitpasFailure } from './errors';
import { calling } from './failures';
import type { UitpasSession } from './session';
import type { Advantage } from './visit-model';
import { wholeNumber } from './xml';

export type VisitChannel = Extract<keyof HandlerTable, `visit:${string}`>;
type VisitClient = Awaited<ReturnType<UitpasSession['client']>>['visit'];

/** A read after a write: its failure leaves the write standing (null), any other error is a bug and is thrown. */
async function afterWrite<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UitpasFailure) return null;
    throw error;
  }
}

export function createVisitHandlers(session: Pick<UitpasSession, 'client'>, now: () => Date = () => new Date()): Pick<HandlerTable, VisitChannel> {
  // UiTPAS's own message travels with every refusal here (failures.ts toBalieError, ownWords).
  const withVisit = <T>(work: (visit: VisitClient) => Promise<T>) => calling(async () => work((await session.client()).visit), true);
  /**
   * The pass holder's uid, which both histories ask by (SX reads the record for it): "Historiek" asks them at once,
   * and reads that overlap share one request, in one environment. Only the uid is shared, which a card's pass holder
   * keeps; a balance is always read afresh.
   */
  const uidReads = new Map<string, Promise<string>>();
  const uidOf = (visit: VisitClient, uitpasNumber: string): Promise<string> => {
    const key = `${visit.prefix}\n${uitpasNumber}`;
    const pending = uidReads.get(key);
    if (pending) return pending;
    const read = visit.passholder(uitpasNumber).then((holder) => holder.uid);
    uidReads.set(key, read);
    const forget = () => void uidReads.delete(key);
    read.then(forget, forget);
    return read;
  };

  return {
    'visit:searchActivities': (search) => {
      if (search.datetype === 'day' && !(search.date && isIsoDate(search.date))) throw new BalieFailure({ code: 'invalid-field', field: 'date', problem: 'activity-date' });
      return withVisit((visit) => visit.searchActivities({ ...search, uitpasNumber: normaliseUitpasNumber(search.uitpasNumber) }, now()));
    },

    // SX CheckinController: check in, then the activity re-read; NG adds the points locally, we take UiTPAS's total.
    'visit:checkin': ({ cdbid, uitpasNumber, chipNumber }) =>
      withVisit(async (visit) => {
        const number = normaliseUitpasNumber(uitpasNumber);
        const points = await visit.checkin(cdbid, chipNumber ? { chipNumber: chipNumber.toUpperCase() } : { uitpasNumber: number });
        return { points, activity: await afterWrite(() => visit.readActivity(number, cdbid, now())) };
      }),

    // NG reloads the activity list after a sale (activity.service.js); one activity is what changed.
    'visit:buyTicket': (sale) =>
      withVisit(async (visit) => {
        const uitpasNumber = normaliseUitpasNumber(sale.uitpasNumber);
        const ticketSale = await visit.buyTicket({ ...sale, uitpasNumber });
        return { ticketSale, activity: await afterWrite(() => visit.readActivity(uitpasNumber, sale.cdbid, now())) };
      }),

    'visit:cancelTicketSale': ({ ticketSaleId }) => withVisit((visit) => visit.cancelTicketSale(ticketSaleId)),

    // SX AdvantageController lists both kinds together, welcome advantages first.
    'visit:getAdvantages': ({ uitpasNumber }) =>
      withVisit(async (visit) => {
        const number = normaliseUitpasNumber(uitpasNumber);
        const [welcome, points] = await Promise.all([visit.welcomeAdvantages(number, now()), visit.pointsPromotions(number, now())]);
        return [...welcome, ...points];
      }),

    'visit:cashInWelcomeAdvantage': ({ uitpasNumber, welcomeAdvantageId }) =>
      withVisit(async (visit) => {
        const number = normaliseUitpasNumber(uitpasNumber);
        const cashed = await visit.cashInWelcomeAdvantage(number, welcomeAdvantageId);
        return cashedIn(visit, number, cashed);
      }),

    'visit:cashInPointsPromotion': ({ uitpasNumber, pointsPromotionId }) =>
      withVisit(async (visit) => {
        const number = normaliseUitpasNumber(uitpasNumber);
        const cashed = await visit.cashInPointsPromotion(number, pointsPromotionId);
        return cashedIn(visit, number, cashed);
      }),

    'visit:getCoupons': ({ uitpasNumber }) => withVisit((visit) => visit.coupons(normaliseUitpasNumber(uitpasNumber))),
    'visit:getPointsHistory': ({ uitpasNumber }) =>
      withVisit(async (visit) => {
        const number = normaliseUitpasNumber(uitpasNumber);
        return visit.pointsHistory({ uid: await uidOf(visit, number), uitpasNumber: number }, now());
      }),
    'visit:getTicketSales': ({ uitpasNumber }) => withVisit(async (visit) => visit.ticketSales(await uidOf(visit, normaliseUitpasNumber(uitpasNumber)))),
  };
}

/**
 * After a cash-in, as SX AdvantageController::getAdvantageJsonResponse: the advantage re-read (A10/A11; the cash-in's
 * own answer when that fails), a welcome advantage forced to not exchangeable (the server sometimes still says not
 * cashed), and the balance from the record, which neither answer carries.
 */
async function cashedIn(visit: VisitClient, uitpasNumber: string, cashed: Advantage) {
  const reread = await afterWrite(() => visit.readAdvantage(cashed.kind, cashed.id, uitpasNumber));
  const advantage = reread ?? { ...cashed, cashedIn: true, exchangeable: false };
  const holder = await afterWrite(() => visit.passholder(uitpasNumber));
  return {
    advantage: advantage.kind === 'welcome' ? { ...advantage, cashedIn: true, exchangeable: false } : advantage,
    points: (holder && wholeNumber(holder.points)) ?? null,
  };
}
