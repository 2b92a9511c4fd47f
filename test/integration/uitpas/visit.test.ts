/**
 * The pass holder's visit (issue 24) through main's handlers against the demo simulator: the balie's activities
 * with their check-in state and offer, saving points, selling at kansentarief, with a coupon and for a group,
 * undoing a sale, cashing advantages, coupons and both histories; every request carries the balie (reference
 * counter-day.md §0.2), every write refused with UiTPAS's code and own message, and a write whose answer is lost or
 * unreadable is never sent again until the look-up that shows it has settled it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Activity, ActivityPage, Advantage, CashInResult, CheckinResult, Coupon, Identification, PointsHistoryEntry, TicketSale, TicketSaleResult } from '../../../electron/ipc/contract';
import { createMainServices } from '../../../electron/main-services';
import { authorizeAtSimulator } from '../../../electron/simulator/headless-authorize';
import { cardNumber, seedPassholder } from '../../../electron/simulator/seed';
import { startSimulator, type Simulator } from '../../../electron/simulator/server';
import { FakePcscContext } from '../../support/fake-pcsc';
import { dispatching } from '../../support/dispatching';
import { memoryCipher } from '../../support/memory-cipher';

const marie = cardNumber('09000', seedPassholder.cardSequence, false);
/** Lotte Peeters: a kansenpas whose kansenstatuut ended but is in its grace period (seed.ts). */
const lotte = cardNumber('09000', 520, true);
const group = cardNumber('09000', 950, true);
const walk = '7f3d2a10-4c5e-4b8a-9e21-6a0c1d2e3f41';
const concert = 'b2e4c6a8-1d3f-4a5b-8c7d-9e0f1a2b3c52';
const swim = 'c3f5d7b9-2e4a-4b6c-9d8e-0f1a2b3c4d63';
const film = 'e5b7f9d1-4a6c-4d8e-9f0a-2b3c4d5e6f85';
const theatre = 'd4a6e8c0-3f5b-4c7d-8e9f-1a2b3c4d5e74';
const library = '0b1c2d3e-7f8a-4b9c-8d0e-5f6a7b8c9d18';

type Services = ReturnType<typeof createMainServices>;
const open: Services[] = [];
afterEach(async () => {
  for (const services of open.splice(0)) await services.close();
});

interface Sent {
  method: string;
  url: URL;
  form: URLSearchParams;
  authorization: string;
}

/** The simulator's clock (its timestamps have whole seconds): a test moves it on to order two writes. */
async function counter(clock: { skewMs: number } = { skewMs: 0 }) {
  const sent: Sent[] = [];
  let simulator: Simulator | undefined;
  const network: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers = new Headers(init?.headers);
    sent.push({ method: init?.method ?? 'GET', url, form: new URLSearchParams(typeof init?.body === 'string' ? init.body : ''), authorization: headers.get('authorization') ?? '' });
    return fetch(input, init);
  };
  const services = createMainServices({
    appInfo: { name: 'UiTPAS Balie', version: '0', platform: 'linux', host: 'browser' },
    createPcscContext: () => new FakePcscContext(),
    trustAnchors: [],
    dataDirectory: mkdtempSync(join(tmpdir(), 'balie-visit-')),
    secretCipher: memoryCipher(),
    showAuthorizePage: authorizeAtSimulator,
    fetch: network,
    startDemoSimulator: async () => (simulator = await startSimulator({ now: () => new Date(Date.now() + clock.skewMs) })),
    log: { warn: () => undefined },
  });
  open.push(services);
  const { ask, value } = dispatching(services.handlers);
  await value('session:login');
  await value('session:chooseBalie', { balieId: '101' });
  const world = () => {
    if (!simulator) throw new Error('the demo simulator did not start');
    return simulator.state;
  };
  const activities = (uitpasNumber: string, extra: Record<string, unknown> = {}) => value<ActivityPage>('visit:searchActivities', { uitpasNumber, datetype: 'today', ...extra });
  const activity = async (uitpasNumber: string, cdbid: string) => (await activities(uitpasNumber, { cdbid })).activities[0] as Activity;
  return { ask, value, sent, world, activities, activity };
}

