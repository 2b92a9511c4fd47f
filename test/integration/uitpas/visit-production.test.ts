/**
 * The visit's calls against a local server answering in the shapes production uses: the element structure of
 * culturefeed-php's fixtures (CF CultureFeed/test/uitpas/data/events/searchresults.xml, passholder/checkin.xml,
 * advantages.xml, promotion.xml, promotion_checkin.xml, promotion_points.xml, cultureevent/searchCheckins.xml)
 * and the DOC samples where there is none (A3, A4, A12, A14, A15), with made-up values. Through main's handlers
 * and the real write wiring (only the session is a stand-in: it hands over a client aimed here): every request
 * signed, the balie on every call that takes it, a 400 refusal and a junk 200 for every write, and a write whose
 * answer is unreadable never sent again by itself.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerTable } from '../../../electron/ipc/contract';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { OAuthVerifier, parseAuthorizationHeader } from '../../../electron/simulator/oauth-verifier';
import { createUitpasClient } from '../../../electron/uitpas';
import type { createUitpasHandlers } from '../../../electron/uitpas/handlers';
import type { UitpasSession } from '../../../electron/uitpas/session';
import { createVisitHandlers } from '../../../electron/uitpas/visit-handlers';
import { WriteGate } from '../../../electron/uitpas/write-gate';
import { visitHandlers } from '../../../electron/wiring/visit-wiring';
import { writeServices } from '../../../electron/wiring/write-wiring';
import { startLocalServer } from '../../support/local-server';

interface Seen {
  method: string;
  url: URL;
  form: URLSearchParams;
  signatureOk: boolean;
  withToken: boolean;
}

const consumer = { key: 'consumer-key', secret: 'consumer secret' };
const token = { key: 'token-key', secret: 'token secret' };
const verifier = new OAuthVerifier({ consumerSecret: (key) => (key === consumer.key ? consumer.secret : undefined), tokenSecret: (key) => (key === token.key ? token.secret : undefined), now: () => Date.now() });
const card = '0900000052010';
const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;
const constraint = (type: string, volume: number) => `<periodType>${type}</periodType><periodVolume>${volume}</periodVolume>`;

/** A1 as CF-T events/searchresults.xml: a coupon offer beside a DEFAULT refused with INVALID_DATE_CONSTRAINTS, three ranks, a free event. */
const searchResults = xml(`<cultureEvents xmlns:cdb="http://www.cultuurdatabank.com/XMLSchema/CdbXSD/3.1/FINAL"><total>3</total>
<event><cdb:calendar><cdb:timestamps><cdb:timestamp><cdb:date>2026-12-07</cdb:date><cdb:timestart>18:00:00</cdb:timestart><cdb:timeend>19:00:00</cdb:timeend></cdb:timestamp></cdb:timestamps></cdb:calendar>
<calendarsummary>ma 07/12/26 van 18:00 tot 19:00</calendarsummary><cdbid>4b55097b-0000-4000-8000-000000000001</cdbid><checkinAllowed>false</checkinAllowed><checkinConstraint>${constraint('WEEK', 1)}</checkinConstraint><checkinConstraintReason>MAXIMUM_REACHED</checkinConstraintReason>
<city>Aalst</city><locationId>c77eba43</locationId><locationName>Sporthal Demo</locationName><numberOfPoints>1</numberOfPoints><organiserId>5C0885E2</organiserId><organiserName>Demo Korfbal</organiserName>
<cdb:performers><cdb:performer><cdb:role>Instuif</cdb:role></cdb:performer></cdb:performers><price>27.0</price><tariff>27.0</tariff>
<ticketSales><ticketSale type="COUPON"><ticketSaleCoupon><buyConstraint>${constraint('ABSOLUTE', 6)}</buyConstraint><exchangeConstraint>${constraint('MONTH', 3)}</exchangeConstraint><id>18</id><name>DEMO-BON</name></ticketSaleCoupon>
<remainingForEvent>${constraint('WEEK', 10)}</remainingForEvent><remainingTotal>${constraint('QUARTER', 50)}</remainingTotal><priceClasses><priceClass><name>Default prijsklasse</name><price>27.0</price><tariff>13.5</tariff></priceClass></priceClasses></ticketSale>
<ticketSale type="DEFAULT"><buyConstraintReason>INVALID_DATE_CONSTRAINTS</buyConstraintReason></ticketSale></ticketSales><title>Korfbalinstuif</title></event>
<event><cdb:calendar><cdb:timestamps><cdb:timestamp><cdb:date>2026-12-08</cdb:date><cdb:timestart>07:45:00</cdb:timestart><cdb:timeend>20:00:00</cdb:timeend></cdb:timestamp></cdb:timestamps></cdb:calendar>
<cdbid>8ea1787b-0000-4000-8000-000000000002</cdbid><checkinAllowed>true</checkinAllowed><checkinConstraint>${constraint('DAY', 1)}</checkinConstraint><numberOfPoints>2</numberOfPoints><price>28.0</price><tariff>21.0</tariff>
<ticketSales><ticketSale type="DEFAULT"><priceClasses><priceClass><name>Rang 1</name><price>28.0</price><tariff>21.0</tariff></priceClass><priceClass><name>Rang 2</name><price>21.0</price><tariff>14.0</tariff></priceClass><priceClass><name>Rang 3+</name><price>14.0</price><tariff>7.0</tariff></priceClass></priceClasses></ticketSale></ticketSales><title>Grotten</title></event>
<event><cdb:calendar><cdb:timestamps><cdb:timestamp><cdb:date>2026-12-10</cdb:date></cdb:timestamp></cdb:timestamps></cdb:calendar><cdbid>3b11284b-0000-4000-8000-000000000003</cdbid><checkinAllowed>false</checkinAllowed><checkinConstraint>${constraint('WEEK', 1)}</checkinConstraint><checkinConstraintReason>INVALID_DATE_TIME</checkinConstraintReason><numberOfPoints>1</numberOfPoints><price>0.0</price><tariff>0.0</tariff><title>Week van de sportclub</title></event>
</cultureEvents>`);

