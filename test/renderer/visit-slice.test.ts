/**
 * The visit slice (renderer/flows/visit/visit-slice.ts) against a fake window.balie: the real bridge API
 * (createBalieApi) over a transport that answers each channel as a test says, and records what was sent.
 * Opening sends every first look-up at once; each write goes out once, answers, refusals and lost answers
 * end where staff can see them, and only a look-up settles an unknown outcome.
 */
import { describe, expect, it, vi } from 'vitest';
import { createBalieApi } from '../../electron/ipc/bridge-api';
import type { Activity, Advantage, BalieError, Passholder, PointsHistoryEntry, Result, TicketSale } from '../../electron/ipc/contract';
import { createAppStore, hasUnsavedWork } from '../../renderer/store';
import { texts } from '../../renderer/texts';

type Answer = Result<unknown> | Promise<Result<unknown>>;

/** A fake bridge: `answers[channel]` answers each call (a function sees the payload); every call is recorded. */
function fakeBalie(answers: Record<string, (payload: never) => Answer>) {
  const sent: { channel: string; payload: unknown }[] = [];
  const api = createBalieApi({
    invoke: (channel, payload) => {
      sent.push({ channel, payload });
      const answer = answers[channel];
      return Promise.resolve(answer ? answer(payload as never) : { ok: false, error: { code: 'internal' } });
    },
    subscribe: () => () => undefined,
  });
  return { api, sent, calls: (channel: string) => sent.filter((call) => call.channel === channel).map((call) => call.payload) };
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const failed = (error: BalieError): Result<never> => ({ ok: false, error });

const uitpasNumber = '0900000011417';
const holder = (points = '12.000'): Passholder =>
  ({
    uid: 'u-1',
    name: 'Peeters',
    firstName: 'Anna',
    points,
    verified: true,
    blocked: false,
    cardSystems: [{ id: '1', name: 'UiTPAS Gent', kansenStatuut: true, kansenStatuutExpired: false, kansenStatuutInGracePeriod: false, currentCard: { uitpasNumber, kansenpas: true, status: 'ACTIVE' } }],
  });

function activity(cdbid: string, change: Partial<Activity> = {}): Activity {
  return {
    cdbid,
    title: `Activiteit ${cdbid}`,
    when: { kind: 'timestamps', timestamps: [{ date: '2026-12-07', timestart: '14:00:00', timeend: '16:00:00' }] },
    numberOfPoints: 1,
    checkin: { state: 'allowed' },
    sales: {
      base: [{ priceClass: 'Basisprijs', cents: 1000 }],
      tariffs: [{ type: 'KANSENTARIEF', name: 'Kansentarief', maximumReached: false, prices: [{ priceClass: 'Basisprijs', cents: 150 }] }],
      maximumReached: false,
      differentiation: false,
      kansentariefAvailable: true,
      couponAvailable: false,
      lowestAvailableCents: 150,
    },
    offer: { kind: 'kansentarief', priceClass: 'Basisprijs', cents: 150 },
    ...change,
  };
}

const advantage = (change: Partial<Advantage> = {}): Advantage => ({
  kind: 'points',
  id: '7',
  title: 'Gratis koffie',
  points: 5,
  cashedIn: false,
  balies: [],
  validForCities: [],
  cashInState: 'POSSIBLE',
  exchangeable: true,
  ...change,
});

const sale = (id: string, cdbid: string, creationDate = new Date().toISOString()): TicketSale => ({ id, nodeId: cdbid, nodeTitle: `Activiteit ${cdbid}`, creationDate, tariffCents: 150, groupPass: false });

/** The everyday answers: two activities today, one advantage, no coupons, no history. */
function everyday(change: Record<string, (payload: never) => Answer> = {}) {
  return fakeBalie({
    'visit:searchActivities': () => ok({ total: 2, activities: [activity('a1'), activity('a2')] }),
    'visit:getAdvantages': () => ok([advantage()]),
    'visit:getCoupons': () => ok([]),
    'visit:getTicketSales': () => ok([]),
    'visit:getPointsHistory': () => ok([]),
    ...change,
  });
}

function openHolder(api: ReturnType<typeof fakeBalie>['api'], screen: { chipNumber?: string } = {}) {
  const store = createAppStore(api);
  store.show({ name: 'passholder', passholder: holder(), opened: 1, uitpasNumber, ...screen });
  return store;
}

const ready = async (store: ReturnType<typeof createAppStore>) => {
  await vi.waitFor(() => expect(store.getState().visit?.activities.status).toBe('ready'));
  await vi.waitFor(() => expect(store.getState().visit?.advantages?.status).toBe('ready'));
};

describe('opening a visit', () => {
  it('sends the activities of today, the advantages and the coupons together, before any answer', () => {
    const pending = new Promise<Result<unknown>>(() => undefined);
    const { api, sent } = fakeBalie({ 'visit:searchActivities': () => pending, 'visit:getAdvantages': () => pending, 'visit:getCoupons': () => pending });
    const store = openHolder(api);
    const visitCalls = sent.filter((call) => call.channel.startsWith('visit:'));
    expect(visitCalls).toEqual([
      { channel: 'visit:searchActivities', payload: { uitpasNumber, datetype: 'today', start: 0, max: 5 } },
      { channel: 'visit:getCoupons', payload: { uitpasNumber } },
      { channel: 'visit:getAdvantages', payload: { uitpasNumber } },
    ]);
    expect(store.getState().visit).toMatchObject({ subject: { kind: 'passholder', uitpasNumber, points: 12 }, activities: { status: 'loading' } });
  });

  it('opens a group pass with its activities and coupons, no advantages (a group pass has none)', () => {
    const { api, calls } = everyday();
    const store = createAppStore(api);
    store.show({ name: 'groupPass', groupPass: { uuid: 'g', name: 'Vzw De Schakel', availableTickets: '17' }, card: { uitpasNumber } as never, opened: 1 });
    expect(calls('visit:searchActivities')).toHaveLength(1);
    expect(calls('visit:getAdvantages')).toHaveLength(0);
    expect(store.getState().visit?.subject).toEqual({ kind: 'groupPass', uitpasNumber, availableTickets: 17 });
  });

  it('drops everything when another person opens, and a late answer for the first changes nothing', async () => {
    let answerFirst: (value: Result<unknown>) => void = () => undefined;
    let first = true;
    const { api } = fakeBalie({
      'visit:searchActivities': () => {
        if (!first) return ok({ total: 0, activities: [] });
        first = false;
        return new Promise((resolve) => (answerFirst = resolve));
      },
      'visit:getAdvantages': () => ok([]),
      'visit:getCoupons': () => ok([]),
    });
    const store = openHolder(api);
    store.show({ name: 'passholder', passholder: { ...holder('3'), uid: 'u-2' }, opened: 2, uitpasNumber: '0900000012415' });
    await vi.waitFor(() => expect(store.getState().visit?.activities.status).toBe('ready'));
    answerFirst(ok({ total: 1, activities: [activity('old')] }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.getState().visit).toMatchObject({ subject: { uitpasNumber: '0900000012415', points: 3 }, activities: { status: 'ready', value: { total: 0 } } });
    store.show({ name: 'home' });
    expect(store.getState().visit).toBeUndefined();
  });
});

describe('a new card during the visit', () => {
  it('starts the visit again with the card the pass holder has now, never the replaced one', async () => {
    const { api, calls } = everyday();
    const store = openHolder(api);
    await ready(store);
    const replaced = { ...holder(), cardSystems: [{ ...holder().cardSystems[0]!, currentCard: { uitpasNumber: '0900000012415', kansenpas: true, status: 'ACTIVE' } }] };
    store.passholderReread(replaced);
    expect(store.getState().visit?.subject).toMatchObject({ kind: 'passholder', uitpasNumber: '0900000012415' });
    await vi.waitFor(() => expect(calls('visit:searchActivities').at(-1)).toMatchObject({ uitpasNumber: '0900000012415' }));
    // The same card read again changes nothing.
    const searches = calls('visit:searchActivities').length;
    store.passholderReread(replaced);
    expect(calls('visit:searchActivities')).toHaveLength(searches);
  });
});

describe('finding activities', () => {
  it('asks for a range, a chosen day, a text and a page, each from its first page on', async () => {
    const { api, calls } = everyday();
    const store = openHolder(api);
    await ready(store);
    store.visit.rangeChanged('next7days');
    store.visit.rangeChanged('day');
    store.visit.rangeChanged('day', '2026-12-24');
    store.visit.textSearched(' concert ');
    store.visit.pageChanged(3);
    expect(calls('visit:searchActivities').slice(1)).toEqual([
      { uitpasNumber, datetype: 'next7days', start: 0, max: 5 },
      { uitpasNumber, datetype: 'day', date: '2026-12-24', start: 0, max: 5 },
      { uitpasNumber, datetype: 'day', date: '2026-12-24', q: 'concert', start: 0, max: 5 },
      { uitpasNumber, datetype: 'day', date: '2026-12-24', q: 'concert', start: 10, max: 5 },
    ]);
  });

  it('shows only the latest search when an earlier one answers last', async () => {
    const resolvers: ((value: Result<unknown>) => void)[] = [];
    const { api } = everyday({ 'visit:searchActivities': () => new Promise((resolve) => resolvers.push(resolve)) });
    const store = openHolder(api);
    store.visit.rangeChanged('past');
    resolvers[1]?.(ok({ total: 1, activities: [activity('past')] }));
    resolvers[0]?.(ok({ total: 1, activities: [activity('today')] }));
    await vi.waitFor(() => expect(store.getState().visit?.activities).toMatchObject({ status: 'ready', value: { activities: [{ cdbid: 'past' }] } }));
  });
});

describe('Punten sparen', () => {
  it('is one action: the chip of a tapped card, the new balance from the answer, the activity re-read', async () => {
    const { api, calls } = everyday({ 'visit:checkin': () => ok({ points: 13, activity: activity('a1', { checkin: { state: 'saved' } }) }) });
    const store = openHolder(api, { chipNumber: '04A1B2C3D4E5F6' });
    await ready(store);
    await store.visit.checkinRequested('a1');
    expect(calls('visit:checkin')).toEqual([{ cdbid: 'a1', uitpasNumber, chipNumber: '04A1B2C3D4E5F6' }]);
    const visit = store.getState().visit!;
    expect(visit.subject).toMatchObject({ points: 13 });
    expect(visit.outcomes.checkin.a1).toEqual({ step: 'done', done: { earned: 1, balance: 13 } });
    expect(visit.activities.status === 'ready' && visit.activities.value.activities[0]?.checkin).toEqual({ state: 'saved' });
    // More points may open advantages: read again, as the real counter does.
    expect(calls('visit:getAdvantages')).toHaveLength(2);
  });

  it('re-reads the activity itself when the answer came without it', async () => {
    const { api, calls } = everyday({
      'visit:checkin': () => ok({ points: 13, activity: null }),
      'visit:searchActivities': (search: { cdbid?: string }) =>
        ok(search.cdbid ? { total: 1, activities: [activity('a1', { checkin: { state: 'saved' } })] } : { total: 1, activities: [activity('a1')] }),
    });
    const store = openHolder(api);
    await ready(store);
    await store.visit.checkinRequested('a1');
    expect(calls('visit:searchActivities')[1]).toEqual({ uitpasNumber, datetype: 'unlimited', cdbid: 'a1' });
    const visit = store.getState().visit!;
    expect(visit.activities.status === 'ready' && visit.activities.value.activities[0]?.checkin.state).toBe('saved');
  });

  it('keeps a refusal with its code, UiTPAS message and UiTPAS count of points', async () => {
    const refusal: BalieError = { code: 'uitpas-rejected', apiCode: 'MAXIMUM_REACHED', serverMessage: 'Punt al gespaard (max. 1 / Week)', points: 14 };
    const { api } = everyday({ 'visit:checkin': () => failed(refusal) });
    const store = openHolder(api);
    await ready(store);
    await store.visit.checkinRequested('a1');
    expect(store.getState().visit?.outcomes.checkin.a1).toEqual({ step: 'refused', error: refusal });
    expect(store.getState().visit?.subject).toMatchObject({ points: 14 });
  });

  it('after a lost answer sends nothing again, and the look-up settles it from the activity re-read', async () => {
    const lost: BalieError = { code: 'uitpas-timeout', outcomeUnknown: true };
    let saved = false;
    const { api, calls } = everyday({
      'visit:checkin': () => ((saved = true), failed(lost)),
      'visit:searchActivities': (search: { cdbid?: string }) => ok({ total: 1, activities: [activity('a1', saved && search.cdbid ? { checkin: { state: 'saved' } } : {})] }),
      'uitpas:identify': () => ok({ passholder: holder('13') }),
    });
    const store = openHolder(api);
    await ready(store);
    await store.visit.checkinRequested('a1');
    expect(store.getState().visit?.outcomes.checkin.a1).toMatchObject({ step: 'unknown', error: lost, balanceBefore: 12 });
    await store.visit.checkinRequested('a1');
    expect(calls('visit:checkin')).toHaveLength(1);
    // The next citizen's card (or any other screen) asks first: leaving would drop the check.
    const leaving = store.go({ name: 'home' });
    expect(store.getState().question).toMatchObject({ title: texts.leave.uncheckedTitle, text: texts.leave.unchecked });
    store.getState().question?.answer(false);
    expect(await leaving).toBe(false);
    expect(store.getState().screen.name).toBe('passholder');
    await store.visit.checkinLookedUp('a1');
    expect(store.getState().visit?.outcomes.checkin.a1).toEqual({ step: 'settled', arrived: true });
    expect(store.getState().visit?.subject).toMatchObject({ points: 13 });
    expect(calls('visit:checkin')).toHaveLength(1);
    // Settled: nothing is left to lose.
    expect(hasUnsavedWork(store.getState())).toBe(false);
  });

  it('counts a check-in as in flight until it answers, so leaving asks first', async () => {
    let answer: (value: Result<unknown>) => void = () => undefined;
    const { api } = everyday({ 'visit:checkin': () => new Promise((resolve) => (answer = resolve)) });
    const store = openHolder(api);
    await ready(store);
    const checking = store.visit.checkinRequested('a1');
    expect(store.getState().inFlight).toBe(1);
    expect(store.getState().visit?.outcomes.checkin.a1).toEqual({ step: 'sending' });
    answer(ok({ points: 13, activity: null }));
    await checking;
    expect(store.getState().inFlight).toBe(0);
  });
});

describe('Tarief toekennen', () => {
  it('sells one price at once: the class by name, no amountOfTickets for a pass holder; the amount to collect', async () => {
    const { api, calls } = everyday({ 'visit:buyTicket': () => ok({ ticketSale: sale('s1', 'a1'), activity: activity('a1', { offer: { kind: 'maximum-reached' } }) }) });
    const store = openHolder(api);
    await ready(store);
    await store.visit.saleRequested('a1');
    expect(calls('visit:buyTicket')).toEqual([{ cdbid: 'a1', uitpasNumber, priceClass: 'Basisprijs' }]);
    expect(store.getState().visit?.outcomes.sale.a1).toMatchObject({ step: 'done', done: { collectCents: 150, persons: 1 } });
    // The coupons are read again after a sale.
    expect(calls('visit:getCoupons')).toHaveLength(2);
  });

  it('sells with a coupon: its id goes as ticketSaleCouponId', async () => {
    const coupon = activity('a1', { offer: { kind: 'coupon', priceClass: 'Basisprijs', cents: 0, ticketSaleCouponId: '18', couponName: 'Cultuurbon' } });
    const { api, calls } = everyday({
      'visit:searchActivities': () => ok({ total: 1, activities: [coupon] }),
      'visit:buyTicket': () => ok({ ticketSale: sale('s1', 'a1'), activity: null }),
    });
    const store = openHolder(api);
    await ready(store);
    await store.visit.saleRequested('a1');
    expect(calls('visit:buyTicket')).toEqual([{ cdbid: 'a1', uitpasNumber, priceClass: 'Basisprijs', ticketSaleCouponId: '18' }]);
  });

  it('lets staff choose among several classes and tariffs, first open one chosen', async () => {
    const several = activity('a1', {
      sales: {
        ...activity('a1').sales,
        base: [
          { priceClass: 'Rang 1', cents: 2800 },
          { priceClass: 'Rang 2', cents: 2100 },
        ],
        tariffs: [
          { type: 'KANSENTARIEF', name: 'Kansentarief', maximumReached: true, prices: [{ priceClass: 'Rang 1', cents: 2100 }] },
          {
            type: 'COUPON',
            name: 'Cultuurbon',
            ticketSaleCouponId: '18',
            maximumReached: false,
            prices: [
              { priceClass: 'Rang 1', cents: 700 },
              { priceClass: 'Rang 2', cents: 500 },
            ],
          },
        ],
      },
      offer: { kind: 'choose', lowestAvailableCents: 500 },
    });
    const { api, calls } = everyday({
      'visit:searchActivities': () => ok({ total: 1, activities: [several] }),
      'visit:buyTicket': () => ok({ ticketSale: { ...sale('s1', 'a1'), tariffCents: 500 }, activity: null }),
    });
    const store = openHolder(api);
    await ready(store);
    await store.visit.saleRequested('a1');
    expect(store.getState().visit?.choice).toEqual({ cdbid: 'a1', tariff: 1, priceClass: 'Rang 1', persons: 1 });
    expect(calls('visit:buyTicket')).toHaveLength(0);
    store.visit.choiceChanged({ priceClass: 'Rang 2' });
    await store.visit.saleConfirmed();
    expect(calls('visit:buyTicket')).toEqual([{ cdbid: 'a1', uitpasNumber, priceClass: 'Rang 2', ticketSaleCouponId: '18' }]);
    expect(store.getState().visit?.outcomes.sale.a1).toMatchObject({ step: 'done', done: { collectCents: 500 } });
    expect(store.getState().visit?.choice).toBeUndefined();
  });

  it('asks what UiTPAS registered: a tariff other than the one listed is the amount to collect', async () => {
    const { api } = everyday({ 'visit:buyTicket': () => ok({ ticketSale: { ...sale('s1', 'a1'), tariffCents: 120 }, activity: null }) });
    const store = openHolder(api);
    await ready(store);
    await store.visit.saleRequested('a1');
    expect(store.getState().visit?.outcomes.sale.a1).toMatchObject({ step: 'done', done: { collectCents: 120 } });
  });

  it('asks a group pass how many persons, sends amountOfTickets, and reads its tickets left again', async () => {
    const { api, calls } = everyday({
      'visit:buyTicket': () => ok({ ticketSale: { ...sale('s1', 'a1'), groupPass: true }, activity: null }),
      'uitpas:identify': () => ok({ groupPass: { uuid: 'g', name: 'Vzw De Schakel', availableTickets: '14' } }),
    });
    const store = createAppStore(api);
    store.show({ name: 'groupPass', groupPass: { uuid: 'g', name: 'Vzw De Schakel', availableTickets: '17' }, card: { uitpasNumber } as never, opened: 1 });
    await vi.waitFor(() => expect(store.getState().visit?.activities.status).toBe('ready'));
    await store.visit.saleRequested('a1');
    expect(calls('visit:buyTicket')).toHaveLength(0);
    store.visit.choiceChanged({ persons: 3 });
    await store.visit.saleConfirmed();
    expect(calls('visit:buyTicket')).toEqual([{ cdbid: 'a1', uitpasNumber, priceClass: 'Basisprijs', amountOfTickets: 3 }]);
    expect(store.getState().visit?.outcomes.sale.a1).toMatchObject({ step: 'done', done: { collectCents: 450, persons: 3 } });
    expect(store.getState().visit?.subject).toEqual({ kind: 'groupPass', uitpasNumber, availableTickets: 14 });
  });

  it('settles a sale whose answer was lost from the sale history, never by selling again', async () => {
    const { api, calls } = everyday({
      'visit:buyTicket': () => failed({ code: 'uitpas-unreachable', outcomeUnknown: true }),
      'visit:getTicketSales': () => ok([sale('old', 'a1', '2020-01-01T10:00:00+01:00'), sale('s9', 'a1')]),
    });
    const store = openHolder(api);
    await ready(store);
    await store.visit.saleRequested('a1');
    await store.visit.saleRequested('a1');
    expect(calls('visit:buyTicket')).toHaveLength(1);
    await store.visit.saleLookedUp('a1');
    expect(store.getState().visit?.outcomes.sale.a1).toEqual({ step: 'settled', arrived: true });
  });
});

describe('Ongedaan maken', () => {
  it('asks first in the app dialog; "no" sends nothing, "yes" cancels and reads the history again', async () => {
    let sales = [sale('s1', 'a1')];
    const { api, calls } = everyday({
      'visit:getTicketSales': () => ok(sales),
      'visit:cancelTicketSale': () => ((sales = []), ok({ code: 'ACTION_SUCCEEDED' })),
    });
    const store = openHolder(api);
    await ready(store);
    store.visit.historyOpened();
    await vi.waitFor(() => expect(store.getState().visit?.history?.sales.status).toBe('ready'));
    expect(calls('visit:getPointsHistory')).toHaveLength(1);

    const declined = store.visit.cancelAsked('s1');
    expect(store.getState().question?.title).toBe(texts.visit.undoTitle);
    store.getState().question?.answer(false);
    await declined;
    expect(calls('visit:cancelTicketSale')).toHaveLength(0);

    const confirmed = store.visit.cancelAsked('s1');
    store.getState().question?.answer(true);
    await confirmed;
    expect(calls('visit:cancelTicketSale')).toEqual([{ ticketSaleId: 's1', uitpasNumber }]);
    expect(store.getState().visit?.outcomes.cancel.s1).toEqual({ step: 'done', done: { refundCents: 150 } });
    expect(store.getState().visit?.history?.sales).toEqual({ status: 'ready', value: [] });
  });

  it("never cancels with the next citizen's card: a sale confirmed after another pass holder opened is not sent", async () => {
    const { api, calls } = everyday({ 'visit:getTicketSales': () => ok([sale('s1', 'a1')]), 'visit:cancelTicketSale': () => ok({ code: 'ACTION_SUCCEEDED' }) });
    const store = openHolder(api);
    await ready(store);
    store.visit.historyOpened();
    await vi.waitFor(() => expect(store.getState().visit?.history?.sales.status).toBe('ready'));
    const confirmed = store.visit.cancelAsked('s1');
    // The next citizen's card, tapped while the question is open.
    store.show({ name: 'passholder', passholder: { ...holder('3'), uid: 'u-2' }, opened: 2, uitpasNumber: '0900000012415' });
    store.getState().question?.answer(true);
    await confirmed;
    expect(calls('visit:cancelTicketSale')).toHaveLength(0);
    expect(store.getState().visit?.outcomes.cancel).toEqual({});
  });
});

/** Promotion 7 cashed in, its answer lost; the cashed promotions (A12) answer as given. */
async function lostCashIn(cashedPromotions: () => Answer) {
  const { api, calls } = everyday({
    'visit:cashInPointsPromotion': () => failed({ code: 'uitpas-unreachable', outcomeUnknown: true }),
    'visit:getPointsHistory': cashedPromotions,
    'uitpas:identify': () => ok({ passholder: holder('7') }),
  });
  const store = openHolder(api);
  await ready(store);
  const cashing = store.visit.cashInAsked('points:7');
  store.getState().question?.answer(true);
  await cashing;
  return { store, calls };
}

describe('Omruilen', () => {
  it('asks once, cashes in, and shows the advantage re-read and the balance after it', async () => {
    const { api, calls } = everyday({ 'visit:cashInPointsPromotion': () => ok({ advantage: advantage({ exchangeable: false, cashedIn: true }), points: 7 }) });
    const store = openHolder(api);
    await ready(store);
    const cashing = store.visit.cashInAsked('points:7');
    expect(store.getState().question).toMatchObject({ title: texts.visit.exchangeTitle, text: texts.visit.exchangeQuestion('Gratis koffie', '5 punten') });
    store.getState().question?.answer(true);
    await cashing;
    expect(calls('visit:cashInPointsPromotion')).toEqual([{ uitpasNumber, pointsPromotionId: '7' }]);
    const visit = store.getState().visit!;
    expect(visit.subject).toMatchObject({ points: 7 });
    expect(visit.outcomes.cashIn['points:7']).toEqual({ step: 'done', done: { title: 'Gratis koffie', balance: 7 } });
    expect(visit.advantages).toMatchObject({ status: 'ready', value: [{ exchangeable: false }] });
  });

  it('cashes a welcome advantage by its own id, and keeps a refusal with its cashInState', async () => {
    const refusal: BalieError = { code: 'uitpas-rejected', apiCode: 'ACTION_NOT_ALLOWED', cashInState: 'NOT_POSSIBLE_POINTS_CONSTRAINT', serverMessage: 'niet genoeg punten' };
    const { api, calls } = everyday({
      'visit:getAdvantages': () => ok([advantage({ kind: 'welcome', id: '3', points: 0 }), advantage()]),
      'visit:cashInWelcomeAdvantage': () => ok({ advantage: advantage({ kind: 'welcome', id: '3', exchangeable: false }), points: 12 }),
      'visit:cashInPointsPromotion': () => failed(refusal),
    });
    const store = openHolder(api);
    await ready(store);
    const welcome = store.visit.cashInAsked('welcome:3');
    store.getState().question?.answer(true);
    await welcome;
    expect(calls('visit:cashInWelcomeAdvantage')).toEqual([{ uitpasNumber, welcomeAdvantageId: '3' }]);
    const points = store.visit.cashInAsked('points:7');
    store.getState().question?.answer(true);
    await points;
    expect(store.getState().visit?.outcomes.cashIn['points:7']).toEqual({ step: 'refused', error: refusal });
  });

  it('settles a cash-in whose answer was lost by the cashed promotions (A12): this promotion cashed since it was sent means cashed', async () => {
    const cashedNow: PointsHistoryEntry = { kind: 'cashed', id: 'c1', date: new Date().toISOString(), title: 'Gratis koffie', points: -5, promotionId: '7' };
    const { store, calls } = await lostCashIn(() => ok([cashedNow]));
    expect(store.getState().visit?.outcomes.cashIn['points:7']).toMatchObject({ step: 'unknown' });
    // Nothing is asked or sent again while it is unknown.
    await store.visit.cashInAsked('points:7');
    expect(store.getState().question).toBeUndefined();
    expect(calls('visit:cashInPointsPromotion')).toHaveLength(1);
    await store.visit.cashInLookedUp('points:7');
    expect(store.getState().visit?.outcomes.cashIn['points:7']).toEqual({ step: 'settled', arrived: true });
    expect(calls('visit:cashInPointsPromotion')).toHaveLength(1);
    expect(calls('visit:getAdvantages')).toHaveLength(2);
  });

  it('keeps a cash-in unknown when the cashed promotions cannot be read: no "not exchanged" without evidence', async () => {
    const { store, calls } = await lostCashIn(() => failed({ code: 'uitpas-unreachable' }));
    await store.visit.cashInLookedUp('points:7');
    expect(store.getState().visit?.outcomes.cashIn['points:7']).toMatchObject({ step: 'unknown', checkFailed: true });
    expect(calls('visit:cashInPointsPromotion')).toHaveLength(1);
  });

  it('says "not cashed" only when the cashed promotions show none of this one since it was sent (an older one does not count)', async () => {
    const lastMonth: PointsHistoryEntry = { kind: 'cashed', id: 'c0', date: new Date(Date.now() - 30 * 86_400_000).toISOString(), title: 'Gratis koffie', points: -5, promotionId: '7' };
    const { store } = await lostCashIn(() => ok([lastMonth]));
    await store.visit.cashInLookedUp('points:7');
    expect(store.getState().visit?.outcomes.cashIn['points:7']).toEqual({ step: 'settled', arrived: false });
  });
});
