/** Every counter operation and look-up of the client, over real HTTP against the simulator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UitpasError, type UitpasClient } from '../../../electron/uitpas';
import { cardNumber, seedPassholder } from '../../../electron/simulator/seed';
import { authorizationHeader } from '../../../electron/uitpas/signing';
import type { Simulator } from '../../../electron/simulator/server';
import type { StaffLogin } from '../../../electron/uitpas/login-flow';
import { clientFor, simulatorWithLogin } from '../../support/simulator';

const gent = (sequence: number, kansenpas = false) => cardNumber('09000', sequence, kansenpas);
const aalst = (sequence: number) => cardNumber('09300', sequence, false);
const existingCard = gent(seedPassholder.cardSequence);
const nextYear = new Date().getFullYear() + 1;

const jonas = {
  name: 'Vermeulen',
  firstName: 'Jonas',
  secondName: 'Pieter M',
  inszNumber: '85073003328',
  dateOfBirth: '1985-07-30',
  gender: 'MALE' as const,
  street: 'Kortrijksesteenweg 112',
  postalCode: '9000',
  city: 'Gent',
  nationality: 'Belg',
  placeOfBirth: 'Gent',
  verified: true,
  // Marked required on register today (DOC registreren-van-een-pashouder.md).
  optInServiceMails: true,
  optInMilestoneMails: false,
  optInInfoMails: false,
  optInSms: false,
  optInPost: false,
};

async function rejection(promise: Promise<unknown>): Promise<UitpasError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof UitpasError)) throw new Error(`expected a UitpasError, got ${String(error)}`);
  return error;
}

describe('UiTPAS client against the simulator', () => {
  let simulator: Simulator;
  let login: StaffLogin;
  let client: UitpasClient;

  beforeAll(async () => {
    ({ simulator, login } = await simulatorWithLogin());
    client = clientFor(simulator, login);
  });
  afterAll(() => simulator.close());

  describe('look-ups', () => {
    it('lists the employee balies with their card systems and permissions', async () => {
      const balies = await client.listBalies(login.userId);
      expect(balies.map((balie) => balie.name)).toEqual(['Demo-balie Gent Centrum', 'Demo-balie Aalst Bibliotheek']);
      expect(balies[0]!.cardSystems[0]).toEqual({ id: '1', name: 'UiTPAS Gent', permissions: ['registratie', 'kansenstatuut toekennen'], groups: [] });
      expect(balies[1]!.cardSystems[0]!.permissions).toEqual(['registratie']);
    });

    it('reads card info: in stock here, kansenpas or not; leading zeros kept', async () => {
      expect(await client.getCard(gent(1))).toEqual({ uitpasNumber: gent(1), cardSystem: { id: '1', name: 'UiTPAS Gent' }, cardType: 'CARD', kansenpas: false, status: 'LOCAL_STOCK' });
      expect((await client.getCard(gent(501, true))).kansenpas).toBe(true);
      // The card's own status, the same from every balie: whose stock it is, only the price call says.
      expect((await client.getCard(aalst(101))).status).toBe('LOCAL_STOCK');
      expect(gent(1).startsWith('0')).toBe(true);
    });

    it('prices a first card, and a voucher brings it to zero', async () => {
      expect(await client.getPrice({ uitpasNumber: gent(2), reason: 'FIRST_CARD' })).toMatchObject({ price: '5.00', kansenstatuut: false });
      expect(await client.getPrice({ uitpasNumber: gent(502, true), reason: 'FIRST_CARD', voucherNumber: 'GENT-2026-0003' })).toMatchObject({
        price: '0.00',
        kansenstatuut: true,
        voucherType: { name: 'Welkomstvoucher', prefix: 'GENT' },
      });
    });

    it.each([
      ['UNKNOWN_CARD', { uitpasNumber: gent(300), reason: 'FIRST_CARD' as const }],
      ['BALIE_NOT_AUTHORIZED', { uitpasNumber: aalst(101), reason: 'FIRST_CARD' as const }],
      ['UNKNOWN_VOUCHER', { uitpasNumber: gent(2), reason: 'FIRST_CARD' as const, voucherNumber: 'NOPE-0000' }],
      ['INVALID_VOUCHER_STATUS', { uitpasNumber: gent(2), reason: 'FIRST_CARD' as const, voucherNumber: 'GENT-2026-0099' }],
      ['PARSE_INVALID_UITPASNUMBER', { uitpasNumber: '0900000000010', reason: 'FIRST_CARD' as const }],
    ])('refuses a price with %s', async (code, query) => {
      expect((await rejection(client.getPrice(query))).code).toBe(code);
    });

    it('finds a pass holder by UiTPAS number and by INSZ, namespaced uid included', async () => {
      const byCard = await client.getPassholder(existingCard);
      expect(byCard).toMatchObject({ uid: seedPassholder.uid, name: 'Claes', firstName: 'Marie', dateOfBirth: '1982-10-15', gender: 'FEMALE', points: '12.000' });
      expect(byCard.cardSystems).toEqual([
        { id: '1', name: 'UiTPAS Gent', kansenStatuut: false, kansenStatuutEndDate: undefined, kansenStatuutExpired: false, kansenStatuutInGracePeriod: false, kansenStatuutSuspendedUntil: undefined, status: 'ACTIVE', currentCard: { uitpasNumber: existingCard, kansenpas: false, status: 'ACTIVE' } },
      ]);
      expect((await client.retrieve(seedPassholder.inszNumber))?.passholder?.uid).toBe(seedPassholder.uid);
      expect(await client.retrieve('85073003328')).toBeNull();
      expect((await rejection(client.getPassholder(gent(3)))).code).toBe('UNKNOWN_UITPASNUMBER');
    });
  });

  describe('registerPassholder', () => {
    it('registers, and answers with the new uid and the card number', async () => {
      const result = await client.registerPassholder({ ...jonas, uitpasNumber: gent(1), voucherNumber: 'GENT-2026-0001' });
      expect(result.uitpasNumber).toBe(gent(1));
      expect(result.resource).toBe(`/uitpas/passholder/${gent(1)}`);
      expect(result.uid).toMatch(/^[0-9a-f-]{36}$/);
      const holder = await client.getPassholder(gent(1));
      expect(holder).toMatchObject({ uid: result.uid, name: 'Vermeulen', secondName: 'Pieter M', verified: true });
    });

    it('registers with kansenstatuut on a kansenpas', async () => {
      const result = await client.registerPassholder({
        ...jonas,
        name: 'Lambrecht',
        firstName: 'Zoë',
        inszNumber: '92021514689',
        dateOfBirth: '1992-02-15',
        gender: 'FEMALE',
        uitpasNumber: gent(501, true),
        kansenStatuut: true,
        kansenStatuutEndDate: `${nextYear}-04-30`,
      });
      const holder = await client.getPassholder(result.uitpasNumber);
      expect(holder.cardSystems[0]).toMatchObject({ kansenStatuut: true, kansenStatuutEndDate: `${nextYear}-04-30` });
    });

    const fresh = { ...jonas, inszNumber: '05031208796', dateOfBirth: '2005-03-12', name: 'Schmitz', firstName: 'Lukas', uitpasNumber: gent(5) };
    it.each([
      ['MISSING_REQUIRED_FIELDS', { ...fresh, postalCode: '' }, null],
      ['INSZ_ALREADY_USED', { ...fresh, inszNumber: seedPassholder.inszNumber, dateOfBirth: seedPassholder.dateOfBirth, gender: 'FEMALE' as const }, 'inszNumber'],
      ['EMAIL_ALREADY_USED', { ...fresh, email: seedPassholder.email }, 'email'],
      ['UNKNOWN_VOUCHER', { ...fresh, voucherNumber: 'NOPE-0001' }, 'voucherNumber'],
      ['INVALID_VOUCHER_STATUS', { ...fresh, voucherNumber: 'GENT-2026-0099' }, 'voucherNumber'],
      ['UNKNOWN_CARD', { ...fresh, uitpasNumber: gent(300) }, 'uitpasNumber'],
      ['CARD_NOT_ASSIGNED_TO_BALIE', { ...fresh, uitpasNumber: aalst(101) }, 'uitpasNumber'],
      ['INVALID_CARD', { ...fresh, uitpasNumber: gent(503, true) }, 'uitpasNumber'],
      ['INVALID_CARD_STATUS', { ...fresh, uitpasNumber: gent(901) }, 'uitpasNumber'],
      ['UNKNOWN_SCHOOL', { ...fresh, schoolConsumerKey: 'no-such-school' }, 'schoolConsumerKey'],
      ['PARSE_INVALID_INSZ', { ...fresh, inszNumber: '05031208797' }, 'inszNumber'],
      ['PARSE_INVALID_UITPASNUMBER', { ...fresh, uitpasNumber: '0900000000011' }, 'uitpasNumber'],
      ['PARSE_INVALID_VOUCHERNUMBER', { ...fresh, voucherNumber: 'bad voucher!' }, 'voucherNumber'],
      ['PARSE_INVALID_GENDER', { ...fresh, gender: 'X' as never }, 'gender'],
      ['PARSE_INVALID_POSTAL_CODE', { ...fresh, postalCode: '900' }, 'postalCode'],
      ['PARSE_INVALID_CITY_NAME', { ...fresh, city: '1234' }, 'city'],
      ['PARSE_INVALID_DATE', { ...fresh, uitpasNumber: gent(504, true), kansenStatuut: true, kansenStatuutEndDate: '30/04/2027' }, 'kansenStatuutEndDate'],
      ['PARSE_INVALID_DATE_OF_BIRTH', { ...fresh, dateOfBirth: '2005-02-30' }, 'dateOfBirth'],
      ['INVALID_EMAIL_ADDRESS', { ...fresh, email: 'lukas-at-example' }, 'email'],
    ])('refuses with %s, on the field it concerns', async (code, fields, field) => {
      const error = await rejection(client.registerPassholder(fields));
      expect(error).toMatchObject({ code, field, outcomeUnknown: false });
    });

    it('says who already has the INSZ (INSZ_ALREADY_USED), so the counter can offer that pass holder', async () => {
      const error = await rejection(
        client.registerPassholder({ ...fresh, inszNumber: seedPassholder.inszNumber, dateOfBirth: seedPassholder.dateOfBirth, gender: 'FEMALE' }),
      );
      expect(error.existing).toEqual({ userId: seedPassholder.uid, cardSystemLinks: [{ cardSystemId: '1', uitpasNumber: existingCard, status: 'ACTIVE' }] });
    });

    it('refuses kansenstatuut at a balie without that permission (ACCESS_DENIED with the permission)', async () => {
      const aalstBalie = clientFor(simulator, login, 'balie-aalst-bib');
      const error = await rejection(aalstBalie.registerPassholder({ ...fresh, uitpasNumber: aalst(102), kansenStatuut: true, kansenStatuutEndDate: `${nextYear}-04-30` }));
      expect(error).toMatchObject({ code: 'ACCESS_DENIED', requiredPermission: 'PERMISSION_KANSENSTATUUT - ACTION_CREATE' });
    });

    it('refuses a kansenstatuut end date after 31/12 of next year (INVALID_DATE_CONSTRAINTS)', async () => {
      const error = await rejection(client.registerPassholder({ ...fresh, uitpasNumber: gent(504, true), kansenStatuut: true, kansenStatuutEndDate: `${nextYear + 1}-01-01` }));
      expect(error).toMatchObject({ code: 'INVALID_DATE_CONSTRAINTS', field: 'kansenStatuutEndDate' });
    });

    it('refuses a request without balieConsumerKey', async () => {
      const noBalie = clientFor(simulator, login, '');
      expect((await rejection(noBalie.registerPassholder(fresh))).code).toBe('MISSING_REQUIRED_FIELDS');
    });
  });

  describe('registerNewCard', () => {
    it('replaces a lost card; the old card is blocked', async () => {
      const holder = await client.getPassholder(existingCard);
      const result = await client.registerNewCard({ uid: holder.uid, reason: 'LOSS_THEFT', uitpasNumber: gent(6) });
      expect(result).toEqual({ uid: holder.uid, uitpasNumber: gent(6), resource: `/uitpas/passholder/${gent(6)}` });
      expect((await client.getPassholder(gent(6))).cardSystems[0]!.currentCard).toMatchObject({ uitpasNumber: gent(6), status: 'ACTIVE' });
      expect(simulator.state.cards.get(existingCard)!.status).toBe('BLOCKED');
    });

    it('accepts REMOVAL and sends what the environment expects (DEFECT)', async () => {
      const holder = await client.getPassholder(gent(6));
      const result = await client.registerNewCard({ uid: holder.uid, reason: 'REMOVAL', uitpasNumber: gent(7) });
      expect(result.uitpasNumber).toBe(gent(7));
    });

    it('gives a kansenpas with OBTAIN_KANSENSTATUUT and its end date', async () => {
      const holder = await client.getPassholder(gent(7));
      await client.registerNewCard({ uid: holder.uid, reason: 'OBTAIN_KANSENSTATUUT', uitpasNumber: gent(505, true), kansenStatuutEndDate: `${nextYear}-04-30` });
      expect((await client.getPassholder(gent(505, true))).cardSystems[0]).toMatchObject({ kansenStatuut: true });
    });

    it.each([
      ['MISSING_REQUIRED_FIELDS', { reason: 'OBTAIN_KANSENSTATUUT' as const, uitpasNumber: gent(506, true) }],
      ['UNKNOWN_PASSHOLDER_UID', { uid: 'nobody', reason: 'LOSS_THEFT' as const, uitpasNumber: gent(8) }],
      ['UNKNOWN_CARD', { reason: 'LOSS_THEFT' as const, uitpasNumber: gent(301) }],
      ['INVALID_CARD', { reason: 'LOSS_THEFT' as const, uitpasNumber: gent(506, true) }],
      ['INVALID_CARD_STATUS', { reason: 'LOSS_THEFT' as const, uitpasNumber: gent(901) }],
      ['UNKNOWN_VOUCHER', { reason: 'LOSS_THEFT' as const, uitpasNumber: gent(8), voucherNumber: 'NOPE-0002' }],
      ['INVALID_VOUCHER_STATUS', { reason: 'LOSS_THEFT' as const, uitpasNumber: gent(8), voucherNumber: 'GENT-2026-0099' }],
      ['PARSE_INVALID_UITPASNUMBER', { reason: 'LOSS_THEFT' as const, uitpasNumber: '123' }],
      ['PARSE_INVALID_VOUCHERNUMBER', { reason: 'LOSS_THEFT' as const, uitpasNumber: gent(8), voucherNumber: '!' }],
      ['PARSE_INVALID_DATE', { reason: 'OBTAIN_KANSENSTATUUT' as const, uitpasNumber: gent(506, true), kansenStatuutEndDate: 'volgend jaar' }],
      ['INVALID_DATE_CONSTRAINTS', { reason: 'OBTAIN_KANSENSTATUUT' as const, uitpasNumber: gent(506, true), kansenStatuutEndDate: `${nextYear + 2}-01-01` }],
    ])('refuses with %s', async (code, request) => {
      // Jonas has a regular card (no kansenstatuut): a kansenpas only comes with OBTAIN_KANSENSTATUUT.
      const holder = await client.getPassholder(gent(1));
      expect((await rejection(client.registerNewCard({ uid: holder.uid, ...request }))).code).toBe(code);
    });
  });

  describe('updatePassholder', () => {
    it('changes only what it is given', async () => {
      expect(await client.updatePassholder(gent(1), { gsm: '0470 12 34 56', moreInfo: '' })).toEqual({ code: 'ACTION_SUCCEEDED' });
      expect(await client.getPassholder(gent(1))).toMatchObject({ gsm: '0470 12 34 56', name: 'Vermeulen' });
    });

    it.each([
      ['UNKNOWN_UITPASNUMBER', gent(9), {}],
      ['PARSE_INVALID_UITPASNUMBER', '0900000000011', {}],
      ['ACTION_NOT_ALLOWED', gent(1), { inszNumber: '92021514689' }],
      ['MISSING_REQUIRED_FIELDS', gent(1), { name: '' }],
      ['PARSE_INVALID_INSZ', gent(1), { inszNumber: '85073003329' }],
      ['PARSE_INVALID_GENDER', gent(1), { gender: 'Q' as never }],
      ['PARSE_INVALID_DATE', gent(1), { kansenStatuutEndDate: '2027/01/01' }],
      ['PARSE_INVALID_DATE_OF_BIRTH', gent(1), { dateOfBirth: '1985-13-01' }],
      ['PARSE_INVALID_POSTAL_CODE', gent(1), { postalCode: 'ABCD' }],
      ['PARSE_INVALID_CITY_NAME', gent(1), { city: '9000' }],
      ['INVALID_DATE_CONSTRAINTS', gent(1), { kansenStatuutEndDate: `${nextYear + 1}-06-30` }],
      ['INVALID_EMAIL_ADDRESS', gent(1), { email: 'jonas@' }],
    ])('refuses with %s', async (code, number, fields) => {
      expect((await rejection(client.updatePassholder(number, fields))).code).toBe(code);
    });
  });

  describe('registerInCardSystem', () => {
    it('adds an existing pass holder to another card system without a new card, and answers with the pass holder', async () => {
      const holder = await client.getPassholder(gent(1));
      const updated = await client.registerInCardSystem(holder.uid, { cardSystemId: '2' });
      expect(updated.cardSystems.map((system) => system.name)).toEqual(['UiTPAS Gent', 'UiTPAS Regio Aalst']);
    });

    it('or with a new card of that system', async () => {
      const other = await client.registerPassholder({ ...jonas, name: 'Peeters', firstName: 'Els', inszNumber: '96081315176', dateOfBirth: '1996-08-13', gender: 'MALE', uitpasNumber: gent(10) });
      const updated = await client.registerInCardSystem(other.uid, { uitpasNumber: aalst(1) });
      expect(updated.cardSystems.find((system) => system.id === '2')?.currentCard?.uitpasNumber).toBe(aalst(1));
    });

    it.each([
      ['UNKNOWN_PASSHOLDER_ID', 'nobody', { cardSystemId: '2' }],
      ['UNKNOWN_CARD_SYSTEM', 'holder', { cardSystemId: '77' }],
      ['UNKNOWN_CARD', 'holder', { uitpasNumber: cardNumber('09300', 333, false) }],
    ])('refuses with %s', async (code, who, target) => {
      const uid = who === 'holder' ? (await client.getPassholder(gent(1))).uid : who;
      expect((await rejection(client.registerInCardSystem(uid, target))).code).toBe(code);
    });

    it('sends exactly one of card system and card; the API refuses neither (MISSING_REQUIRED_FIELDS) and both (INVALID_PARAMETERS)', async () => {
      const uid = (await client.getPassholder(gent(1))).uid;
      expect((await rejection(client.registerInCardSystem(uid, {} as never))).code).toBe('MISSING_REQUIRED_FIELDS');
      // The typed client cannot send both; a hand-signed request shows the simulator's rule.
      const url = `${simulator.prefix}/uitpas/passholder/${uid}/register`;
      const body = { cardSystemId: '2', uitpasNumber: aalst(2), balieConsumerKey: 'balie-gent-centrum' };
      const response = await fetch(url, {
        method: 'POST',
        headers: { Authorization: authorizationHeader(simulator.consumer, login.token, { method: 'POST', url, body }), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('<code>INVALID_PARAMETERS</code>');
    });

    it('refuses an unknown voucher, and kansenstatuut where the balie may not grant it', async () => {
      // Zoë is only in UiTPAS Gent, with a kansenpas.
      const uid = (await client.getPassholder(gent(501, true))).uid;
      expect((await rejection(client.registerInCardSystem(uid, { uitpasNumber: aalst(2) }, { voucherNumber: 'NOPE-0003' }))).code).toBe('UNKNOWN_VOUCHER');
      const denied = await rejection(client.registerInCardSystem(uid, { uitpasNumber: aalst(3) }, { kansenStatuut: true, kansenStatuutEndDate: `${nextYear}-04-30` }));
      expect(denied).toMatchObject({ code: 'ACCESS_DENIED', requiredPermission: 'PERMISSION_KANSENSTATUUT - ACTION_CREATE' });
    });

    it('refuses a kansenstatuut end date past next year (INVALID_DATE_CONSTRAINTS)', async () => {
      const aalstBalie = clientFor(simulator, login, 'balie-aalst-bib');
      const other = await aalstBalie.registerPassholder({ ...jonas, name: 'Maes', firstName: 'Jef', inszNumber: '69032422837', dateOfBirth: '1969-03-24', gender: 'FEMALE', uitpasNumber: aalst(103) });
      const error = await rejection(client.registerInCardSystem(other.uid, { uitpasNumber: gent(506, true) }, { kansenStatuut: true, kansenStatuutEndDate: `${nextYear + 3}-01-01` }));
      expect(error).toMatchObject({ code: 'INVALID_DATE_CONSTRAINTS', field: 'kansenStatuutEndDate' });
    });
  });

  describe('updateCardSystemData', () => {
    it('moves the kansenstatuut end date', async () => {
      const holder = await client.getPassholder(gent(501, true));
      expect(await client.updateCardSystemData(holder.uid, '1', { kansenStatuutEndDate: `${nextYear}-12-31` })).toEqual({ code: 'ACTION_SUCCEEDED' });
      expect((await client.getPassholder(gent(501, true))).cardSystems[0]!.kansenStatuutEndDate).toBe(`${nextYear}-12-31`);
    });

    it.each([
      ['UNKNOWN_PASSHOLDER_UID', 'nobody', '1', `${nextYear}-01-31`],
      ['UNKNOWN_CARD_SYSTEM', 'kansen', '77', `${nextYear}-01-31`],
      ['INVALID_DATE_CONSTRAINTS', 'kansen', '1', `${nextYear + 1}-01-01`],
      ['ACTION_NOT_ALLOWED', 'regular', '1', `${nextYear}-01-31`],
    ])('refuses with %s', async (code, who, system, date) => {
      const uid = who === 'nobody' ? 'nobody' : (await client.getPassholder(who === 'kansen' ? gent(501, true) : gent(1))).uid;
      expect((await rejection(client.updateCardSystemData(uid, system, { kansenStatuutEndDate: date }))).code).toBe(code);
    });
  });
});