/** The DOC sample's ticketSale (events/registratie-van-verkoop-van-ticket.md), made-up values. */
const ticketSale = `<ticketSale><createdVia>Demo</createdVia><creationDate>2026-12-07T11:31:09+01:00</creationDate><id>17005</id><nodeId>8ea1787b-0000-4000-8000-000000000002</nodeId><nodeTitle>Grotten</nodeTitle><price>28.0</price><tariff>21.0</tariff><firstName>Demo</firstName><lastName>Persoon</lastName><status>ACTIVE</status><groupPass>false</groupPass></ticketSale>`;

const routes: Record<string, string> = {
  'GET uitpas/cultureevent/search': searchResults,
  'POST uitpas/passholder/checkin': xml('<response><points>2</points></response>'),
  [`POST uitpas/cultureevent/8ea1787b-0000-4000-8000-000000000002/buy/${card}`]: xml(ticketSale),
  'POST uitpas/cultureevent/cancel/17005': xml('<response><code>ACTION_SUCCEEDED</code><message>ticket [17005] canceled</message></response>'),
  [`GET uitpas/passholder/${card}/welcomeadvantages`]: xml('<promotions><promotion><cashedIn>false</cashedIn><id>5</id><points>0</points><title>Gratis armbandje</title></promotion></promotions>'),
  'GET uitpas/passholder/pointsPromotions': xml(
    '<response><promotions><promotion><applicableCardSystems><cardsystem><id>1</id><name>Demo</name></cardsystem></applicableCardSystems><balies><balie><name>De Demo</name><id>3</id></balie></balies><cashedIn>false</cashedIn><id>7</id><owningCardSystem><id>1</id><name>Demo</name></owningCardSystem><points>5</points><title>Gratis stickers</title><creationDate>2026-01-15T11:33:30.977+01:00</creationDate><cashingPeriodBegin>2026-01-01T01:00:00+01:00</cashingPeriodBegin><cashingPeriodEnd>2027-01-01T00:59:59.999+01:00</cashingPeriodEnd><validForCities><city>Aalst</city><city>Erpe_Mere</city></validForCities><maxAvailableUnits>20</maxAvailableUnits><unitsTaken>2</unitsTaken></promotion></promotions><total>1</total></response>',
  ),
  [`POST uitpas/passholder/${card}/cashInWelcomeAdvantage`]: xml('<promotionTO><cashedIn>true</cashedIn><id>5</id><points>0</points><title>Gratis armbandje</title></promotionTO>'),
  [`POST uitpas/passholder/${card}/cashInPointsPromotion`]: xml('<promotionTO><balies><balie><id>1</id><name>De Demo</name></balie></balies><cashedIn>true</cashedIn><id>7</id><points>5</points><title>Gratis stickers</title></promotionTO>'),
  'GET uitpas/promotion/welcomeAdvantage/5': xml('<welcomeAdvantageTO><cashedIn>false</cashedIn><id>5</id><points>0</points><title>Gratis armbandje</title></welcomeAdvantageTO>'),
  'GET uitpas/promotion/pointsPromotion/7': xml('<pointsPromotionTO><cashedIn>true</cashedIn><id>7</id><points>5</points><title>Gratis stickers</title><cashInState>POSSIBLE</cashInState></pointsPromotionTO>'),
  [`GET uitpas/passholder/${card}`]: xml('<passHolder><name>Persoon</name><firstName>Demo</firstName><points>10.000</points><uitIdUser><id>uid-demo-1</id></uitIdUser></passHolder>'),
  'GET uitpas/cultureevent/searchCheckins': xml(
    '<response xmlns:cdb="http://www.cultuurdatabank.com/XMLSchema/CdbXSD/3.1/FINAL"><checkinActivities><checkinActivity><type>12</type><contentType>event</contentType><createdVia>Demo</createdVia><creationDate>2026-11-12T14:48Z</creationDate><id>76faa534</id><nodeID>c44d849a</nodeID><nodeTitle>Demo-cinema</nodeTitle><points>1.000</points><private>false</private><userPoints>10.000</userPoints></checkinActivity></checkinActivities><total>1</total></response>',
  ),
  [`GET uitpas/passholder/${card}/cashedPointsPromotions`]: xml(
    '<response><cashedPromotions><cashedPromotion><id>18</id><promotion><balies/><cashedIn>true</cashedIn><id>7</id><points>5</points><title>Gratis stickers</title></promotion><cashingDate>2026-11-29T14:18:49+01:00</cashingDate><balie><name>Demo-museum</name><id>testkey5c9c</id></balie></cashedPromotion></cashedPromotions><total>1</total></response>',
  ),
  'GET uitpas/cultureevent/searchTicketsales': xml(`<response><ticketSales>${ticketSale}</ticketSales><total>1</total></response>`),
  [`GET uitpas/passholder/${card}/coupons`]: xml(`<ticketSaleCoupons><ticketSaleCoupon><exchangeConstraint>${constraint('ABSOLUTE', 2)}</exchangeConstraint><id>35</id><name>Cultuurbon</name><remainingTotal>${constraint('ABSOLUTE', 1)}</remainingTotal><expired>false</expired><validFrom>2026-06-29T00:00:00+02:00</validFrom><validTo>2026-12-31T23:59:59+01:00</validTo></ticketSaleCoupon></ticketSaleCoupons>`),
};