describe('the visit at the demo balie', () => {
  it("lists today's activities of this balie, permanent first, with check-in state and the offer derived as SX does", async () => {
    const { activities } = await counter();
    const page = await activities(lotte);
    const ids = page.activities.map((activity) => activity.cdbid);
    expect(ids[0]).toBe(walk);
    expect(ids).toEqual(expect.arrayContaining([walk, concert, swim]));
    // Another balie's activity, and activities of other days, stay out.
    expect(ids).not.toContain(library);
    expect(ids).not.toContain(theatre);
    const byId = new Map(page.activities.map((activity) => [activity.cdbid, activity]));
    expect(byId.get(walk)).toMatchObject({ when: { kind: 'permanent' }, numberOfPoints: 1, checkin: { state: 'allowed' }, offer: { kind: 'kansentarief', priceClass: 'Default prijsklasse', cents: 160 } });
    expect(byId.get(concert)?.offer).toEqual({ kind: 'choose', lowestAvailableCents: 700 });
    expect(byId.get(concert)?.sales.base.map((price) => price.priceClass)).toEqual(['Rang 1', 'Rang 2', 'Rang 3+']);
    expect(byId.get(swim)?.offer).toEqual({ kind: 'free' });
    // Marie has no kansenpas: no kansentarief, only her coupon.
    const film = (await activities(marie, { datetype: 'next7days' })).activities.find((activity) => activity.title.startsWith('Filmavond'));
    expect(film?.offer).toEqual({ kind: 'coupon', priceClass: 'Default prijsklasse', cents: 450, ticketSaleCouponId: '35', couponName: 'Cultuurbon' });
  });

  it('ranges: the coming days, the past, a chosen day, a text, paging', async () => {
    const { activities, world } = await counter();
    const next7 = await activities(lotte, { datetype: 'next7days' });
    expect(next7.activities.map((activity) => activity.cdbid)).toContain(theatre);
    const past = await activities(lotte, { datetype: 'past' });
    expect(past.activities.find((activity) => activity.title === 'Workshop keramiek')?.checkin).toEqual({ state: 'ended' });
    const inThreeDays = world().visit.day(3);
    const chosen = await activities(lotte, { datetype: 'day', date: inThreeDays });
    expect(chosen.activities.find((activity) => activity.cdbid === theatre)?.checkin).toMatchObject({ state: 'not-yet' });
    expect((await activities(lotte, { datetype: 'unlimited', q: 'concert' })).activities.map((activity) => activity.cdbid)).toEqual([concert]);
    const first = await activities(lotte, { datetype: 'unlimited', start: 0, max: 2 });
    const second = await activities(lotte, { datetype: 'unlimited', start: 2, max: 2 });
    expect(first.activities).toHaveLength(2);
    expect(first.total).toBeGreaterThan(4);
    expect(second.activities[0]?.cdbid).not.toBe(first.activities[0]?.cdbid);
  });

  it('saves points once: the new balance, the activity re-read as saved; again, UiTPAS refuses with its own words and the points', async () => {
    const { ask, value, world } = await counter();
    const saved = await value<CheckinResult>('visit:checkin', { cdbid: walk, uitpasNumber: lotte });
    expect(saved.points).toBe(26);
    expect(saved.activity?.checkin).toEqual({ state: 'saved' });
    expect(await ask('visit:checkin', { cdbid: walk, uitpasNumber: lotte })).toEqual({
      ok: false,
      error: { code: 'uitpas-rejected', apiCode: 'MAXIMUM_REACHED', serverMessage: 'Punt al gespaard (max. 1 / Week)', points: 26 },
    });
    expect(world().visit.checkins).toHaveLength(1);
  });

  it('checks in by the tapped chip number', async () => {
    const { value, world } = await counter();
    const chip = world().cards.get(lotte)?.chipNumber ?? '';
    expect((await value<CheckinResult>('visit:checkin', { cdbid: walk, uitpasNumber: lotte, chipNumber: chip })).points).toBe(26);
  });

  it('sells at kansentarief in one step, shows it in the history, cancels it, and the offer is back', async () => {
    const { ask, value, activity } = await counter();
    const sold = await value<TicketSaleResult>('visit:buyTicket', { cdbid: walk, uitpasNumber: lotte, priceClass: 'Default prijsklasse' });
    expect(sold.ticketSale).toMatchObject({ nodeId: walk, priceCents: 800, tariffCents: 160, groupPass: false });
    expect(sold.activity?.offer).toEqual({ kind: 'maximum-reached' });
    const history = await value<TicketSale[]>('visit:getTicketSales', { uitpasNumber: lotte });
    expect(history.map((sale) => sale.id)).toEqual([sold.ticketSale.id]);
    expect(await value('visit:cancelTicketSale', { ticketSaleId: sold.ticketSale.id, uitpasNumber: lotte })).toEqual({ code: 'ACTION_SUCCEEDED' });
    expect(await value<TicketSale[]>('visit:getTicketSales', { uitpasNumber: lotte })).toEqual([]);
    expect((await activity(lotte, walk)).offer).toMatchObject({ kind: 'kansentarief' });
    expect(await ask('visit:cancelTicketSale', { ticketSaleId: sold.ticketSale.id, uitpasNumber: lotte })).toMatchObject({ ok: false, error: { apiCode: 'UNKNOWN_TICKET_SALE' } });
  });

  it('sells with a coupon: what is left of it goes down', async () => {
    const { value } = await counter();
    const before = await value<Coupon[]>('visit:getCoupons', { uitpasNumber: marie });
    expect(before).toEqual([expect.objectContaining({ id: '35', name: 'Cultuurbon', expired: false, remainingTotal: { periodType: 'ABSOLUTE', periodVolume: 3 } })]);
    const sold = await value<TicketSaleResult>('visit:buyTicket', { cdbid: film, uitpasNumber: marie, priceClass: 'Default prijsklasse', ticketSaleCouponId: '35' });
    expect(sold.ticketSale).toMatchObject({ tariffCents: 450, ticketSaleCoupon: { id: '35', name: 'Cultuurbon' } });
    const after = await value<Coupon[]>('visit:getCoupons', { uitpasNumber: marie });
    expect(after[0]?.remainingTotal?.periodVolume).toBe(2);
  });

  it('a group pass buys for several persons; its tickets left go down; without the number UiTPAS refuses', async () => {
    const { ask, value } = await counter();
    const identified = async () => Number((await value<Identification>('uitpas:identify', { query: group })).groupPass?.availableTickets);
    const left = await identified();
    expect(await ask('visit:buyTicket', { cdbid: theatre, uitpasNumber: group, priceClass: 'Default prijsklasse' })).toMatchObject({ ok: false, error: { apiCode: 'MISSING_REQUIRED_FIELDS' } });
    const sold = await value<TicketSaleResult>('visit:buyTicket', { cdbid: theatre, uitpasNumber: group, priceClass: 'Default prijsklasse', amountOfTickets: 3 });
    expect(sold.ticketSale.groupPass).toBe(true);
    expect(await identified()).toBe(left - 3);
    // A pass holder never sends a number of tickets (DOC registratie-van-verkoop-van-ticket.md).
    expect(await ask('visit:buyTicket', { cdbid: walk, uitpasNumber: lotte, priceClass: 'Default prijsklasse', amountOfTickets: 1 })).toMatchObject({ ok: false, error: { apiCode: 'INVALID_PARAMETERS' } });
  });

  it('cashes a points promotion and a welcome advantage: the balance after it, the advantage marked; twice is refused', async () => {
    const { ask, value } = await counter();
    const offered = await value<Advantage[]>('visit:getAdvantages', { uitpasNumber: lotte });
    expect(offered.map((advantage) => `${advantage.kind}:${advantage.id}`)).toEqual(['welcome:5', 'welcome:6', 'points:7', 'points:8']);
    expect(offered.find((advantage) => advantage.id === '7')).toMatchObject({ points: 5, cashInState: 'POSSIBLE', exchangeable: true, balies: [{ id: 'balie-gent-centrum', name: 'Demo-balie Gent Centrum' }] });
    const points = await value<CashInResult>('visit:cashInPointsPromotion', { uitpasNumber: lotte, pointsPromotionId: '8' });
    expect(points).toMatchObject({ points: 15, advantage: { id: '8', cashedIn: true, exchangeable: false, cashInState: 'NOT_POSSIBLE_USER_VOLUME_CONSTRAINT' } });
    expect(await ask('visit:cashInPointsPromotion', { uitpasNumber: lotte, pointsPromotionId: '8' })).toMatchObject({ ok: false, error: { apiCode: 'ACTION_NOT_ALLOWED', cashInState: 'NOT_POSSIBLE_USER_VOLUME_CONSTRAINT' } });
    const welcome = await value<CashInResult>('visit:cashInWelcomeAdvantage', { uitpasNumber: lotte, welcomeAdvantageId: '5' });
    expect(welcome).toMatchObject({ points: 15, advantage: { kind: 'welcome', id: '5', cashedIn: true, exchangeable: false } });
    expect(await ask('visit:cashInWelcomeAdvantage', { uitpasNumber: lotte, welcomeAdvantageId: '5' })).toMatchObject({ ok: false, error: { apiCode: 'WELCOMEADVANTAGE_ALREADY_CASHED_IN' } });
    expect((await value<Advantage[]>('visit:getAdvantages', { uitpasNumber: lotte })).map((advantage) => advantage.id)).toEqual(['6', '7']);
  });

  it('the points history: the check-in here and the cashed promotion, newest first', async () => {
    const clock = { skewMs: 0 };
    const { value } = await counter(clock);
    await value('visit:checkin', { cdbid: walk, uitpasNumber: lotte });
    // Both in the same second would leave their order to chance.
    clock.skewMs = 60_000;
    await value('visit:cashInPointsPromotion', { uitpasNumber: lotte, pointsPromotionId: '7' });
    const history = await value<PointsHistoryEntry[]>('visit:getPointsHistory', { uitpasNumber: lotte });
    expect(history.map(({ kind, points, title }) => ({ kind, points, title }))).toEqual([
      { kind: 'cashed', points: -5, title: 'Koffie in het Demo-cultuurcafé' },
      { kind: 'checkin', points: 1, title: 'Stadswandeling Gent voor iedereen' },
    ]);
  });

  it('"Historiek" asks both histories at once and reads the record once for their uid', async () => {
    const { value, sent } = await counter();
    sent.length = 0;
    await Promise.all([value('visit:getPointsHistory', { uitpasNumber: lotte }), value('visit:getTicketSales', { uitpasNumber: lotte })]);
    const records = sent.filter((request) => request.url.pathname.endsWith(`/uitpas/passholder/${lotte}`));
    expect(records).toHaveLength(1);
    // A later look-up reads the record again: only reads that overlap share it.
    await value('visit:getTicketSales', { uitpasNumber: lotte });
    expect(sent.filter((request) => request.url.pathname.endsWith(`/uitpas/passholder/${lotte}`))).toHaveLength(2);
  });

  it('every call carries the balie, except the promotion re-reads (SX CounterAwareUitpasService); the searches are consumer requests', async () => {
    const { value, sent } = await counter();
    sent.length = 0;
    await value('visit:searchActivities', { uitpasNumber: lotte, datetype: 'today' });
    await value('visit:checkin', { cdbid: walk, uitpasNumber: lotte });
    const sold = await value<TicketSaleResult>('visit:buyTicket', { cdbid: walk, uitpasNumber: lotte, priceClass: 'Default prijsklasse' });
    await value('visit:getTicketSales', { uitpasNumber: lotte });
    await value('visit:cancelTicketSale', { ticketSaleId: sold.ticketSale.id, uitpasNumber: lotte });
    await value('visit:getAdvantages', { uitpasNumber: lotte });
    await value('visit:cashInWelcomeAdvantage', { uitpasNumber: lotte, welcomeAdvantageId: '5' });
    await value('visit:cashInPointsPromotion', { uitpasNumber: lotte, pointsPromotionId: '7' });
    await value('visit:getCoupons', { uitpasNumber: marie });
    await value('visit:getPointsHistory', { uitpasNumber: lotte });
    const uitpas = sent.filter((request) => request.url.pathname.includes('/uitpas/'));
    const balieOf = (request: Sent) => request.url.searchParams.get('balieConsumerKey') ?? request.form.get('balieConsumerKey');
    const rereads = uitpas.filter((request) => request.url.pathname.includes('/uitpas/promotion/'));
    expect(rereads).toHaveLength(2);
    for (const request of rereads) expect(balieOf(request), request.url.pathname).toBeNull();
    for (const request of uitpas.filter((request) => !rereads.includes(request))) expect(balieOf(request), request.url.pathname).toBe('balie-gent-centrum');
    const consumerOnly = uitpas.filter((request) => !request.authorization.includes('oauth_token='));
    expect(new Set(consumerOnly.map((request) => request.url.pathname.replace(/.*\/uitpas\//, '').replace(/\/\d+$/, '')))).toEqual(
      new Set(['cultureevent/search', 'passholder/pointsPromotions', 'promotion/welcomeAdvantage', 'promotion/pointsPromotion']),
    );
  });
});

describe('refusals carry UiTPAS code and message', () => {
  it.each([
    ['visit:checkin', { cdbid: theatre, uitpasNumber: lotte }, 'CHECKIN_CURRENTLY_NOT_ALLOWED'],
    ['visit:buyTicket', { cdbid: swim, uitpasNumber: lotte, priceClass: 'Default prijsklasse' }, 'TICKETSALE_NOT_ALLOWED_FREE_EVENT'],
    ['visit:buyTicket', { cdbid: concert, uitpasNumber: lotte, priceClass: 'Balkon' }, 'UNKNOWN_PRICE_CLASS'],
    ['visit:cancelTicketSale', { ticketSaleId: '99999', uitpasNumber: lotte }, 'UNKNOWN_TICKET_SALE'],
    ['visit:cashInWelcomeAdvantage', { uitpasNumber: lotte, welcomeAdvantageId: '404' }, 'UNKNOWN_WELCOME_ADVANTAGE_ID'],
    ['visit:cashInPointsPromotion', { uitpasNumber: lotte, pointsPromotionId: '9' }, 'ACTION_NOT_ALLOWED'],
  ])('%s → %s', async (channel, payload, code) => {
    const { ask } = await counter();
    const answer = await ask(channel, payload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'uitpas-rejected', apiCode: code, serverMessage: expect.any(String) as string } });
    expect(answer.ok || answer.error.outcomeUnknown).toBeFalsy();
  });
});

/** Each write, a look-up that shows what became of it, and how many times the simulator carried it out. */
const writes = [
  {
    channel: 'visit:checkin',
    path: 'uitpas/passholder/checkin',
    payload: { cdbid: walk, uitpasNumber: lotte },
    settle: ['visit:searchActivities', { uitpasNumber: lotte, datetype: 'today' }],
    done: (world: Simulator['state']) => world.visit.checkins.length,
  },
  {
    channel: 'visit:buyTicket',
    path: `uitpas/cultureevent/${walk}/buy/${lotte}`,
    payload: { cdbid: walk, uitpasNumber: lotte, priceClass: 'Default prijsklasse' },
    settle: ['visit:getTicketSales', { uitpasNumber: lotte }],
    done: (world: Simulator['state']) => world.visit.sales.length,
  },
  {
    channel: 'visit:cashInWelcomeAdvantage',
    path: `uitpas/passholder/${lotte}/cashInWelcomeAdvantage`,
    payload: { uitpasNumber: lotte, welcomeAdvantageId: '5' },
    settle: ['visit:getAdvantages', { uitpasNumber: lotte }],
    done: (world: Simulator['state']) => world.visit.cashIns.length,
  },
  {
    channel: 'visit:cashInPointsPromotion',
    path: `uitpas/passholder/${lotte}/cashInPointsPromotion`,
    payload: { uitpasNumber: lotte, pointsPromotionId: '7' },
    // A promotion can be cashed again: only the cashed promotions (A12) show it, the advantages list cannot.
    settle: ['visit:getPointsHistory', { uitpasNumber: lotte }],
    done: (world: Simulator['state']) => world.visit.cashIns.length,
  },
] as const;

describe('no write counted twice', () => {
  it.each(writes)('$channel: a lost answer (the demo practice switch) is an unknown outcome; nothing goes out again until $settle.0 settles it', async ({ channel, path, payload, settle, done }) => {
    const { ask, value, world, sent } = await counter();
    const posts = () => sent.filter((request) => request.method === 'POST' && request.url.pathname.endsWith(`/${path}`)).length;
    await value('demo:practiseLostAnswers', { on: true });
    expect(await ask(channel, payload)).toMatchObject({ ok: false, error: { code: 'uitpas-unreachable', outcomeUnknown: true } });
    await value('demo:practiseLostAnswers', { on: false });
    // The simulator did the work; the app does not know it.
    expect(done(world())).toBe(1);
    expect(posts()).toBe(1);
    expect(await ask(channel, payload)).toEqual({ ok: false, error: { code: 'outcome-unknown', outcomeUnknown: true } });
    expect(posts()).toBe(1);
    await value(settle[0], settle[1]);
    expect(posts()).toBe(1);
    // Settled: the same write now goes out, and UiTPAS says it was done (or, for a repeatable promotion, does it again).
    const again = await ask(channel, payload);
    expect(posts()).toBe(2);
    if (channel === 'visit:cashInPointsPromotion') expect(again.ok).toBe(true);
    else expect(again).toMatchObject({ ok: false, error: { code: 'uitpas-rejected' } });
  });

  it.each(writes)('$channel: a junk 200 (an HTML page, a 200 without what was asked) is an unknown outcome too', async ({ channel, path, payload }) => {
    for (const junk of ['<html><body>Bad gateway</body></html>', '<?xml version="1.0"?><foo/>', '']) {
      const { ask, world } = await counter();
      world().oddAnswers.push({ path, kind: 'junk', body: junk });
      expect(await ask(channel, payload)).toMatchObject({ ok: false, error: { code: 'uitpas-bad-response', outcomeUnknown: true } });
      expect(await ask(channel, payload)).toEqual({ ok: false, error: { code: 'outcome-unknown', outcomeUnknown: true } });
    }
  });

  it.each(writes)('$channel: a 200 carrying an error code is a refusal, never a success', async ({ channel, path, payload }) => {
    const { ask, world } = await counter();
    world().oddAnswers.push({ path, kind: 'ok-with-code', code: 'ACTION_FAILED' });
    expect(await ask(channel, payload)).toMatchObject({ ok: false, error: { code: 'uitpas-rejected', apiCode: 'ACTION_FAILED' } });
  });

  it("a group pass's sale whose answer is lost is settled by identifying the group pass again (its tickets left)", async () => {
    const { ask, value, world } = await counter();
    const sale = { cdbid: theatre, uitpasNumber: group, priceClass: 'Default prijsklasse', amountOfTickets: 2 };
    await value('demo:practiseLostAnswers', { on: true });
    expect(await ask('visit:buyTicket', sale)).toMatchObject({ ok: false, error: { outcomeUnknown: true } });
    await value('demo:practiseLostAnswers', { on: false });
    expect(await ask('visit:buyTicket', sale)).toMatchObject({ ok: false, error: { code: 'outcome-unknown' } });
    expect((await value<Identification>('uitpas:identify', { query: group })).groupPass?.availableTickets).toBe(String(world().visit.groupTicketsLeft));
    expect(await ask('visit:buyTicket', sale)).toMatchObject({ ok: true });
    expect(world().visit.sales).toHaveLength(2);
  });

  it("a points promotion's lost cash-in is not settled by the advantages list, which still offers it; only the cashed promotions settle it", async () => {
    const { ask, value, sent } = await counter();
    const cashIn = { uitpasNumber: lotte, pointsPromotionId: '7' };
    const posts = () => sent.filter((request) => request.method === 'POST' && request.url.pathname.endsWith('/cashInPointsPromotion')).length;
    await value('demo:practiseLostAnswers', { on: true });
    expect(await ask('visit:cashInPointsPromotion', cashIn)).toMatchObject({ ok: false, error: { outcomeUnknown: true } });
    await value('demo:practiseLostAnswers', { on: false });
    // The pass holder opened again: the list still offers the promotion, and the cash-in stays unsent.
    expect((await value<Advantage[]>('visit:getAdvantages', { uitpasNumber: lotte })).find((advantage) => advantage.id === '7')).toMatchObject({ exchangeable: true });
    expect(await ask('visit:cashInPointsPromotion', cashIn)).toEqual({ ok: false, error: { code: 'outcome-unknown', outcomeUnknown: true } });
    expect(posts()).toBe(1);
    const history = await value<PointsHistoryEntry[]>('visit:getPointsHistory', { uitpasNumber: lotte });
    expect(history.filter((entry) => entry.kind === 'cashed' && entry.promotionId === '7')).toHaveLength(1);
    expect(await ask('visit:cashInPointsPromotion', cashIn)).toMatchObject({ ok: true });
    expect(posts()).toBe(2);
  });

  it('a double click on a write sends it once', async () => {
    const { ask, world, sent } = await counter();
    const [first, second] = await Promise.all([ask('visit:checkin', { cdbid: walk, uitpasNumber: lotte }), ask('visit:checkin', { cdbid: walk, uitpasNumber: lotte })]);
    expect([first, second]).toContainEqual({ ok: false, error: { code: 'duplicate-in-flight' } });
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect(sent.filter((request) => request.method === 'POST' && request.url.pathname.endsWith('/uitpas/passholder/checkin'))).toHaveLength(1);
    expect(world().visit.checkins).toHaveLength(1);
  });

  it('a cancellation whose answer is lost stays unknown until the sale history is read', async () => {
    const { ask, value, world } = await counter();
    const sold = await value<TicketSaleResult>('visit:buyTicket', { cdbid: walk, uitpasNumber: lotte, priceClass: 'Default prijsklasse' });
    await value('demo:practiseLostAnswers', { on: true });
    const cancel = { ticketSaleId: sold.ticketSale.id, uitpasNumber: lotte };
    expect(await ask('visit:cancelTicketSale', cancel)).toMatchObject({ ok: false, error: { outcomeUnknown: true } });
    await value('demo:practiseLostAnswers', { on: false });
    expect(world().visit.sales[0]?.cancelled).toBe(true);
    expect(await ask('visit:buyTicket', { cdbid: walk, uitpasNumber: lotte, priceClass: 'Default prijsklasse' })).toMatchObject({ ok: false, error: { code: 'outcome-unknown' } });
    expect(await value<TicketSale[]>('visit:getTicketSales', { uitpasNumber: lotte })).toEqual([]);
    expect(await ask('visit:cancelTicketSale', cancel)).toMatchObject({ ok: false, error: { apiCode: 'UNKNOWN_TICKET_SALE' } });
  });
});
