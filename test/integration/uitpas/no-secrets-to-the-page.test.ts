/**
 * Nothing the page can receive over the contract carries a secret: every
 * request channel's answer and every event, during a whole session against the
 * simulator, is searched for the consumer secrets and the staff token's secret.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, requestChannelNames } from '../../../electron/ipc/dispatch';
import { createMainServices } from '../../../electron/main-services';
import { authorizeAtSimulator } from '../../../electron/simulator/headless-authorize';
import { cardNumber, seedPassholder } from '../../../electron/simulator/seed';
import { startSimulator, type Simulator } from '../../../electron/simulator/server';
import { FakePcscContext } from '../../support/fake-pcsc';
import { memoryCipher } from '../../support/memory-cipher';

describe('secrets stay in main', () => {
  it('never reach the page, whatever it asks', async () => {
    let authorizeUrl = '';
    const demos: Simulator[] = [];
    const services = createMainServices({
      startDemoSimulator: async () => {
        const simulator = await startSimulator();
        demos.push(simulator);
        return simulator;
      },
      appInfo: { name: 'UiTPAS Balie', version: '0', platform: 'linux', host: 'browser' },
      createPcscContext: () => new FakePcscContext(),
      trustAnchors: [],
      dataDirectory: mkdtempSync(join(tmpdir(), 'balie-secrets-')),
      secretCipher: memoryCipher(),
      showAuthorizePage: (url) => {
        authorizeUrl = url;
        return authorizeAtSimulator(url);
      },
      log: { warn: () => undefined },
    });
    const seen: unknown[] = [];
    services.events.subscribe((channel, payload) => seen.push({ channel, payload }));
    const dispatch = createDispatcher(services.handlers, { warn: () => undefined });
    const ask = async (channel: string, payload?: unknown) => {
      const result = await dispatch(channel, payload);
      seen.push({ channel, result });
      return result;
    };

    await ask('settings:save', { environment: 'test', consumerKey: 'test-key', consumerSecret: 'TEST-CONSUMER-SECRET' });
    await ask('settings:save', { environment: 'demo' });
    expect(await ask('session:login')).toMatchObject({ ok: true, value: { loggedIn: true } });
    expect(await ask('session:chooseBalie', { balieId: '101' })).toMatchObject({ ok: true });
    const card = cardNumber('09000', 2, false);
    // Marie's own card from the new card below on: the update, the opt-ins and the block use it as hers.
    const marieKansenpas = cardNumber('09000', 501, true);
    // Noor Jacobs (seed.ts): Marie's card is replaced and blocked above.
    const noor = cardNumber('09000', 521, true);
    // The demo's permanent walk and film evening (simulator/visit-seed.ts).
    const walk = '7f3d2a10-4c5e-4b8a-9e21-6a0c1d2e3f41';
    const film = 'e5b7f9d1-4a6c-4d8e-9f0a-2b3c4d5e6f85';
    const nextYear = new Date().getFullYear() + 1;
    const calls: [string, unknown][] = [
      ['app:getInfo', undefined],
      ['app:confirmClose', { close: false }],
      ['eid:getReaders', undefined],
      ['eid:getCards', undefined],
      ['session:get', undefined],
      ['uitpas:getCard', { uitpasNumber: card }],
      ['uitpas:getPrice', { uitpasNumber: card, reason: 'FIRST_CARD' }],
      ['uitpas:findPassholders', { query: seedPassholder.inszNumber }],
      ['uitpas:identify', { query: seedPassholder.inszNumber }],
      ['uitpas:searchPassholders', { name: 'Cla*' }],
      ['uitpas:registerPassholder', { name: 'Kaya', firstName: 'Aylin', inszNumber: '62000001229', dateOfBirth: '1962-06-01', postalCode: '2140', city: 'Antwerpen', uitpasNumber: card }],
      ['uitpas:registerNewCard', { uid: seedPassholder.uid, reason: 'OBTAIN_KANSENSTATUUT', uitpasNumber: marieKansenpas, kansenStatuutEndDate: `${nextYear}-04-30` }],
      ['uitpas:updatePassholder', { uitpasNumber: marieKansenpas, fields: { gsm: '0470 00 00 00' } }],
      ['uitpas:registerInCardSystem', { uid: seedPassholder.uid, uitpasNumber: cardNumber('09300', 1, false) }],
      ['uitpas:updateCardSystemData', { uid: seedPassholder.uid, cardSystemId: '1', kansenStatuutEndDate: `${nextYear}-12-31` }],
      ['uitpas:setOptInPreferences', { uid: seedPassholder.uid, uitpasNumber: marieKansenpas, preferences: { optInServiceMails: true, optInMilestoneMails: true, optInInfoMails: false, optInSms: false, optInPost: false } }],
      ['uitpas:blockCard', { uitpasNumber: marieKansenpas }],
      ['demo:practiseLostAnswers', { on: false }],
      ['support:getReport', { probe: true, copy: true }],
      ['update:getNotice', undefined],
      ['visit:searchActivities', { uitpasNumber: noor, datetype: 'next7days' }],
      ['visit:checkin', { cdbid: walk, uitpasNumber: noor }],
      ['visit:getAdvantages', { uitpasNumber: noor }],
      ['visit:cashInWelcomeAdvantage', { uitpasNumber: noor, welcomeAdvantageId: '5' }],
      ['visit:cashInPointsPromotion', { uitpasNumber: noor, pointsPromotionId: '7' }],
      ['visit:getCoupons', { uitpasNumber: noor }],
      ['visit:getPointsHistory', { uitpasNumber: noor }],
      ['visit:getTicketSales', { uitpasNumber: noor }],
      // A cancel for a question no proxy asked: answered, and nothing happens.
      ['proxy:answerCredentials', { requestId: '5d0c2f4e-8a61-4b7e-9f3a-0c1d2e3f4a5b' }],
    ];
    const results = [];
    for (const [channel, payload] of calls) results.push(await ask(channel, payload));
    const sale = await ask('visit:buyTicket', { cdbid: film, uitpasNumber: noor, priceClass: 'Default prijsklasse', ticketSaleCouponId: '35' });
    results.push(sale, await ask('visit:cancelTicketSale', { ticketSaleId: sale.ok ? (sale.value as { ticketSale: { id: string } }).ticketSale.id : '', uitpasNumber: noor }));
    // They really went through the signed client: every call succeeded.
    expect(results.filter((result) => !result.ok)).toEqual([]);
    // The demo eID's events go to the page too: read one completely.
    expect(await ask('eid:insertDemoCard', { person: 'zoe' })).toEqual({ ok: true, value: null });
    await vi.waitFor(() => expect(seen.some((entry) => (entry as { payload?: { complete?: boolean } }).payload?.complete === true)).toBe(true));
    await ask('eid:removeDemoCard');
    expect(await ask('session:logout')).toMatchObject({ ok: true });
    // Every request channel was asked something.
    const asked = seen.filter((entry) => 'result' in (entry as object)).map((entry) => (entry as { channel: string }).channel);
    expect(new Set(asked)).toEqual(new Set(requestChannelNames));

    const everything = JSON.stringify(seen);
    const simulator = new URL(authorizeUrl).origin;
    expect(simulator).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(demos.length).toBe(1);
    for (const secret of ['TEST-CONSUMER-SECRET', ...demos.map((demo) => demo.consumer.secret)]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/oauth_token_secret|tokenSecret|"secret"/);
    await services.close();
  });
});