let override: ((request: Seen) => { status: number; body: string } | undefined) | undefined;
let seen: Seen[] = [];
let server: Awaited<ReturnType<typeof startLocalServer>>;
let prefix = '';

beforeAll(async () => {
  server = await startLocalServer((request, body, response) => {
    const url = new URL(request.url ?? '/', prefix);
    const form = new URLSearchParams(body);
    const oauth = parseAuthorizationHeader(request.headers.authorization) ?? new Map<string, string>();
    const check = verifier.verify({ method: request.method ?? 'GET', url: url.href, oauthParams: oauth, bodyParams: [...form.entries()] }, { tokenRequired: false });
    const entry = { method: request.method ?? '', url, form, signatureOk: !('problem' in check), withToken: oauth.has('oauth_token') };
    seen.push(entry);
    const route = `${entry.method} ${url.pathname.replace('/uitid/rest/', '')}`;
    const answer = override?.(entry) ?? (routes[route] !== undefined ? { status: 200, body: routes[route] } : { status: 404, body: 'not here' });
    response.writeHead(answer.status, { 'Content-Type': 'application/xml; charset=UTF-8' });
    response.end(answer.body);
  });
  prefix = server.prefix;
});
afterAll(() => server.close());
beforeEach(() => {
  seen = [];
  override = undefined;
});

/** Main's visit channels over the real write wiring; the session only hands over a client aimed at this server. */
function counter() {
  const session = {
    client: () => Promise.resolve(createUitpasClient({ prefix, consumer, token, balieConsumerKey: 'balie-key', timeoutMs: 3000 })),
    view: () => Promise.resolve({ environment: 'production', balie: { consumerKey: 'balie-key' } }),
  } as unknown as UitpasSession;
  const writes = writeServices(mkdtempSync(join(tmpdir(), 'balie-visit-prod-')), session, new WriteGate(), {} as ReturnType<typeof createUitpasHandlers>, () => 0);
  const handlers = visitHandlers(createVisitHandlers(session, () => new Date('2026-12-07T12:00:00+01:00')), writes) as unknown as HandlerTable;
  const dispatch = createDispatcher(handlers, { warn: () => undefined });
  return (channel: string, payload: unknown) => dispatch(channel, payload);
}

describe('the visit as production answers it', () => {
  it('activities in the fixture shape: the offer as SX derives it, the check-in column as NG shows it', async () => {
    const answer = await counter()('visit:searchActivities', { uitpasNumber: card, datetype: 'today' });
    expect(answer.ok).toBe(true);
    const { total, activities } = (answer as { value: { total: number; activities: { cdbid: string; offer: unknown; checkin: unknown; when: unknown; sales: { tariffs: unknown[] } }[] } }).value;
    expect(total).toBe(3);
    // The DEFAULT ticketSale with INVALID_DATE_CONSTRAINTS is dropped; the coupon remains, one class: sold in one step.
    expect(activities[0]).toMatchObject({ checkin: { state: 'saved' }, offer: { kind: 'coupon', cents: 1350, ticketSaleCouponId: '18', couponName: 'DEMO-BON', priceClass: 'Default prijsklasse' } });
    expect(activities[0]?.sales.tariffs).toEqual([{ type: 'COUPON', name: 'DEMO-BON', ticketSaleCouponId: '18', maximumReached: false, prices: [{ priceClass: 'Default prijsklasse', cents: 1350 }], remainingForEvent: { periodType: 'WEEK', periodVolume: 10 }, remainingTotal: { periodType: 'QUARTER', periodVolume: 50 } }]);
    expect(activities[0]?.when).toEqual({ kind: 'timestamps', timestamps: [{ date: '2026-12-07', timestart: '18:00:00', timeend: '19:00:00' }] });
    expect(activities[1]).toMatchObject({ checkin: { state: 'allowed' }, offer: { kind: 'choose', lowestAvailableCents: 700 } });
    // INVALID_DATE_TIME without a window: over, as SX's 1970 makes it.
    expect(activities[2]).toMatchObject({ checkin: { state: 'ended' }, offer: { kind: 'free' } });
    expect(Object.fromEntries(seen[0]?.url.searchParams ?? [])).toMatchObject({ uitpasNumber: card, datetype: 'today', balieConsumerKey: 'balie-key', sort: 'permanent desc,periods desc,availableto asc' });
  });

  it('every call signed; the balie on each but the promotion re-reads; A1, A8, A10, A11 as consumer requests (CF Default.php)', async () => {
    const ask = counter();
    const calls: [string, unknown][] = [
      ['visit:searchActivities', { uitpasNumber: card, datetype: 'next7days' }],
      ['visit:checkin', { cdbid: '8ea1787b-0000-4000-8000-000000000002', uitpasNumber: card }],
      ['visit:buyTicket', { cdbid: '8ea1787b-0000-4000-8000-000000000002', uitpasNumber: card, priceClass: 'Rang 2' }],
      ['visit:getTicketSales', { uitpasNumber: card }],
      ['visit:cancelTicketSale', { ticketSaleId: '17005', uitpasNumber: card }],
      ['visit:getAdvantages', { uitpasNumber: card }],
      ['visit:cashInWelcomeAdvantage', { uitpasNumber: card, welcomeAdvantageId: '5' }],
      ['visit:cashInPointsPromotion', { uitpasNumber: card, pointsPromotionId: '7' }],
      ['visit:getCoupons', { uitpasNumber: card }],
      ['visit:getPointsHistory', { uitpasNumber: card }],
    ];
    for (const [channel, payload] of calls) expect(await ask(channel, payload), channel).toMatchObject({ ok: true });
    expect(seen.every((entry) => entry.signatureOk)).toBe(true);
    const balie = (entry: Seen) => entry.url.searchParams.get('balieConsumerKey') ?? entry.form.get('balieConsumerKey');
    const rereads = seen.filter((entry) => entry.url.pathname.includes('/uitpas/promotion/'));
    expect(rereads.map((entry) => balie(entry))).toEqual([null, null]);
    expect(seen.filter((entry) => !rereads.includes(entry)).map((entry) => `${entry.url.pathname} ${balie(entry)}`)).toEqual(seen.filter((entry) => !rereads.includes(entry)).map((entry) => `${entry.url.pathname} balie-key`));
    expect([...new Set(seen.filter((entry) => !entry.withToken).map((entry) => entry.url.pathname.replace('/uitid/rest/', '')))].sort()).toEqual(
      ['uitpas/cultureevent/search', 'uitpas/passholder/pointsPromotions', 'uitpas/promotion/pointsPromotion/7', 'uitpas/promotion/welcomeAdvantage/5'].sort(),
    );
    // The buy sends the class by name and no number of tickets for a pass holder; the check-in the number, no chip.
    const buy = seen.find((entry) => entry.url.pathname.includes('/buy/'));
    expect(Object.fromEntries(buy?.form ?? [])).toEqual({ priceClass: 'Rang 2', balieConsumerKey: 'balie-key' });
    const checkin = seen.find((entry) => entry.url.pathname.endsWith('/checkin'));
    expect(Object.fromEntries(checkin?.form ?? [])).toEqual({ cdbid: '8ea1787b-0000-4000-8000-000000000002', uitpasNumber: card, balieConsumerKey: 'balie-key' });
  });

  it('reads the answers: the check-in total, the balance after a cash-in from the record, both histories newest first, coupons', async () => {
    const ask = counter();
    expect(await ask('visit:checkin', { cdbid: '8ea1787b-0000-4000-8000-000000000002', uitpasNumber: card })).toMatchObject({ ok: true, value: { points: 2 } });
    expect(await ask('visit:cashInWelcomeAdvantage', { uitpasNumber: card, welcomeAdvantageId: '5' })).toMatchObject({ ok: true, value: { points: 10, advantage: { id: '5', cashedIn: true, exchangeable: false } } });
    expect(await ask('visit:getPointsHistory', { uitpasNumber: card })).toEqual({
      ok: true,
      value: [
        { kind: 'cashed', id: '18', date: '2026-11-29T14:18:49+01:00', title: 'Gratis stickers', points: -5, balie: 'Demo-museum', promotionId: '7' },
        { kind: 'checkin', id: '76faa534', date: '2026-11-12T14:48Z', title: 'Demo-cinema', points: 1, balie: 'Demo' },
      ],
    });
    expect(await ask('visit:getCoupons', { uitpasNumber: card })).toMatchObject({ ok: true, value: [{ id: '35', name: 'Cultuurbon', remainingTotal: { periodType: 'ABSOLUTE', periodVolume: 1 }, validTo: '2026-12-31T23:59:59+01:00' }] });
    expect(await ask('visit:getTicketSales', { uitpasNumber: card })).toMatchObject({ ok: true, value: [{ id: '17005', priceCents: 2800, tariffCents: 2100, groupPass: false }] });
  });
});

const writes: { channel: string; path: RegExp; payload: unknown; refusal: string; extra?: string; said?: Record<string, unknown> }[] = [
  { channel: 'visit:checkin', path: /\/checkin$/, payload: { cdbid: '8ea1787b-0000-4000-8000-000000000002', uitpasNumber: card }, refusal: 'MAXIMUM_REACHED', extra: '<points>12</points>', said: { points: 12 } },
  { channel: 'visit:buyTicket', path: /\/buy\//, payload: { cdbid: '8ea1787b-0000-4000-8000-000000000002', uitpasNumber: card, priceClass: 'Rang 1' }, refusal: 'UNKNOWN_PRICE_CLASS' },
  { channel: 'visit:cancelTicketSale', path: /\/cancel\//, payload: { ticketSaleId: '17005', uitpasNumber: card }, refusal: 'UNKNOWN_TICKET_SALE' },
  { channel: 'visit:cashInWelcomeAdvantage', path: /cashInWelcomeAdvantage$/, payload: { uitpasNumber: card, welcomeAdvantageId: '5' }, refusal: 'WELCOMEADVANTAGE_ALREADY_CASHED_IN' },
  {
    channel: 'visit:cashInPointsPromotion',
    path: /cashInPointsPromotion$/,
    payload: { uitpasNumber: card, pointsPromotionId: '7' },
    refusal: 'ACTION_NOT_ALLOWED',
    extra: '<cashInState>NOT_POSSIBLE_POINTS_CONSTRAINT</cashInState>',
    said: { cashInState: 'NOT_POSSIBLE_POINTS_CONSTRAINT' },
  },
];

describe('every write', () => {
  it.each(writes)('$channel: a 400 refusal says UiTPAS code and its own message; the outcome is known', async ({ channel, path, payload, refusal, extra, said }) => {
    override = (entry) => (path.test(entry.url.pathname) ? { status: 400, body: xml(`<response><code>${refusal}</code><message>Niet gelukt: ${refusal}</message>${extra ?? ''}</response>`) } : undefined);
    const ask = counter();
    expect(await ask(channel, payload)).toEqual({ ok: false, error: { code: 'uitpas-rejected', apiCode: refusal, serverMessage: `Niet gelukt: ${refusal}`, ...said } });
    // Refused is known: the next try goes out.
    await ask(channel, payload);
    expect(seen.filter((entry) => path.test(entry.url.pathname))).toHaveLength(2);
  });

  it.each(writes)('$channel: a junk 200 is an unknown outcome, never sent again by itself', async ({ channel, path, payload }) => {
    for (const junk of ['<html><body>Service Unavailable</body></html>', xml('<foo/>'), xml('<response/>')]) {
      seen = [];
      override = (entry) => (path.test(entry.url.pathname) ? { status: 200, body: junk } : undefined);
      const ask = counter();
      expect(await ask(channel, payload)).toMatchObject({ ok: false, error: { code: 'uitpas-bad-response', outcomeUnknown: true } });
      expect(await ask(channel, payload)).toEqual({ ok: false, error: { code: 'outcome-unknown', outcomeUnknown: true } });
      expect(seen.filter((entry) => path.test(entry.url.pathname))).toHaveLength(1);
    }
  });

  it('a buy whose 200 carries <response><code> is a refusal, as CF Default.php::registerTicketSale reads it', async () => {
    override = (entry) => (entry.url.pathname.includes('/buy/') ? { status: 200, body: xml('<response><code>MAXIMUM_REACHED</code><message>Onvoldoende tickets</message></response>') } : undefined);
    expect(await counter()('visit:buyTicket', { cdbid: '8ea1787b-0000-4000-8000-000000000002', uitpasNumber: card, priceClass: 'Rang 1' })).toMatchObject({ ok: false, error: { apiCode: 'MAXIMUM_REACHED', serverMessage: 'Onvoldoende tickets' } });
  });
});
