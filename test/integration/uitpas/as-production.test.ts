/**
 * The simulator behaves like production where the counter depends on it, and the client and the main-process
 * handlers use it as the real counter does: uitpas/retrieve, the consumer search (and owner mode for a
 * user-signed one), removed parameters refused everywhere, UNKNOWN_BALIE_CONSUMERKEY, opt-ins and terms,
 * foreign residents and INSZ exemptions, age-dependent prices, and the odd answers on request.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BalieFailure } from '../../../electron/ipc/dispatch';
import { EidEvidence } from '../../../electron/cards/eid-evidence';
import { SecretStore } from '../../../electron/settings/secret-store';
import { SettingsStore } from '../../../electron/settings/settings-store';
import { authorizeAtSimulator } from '../../../electron/simulator/headless-authorize';
import { cardNumber, chipNumberOf, seedPassholder } from '../../../electron/simulator/seed';
import type { Simulator } from '../../../electron/simulator/server';
import { UitpasBadResponseError, UitpasError, type RegisterPassholderFields, type UitpasClient } from '../../../electron/uitpas';
import { createUitpasHandlers } from '../../../electron/uitpas/handlers';
import type { StaffLogin } from '../../../electron/uitpas/login-flow';
import { UitpasSession } from '../../../electron/uitpas/session';
import { authorizationHeader } from '../../../electron/uitpas/signing';
import { encodePairs } from '../../../electron/uitpas/transport';
import { memoryCipher } from '../../support/memory-cipher';
import { clientFor, simulatorWithLogin } from '../../support/simulator';

const gent = (sequence: number, kansenpas = false) => cardNumber('09000', sequence, kansenpas);
const aalst = (sequence: number) => cardNumber('09300', sequence, false);
const noOptIns = { optInServiceMails: false, optInMilestoneMails: false, optInInfoMails: false, optInSms: false, optInPost: false };
const thisYear = new Date().getFullYear();

let simulator: Simulator;
let login: StaffLogin;
let client: UitpasClient;
let aalstClient: UitpasClient;

beforeAll(async () => {
  ({ simulator, login } = await simulatorWithLogin());
  client = clientFor(simulator, login);
  aalstClient = clientFor(simulator, login, 'balie-aalst-bib');
});
afterAll(() => simulator.close());

/** A request signed by hand, to send what the client never would. */
async function raw(method: 'GET' | 'POST', path: string, params: [string, string][], token: { key: string; secret: string } | null = login.token) {
  const encoded = encodePairs(params);
  const url = `${simulator.prefix}/${path}${method === 'GET' && encoded ? `?${encoded}` : ''}`;
  const body = method === 'POST' ? Object.fromEntries(params) : undefined;
  const response = await fetch(url, {
    method,
    headers: {
      Authorization: authorizationHeader(simulator.consumer, token, { method, url, body }),
      ...(method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: method === 'POST' ? encoded : undefined,
  });
  return { status: response.status, text: await response.text() };
}

async function rejection(promise: Promise<unknown>): Promise<UitpasError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof UitpasError)) throw new Error(`expected a UitpasError, got ${String(error)}`);
  return error;
}

describe('uitpas/retrieve', () => {
  it('finds the pass holder by INSZ, UiTPAS number and chip number, opt-ins included', async () => {
    const card = gent(seedPassholder.cardSequence);
    for (const key of [seedPassholder.inszNumber, card, chipNumberOf(card)]) {
      const found = await client.retrieve(key);
      expect(found?.passholder?.uid).toBe(seedPassholder.uid);
      expect(found?.card).toMatchObject({ uitpasNumber: card, status: 'ACTIVE' });
      expect(found?.uitpasNumber).toBe(card);
    }
    expect((await client.retrieve(seedPassholder.inszNumber))?.passholder?.optInPreferences).toEqual({ ...noOptIns, optInServiceMails: true });
  });

  it('a card in stock comes with its balie; a blocked card with INVALID_CARD_STATUS_BLOCKED on a 200; nothing is null', async () => {
    expect(await client.retrieve(gent(3))).toMatchObject({ passholder: undefined, card: { status: 'LOCAL_STOCK', balie: { id: '101', name: 'Demo-balie Gent Centrum' } } });
    expect(await client.retrieve(gent(901))).toMatchObject({ notice: 'INVALID_CARD_STATUS_BLOCKED', card: { status: 'BLOCKED' } });
    expect(await client.retrieve('0468000000')).toBeNull();
  });

  it('needs the balie for a staff member, and never a removed or empty one', async () => {
    expect((await raw('GET', 'uitpas/retrieve', [['identification', seedPassholder.inszNumber]])).text).toContain('<code>MISSING_REQUIRED_FIELDS</code>');
    expect((await raw('GET', 'uitpas/retrieve', [['identification', seedPassholder.inszNumber], ['balieConsumerKey', '']])).text).toContain('<code>UNKNOWN_BALIE_CONSUMERKEY</code>');
  });
});

describe('pass holder search', () => {
  it('as a consumer request: name with *, first name, date of birth, postal code, several UiTPAS numbers', async () => {
    expect((await client.searchPassholders({ name: 'cla*' })).passholders.map((p) => p.uid)).toContain(seedPassholder.uid);
    expect((await client.searchPassholders({ name: 'Claes', firstName: 'Marie', dateOfBirth: seedPassholder.dateOfBirth, postalCode: '9000' })).total).toBe(1);
    expect((await client.searchPassholders({ name: 'Cla' })).total).toBe(0);
    const result = await client.searchPassholders({ uitpasNumbers: [gent(seedPassholder.cardSequence), '0900000000011'] });
    expect(result.passholders.map((p) => p.uid)).toEqual([seedPassholder.uid]);
    expect(result.invalidUitpasNumbers).toEqual(['0900000000011']);
  });

  it('signed with a staff token it runs in owner mode and finds only the owner (not a pass holder): why the client searches as consumer', async () => {
    const ownerMode = await raw('GET', 'uitpas/passholder/search', [['name', 'Cla*'], ['balieConsumerKey', 'balie-gent-centrum']]);
    expect(ownerMode.text).toContain('<total>0</total>');
    const asConsumer = await raw('GET', 'uitpas/passholder/search', [['name', 'Cla*'], ['balieConsumerKey', 'balie-gent-centrum']], null);
    expect(asConsumer.text).toContain('<total>1</total>');
  });

  it('refuses an all-invalid number list and a bad date', async () => {
    expect((await rejection(client.searchPassholders({ uitpasNumbers: ['123'] }))).code).toBe('PARSE_INVALID_UITPASNUMBER');
    expect((await rejection(client.searchPassholders({ dateOfBirth: '1982-13-45' }))).code).toBe('PARSE_INVALID_DATE');
  });
});

describe('what production refuses on every endpoint', () => {
  it.each([
    ['POST', 'uitpas/passholder/register'],
    ['POST', 'uitpas/passholder/newCard'],
    ['POST', `uitpas/passholder/${gent(seedPassholder.cardSequence)}`],
    ['POST', `uitpas/passholder/${seedPassholder.uid}/register`],
    ['POST', `uitpas/passholder/${seedPassholder.uid}/1`],
    ['GET', 'uitpas/price'],
    ['GET', 'uitpas/card'],
    ['GET', 'uitpas/retrieve'],
  ] as const)('%s %s: emailPreference/smsPreference → INVALID_PARAMETERS', async (method, path) => {
    for (const removed of ['emailPreference', 'smsPreference']) {
      const answer = await raw(method, path, [[removed, 'ALL_MAILS'], ['balieConsumerKey', 'balie-gent-centrum']]);
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('<code>INVALID_PARAMETERS</code>');
    }
  });

  it('an empty balieConsumerKey is UNKNOWN_BALIE_CONSUMERKEY, even on balie/list', async () => {
    const answer = await raw('GET', 'uitpas/balie/list', [['uid', login.userId], ['balieConsumerKey', '']]);
    expect(answer.text).toContain('<code>UNKNOWN_BALIE_CONSUMERKEY</code>');
  });
});

describe('register with today’s fields', () => {
  const person = (overrides: Partial<RegisterPassholderFields> = {}) => ({
    name: 'Vermeulen',
    firstName: 'Jonas',
    dateOfBirth: '1985-07-30',
    postalCode: '9000',
    city: 'Gent',
    ...noOptIns,
    legalTermsPaper: true,
    legalTermsDigital: false,
    ...overrides,
  });

  it('register does not process the opt-ins (SX PassHolderService::register): only optinpreferences stores them, false under 16', async () => {
    const registered = await client.registerPassholder({ ...person({ inszNumber: '85073003328', optInInfoMails: true, optInPost: true }), uitpasNumber: gent(4) });
    expect((await client.retrieve(registered.uitpasNumber))?.passholder?.optInPreferences).toEqual(noOptIns);
    expect(await client.setOptInPreferences(registered.uid, { ...noOptIns, optInInfoMails: true, optInPost: true })).toEqual({ ...noOptIns, optInInfoMails: true, optInPost: true });
    expect((await client.retrieve(registered.uitpasNumber))?.passholder?.optInPreferences).toEqual({ ...noOptIns, optInInfoMails: true, optInPost: true });
    // Without opt-ins, as CF sends false (left out), the registration stands.
    const withoutOptIns = { name: 'A', firstName: 'B', dateOfBirth: '1990-01-01', postalCode: '9000', city: 'Gent', inszNumber: '90010112791', uitpasNumber: aalst(2) };
    const plain = await client.registerPassholder(withoutOptIns);
    const child = person({ inszNumber: '15061812314', dateOfBirth: '2015-06-18', parentalConsent: true, firstName: 'Lotte' });
    const minor = await client.registerPassholder({ ...child, uitpasNumber: aalst(3) });
    expect((await rejection(client.setOptInPreferences(minor.uid, { ...noOptIns, optInSms: true }))).code).toBe('INVALID_PARAMETERS');
    expect(plain.uid).not.toBe(minor.uid);
  });

  it('sets opt-ins afterwards through optinpreferences', async () => {
    expect(await client.setOptInPreferences(seedPassholder.uid, { ...noOptIns, optInSms: true })).toEqual({ ...noOptIns, optInSms: true });
    expect((await rejection(client.setOptInPreferences('nobody', noOptIns))).code).toBe('UNKNOWN_PASSHOLDER_UID');
  });

  it('registers a foreign resident without INSZ where the balie may, and not elsewhere', async () => {
    const foreign = person({ city: 'BUITENLAND', foreignCity: 'Lille', postalCode: '59000', firstName: 'Chloé', name: 'Dubois', dateOfBirth: '1979-02-02' });
    const registered = await client.registerPassholder({ ...foreign, uitpasNumber: gent(6) });
    expect((await client.retrieve(registered.uitpasNumber))?.passholder).toMatchObject({ city: 'BUITENLAND', foreignCity: 'Lille', postalCode: '59000' });
    const refused = await rejection(aalstClient.registerPassholder({ ...foreign, uitpasNumber: aalst(104) }));
    expect(refused).toMatchObject({ code: 'ACCESS_DENIED', requiredPermission: 'PERMISSION_PASSHOLDER_FOREIGN - ACTION_CREATE' });
  });

  it('without INSZ in Belgium only at a balie that may (UPS-3229 exemptions)', async () => {
    const noInsz = person({ name: 'Peeters', firstName: 'An', dateOfBirth: '1970-05-05', postalCode: '9300', city: 'Aalst' });
    expect((await rejection(client.registerPassholder({ ...noInsz, uitpasNumber: gent(7) }))).code).toBe('MISSING_REQUIRED_FIELDS');
    expect((await aalstClient.registerPassholder({ ...noInsz, uitpasNumber: aalst(105) })).uitpasNumber).toBe(aalst(105));
  });
});

describe('price and card checks as the real counter does them', () => {
  it('prices by age: child, adult, senior; unknown age at the adult price', async () => {
    const price = (dateOfBirth?: string) => client.getPrice({ uitpasNumber: gent(8), reason: 'FIRST_CARD', ...(dateOfBirth ? { dateOfBirth, postalCode: '9000' } : {}) });
    expect(await price(`${thisYear - 10}-01-01`)).toMatchObject({ price: '2.00', ageRange: { from: '0', to: '17' } });
    expect(await price('1985-07-30')).toMatchObject({ price: '5.00', ageRange: { from: '18', to: '64' } });
    expect(await price(`${thisYear - 70}-01-01`)).toMatchObject({ price: '3.00', ageRange: { from: '65' } });
    expect((await price()).price).toBe('5.00');
  });

  it('says whose stock a card is through BALIE_NOT_AUTHORIZED, while uitpas/card gives the card’s own status', async () => {
    expect((await client.getCard(aalst(101))).status).toBe('LOCAL_STOCK');
    expect((await rejection(client.getPrice({ uitpasNumber: aalst(101), reason: 'FIRST_CARD' }))).code).toBe('BALIE_NOT_AUTHORIZED');
    expect((await aalstClient.getPrice({ uitpasNumber: aalst(101), reason: 'FIRST_CARD' })).price).toBe('5.00');
  });
});

describe('odd answers on request', () => {
  it('a 200 carrying INSZ_ALREADY_USED is a refusal, and nothing was registered', async () => {
    simulator.state.oddAnswers.push({ path: 'uitpas/passholder/register', kind: 'ok-with-code', code: 'INSZ_ALREADY_USED' });
    const before = simulator.state.passholders.size;
    const error = await rejection(client.registerPassholder({ name: 'X', firstName: 'Y', dateOfBirth: '1990-01-01', postalCode: '9000', city: 'Gent', inszNumber: '90010100123', uitpasNumber: gent(9), ...noOptIns }));
    expect(error.code).toBe('INSZ_ALREADY_USED');
    expect(simulator.state.passholders.size).toBe(before);
  });

  it('a redirect is never followed', async () => {
    simulator.state.oddAnswers.push({ path: 'uitpas/passholder/newCard', kind: 'redirect', status: 307, location: 'http://127.0.0.1:9/elsewhere' });
    const error: unknown = await client.registerNewCard({ uid: seedPassholder.uid, reason: 'DEFECT', uitpasNumber: gent(10) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UitpasBadResponseError);
    expect(error).toMatchObject({ reason: 'redirect', outcomeUnknown: true });
  });

  it('character references in names and free text come out as characters', async () => {
    const registered = await client.registerPassholder({ name: 'Crépeau', firstName: 'Zoë', moreInfo: 'OCMW ja\r\nvia MvM', dateOfBirth: '1991-03-03', postalCode: '9000', city: 'Gent', inszNumber: '91030300195', uitpasNumber: gent(11), ...noOptIns });
    simulator.state.oddAnswers.push({ path: 'uitpas/retrieve', kind: 'character-references' });
    expect((await client.retrieve(registered.uitpasNumber))?.passholder).toMatchObject({ name: 'Crépeau', firstName: 'Zoë', moreInfo: 'OCMW ja\r\nvia MvM' });
  });
});

describe('the main-process handlers', () => {
  const directory = mkdtempSync(join(tmpdir(), 'balie-production-'));
  const session = new UitpasSession({
    settings: new SettingsStore(join(directory, 'settings.json')),
    secrets: new SecretStore(join(directory, 'secrets'), memoryCipher()),
    showAuthorizePage: authorizeAtSimulator,
    demo: () => Promise.resolve(simulator),
  });
  const handlers = createUitpasHandlers(session, new EidEvidence());
  beforeAll(async () => {
    await session.logIn();
    await session.chooseBalie('101');
  });

  it('uitpas:findPassholders goes through uitpas/retrieve: INSZ with separators, UiTPAS number, chip number', async () => {
    const card = gent(seedPassholder.cardSequence);
    for (const query of ['82.10.15-264.11', card, chipNumberOf(card)]) {
      expect((await handlers['uitpas:findPassholders']({ query })).map((holder) => holder.uid)).toEqual([seedPassholder.uid]);
    }
    expect(await handlers['uitpas:findPassholders']({ query: '90010100123' })).toEqual([]);
  });

  it('uitpas:searchPassholders answers total and pass holders; refuses an empty search', async () => {
    expect(await handlers['uitpas:searchPassholders']({ name: 'Claes', firstName: 'Ma*' })).toMatchObject({ total: 1, passholders: [{ uid: seedPassholder.uid }] });
    const error: unknown = await Promise.resolve()
      .then(() => handlers['uitpas:searchPassholders']({ name: ' ' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BalieFailure);
  });

  it('uitpas:searchPassholders by street, city and e-mail, as the real counter offers them (issue 27 item 6)', async () => {
    const uids = async (search: Parameters<(typeof handlers)['uitpas:searchPassholders']>[0]) => (await handlers['uitpas:searchPassholders'](search)).passholders.map((holder) => holder.uid);
    expect(await uids({ street: 'sleepstr*' })).toEqual([seedPassholder.uid]);
    expect(await uids({ name: 'Cla*', city: 'Gen*' })).toEqual([seedPassholder.uid]);
    expect(await uids({ email: ' Marie.Claes@example.org ' })).toEqual([seedPassholder.uid]);
    expect(await uids({ name: 'Cla*', city: 'Aalst' })).toEqual([]);
    expect(await uids({ email: 'iemand.anders@example.org' })).toEqual([]);
    // Not a whole address: said on the e-mail field before anything is sent.
    const error: unknown = await Promise.resolve()
      .then(() => handlers['uitpas:searchPassholders']({ email: 'marie.claes@' }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ error: { code: 'invalid-field', field: 'email', problem: 'email-invalid' } });
  });

  it('uitpas:registerPassholder sends the opt-ins (false under 16), the terms, and a foreign resident without INSZ', async () => {
    const teen = await handlers['uitpas:registerPassholder']({
      name: 'Janssens',
      firstName: 'Mila',
      inszNumber: '12022012357',
      dateOfBirth: '2012-02-20',
      postalCode: '9000',
      city: 'Gent',
      uitpasNumber: gent(12),
      parentalConsent: true,
      legalTermsPaper: true,
    });
    const stored = simulator.state.passholders.get(teen.uid);
    expect(stored?.optIns).toEqual(noOptIns);
    expect(stored?.legalTerms).toEqual({ paper: true, digital: false, parentalConsent: true });
    const foreign = await handlers['uitpas:registerPassholder']({
      name: 'Dupont',
      firstName: 'Luc',
      dateOfBirth: '1960-01-01',
      postalCode: 'L-1009',
      city: 'BUITENLAND',
      foreignCity: 'Luxembourg',
      uitpasNumber: aalst(1),
      optInPost: true,
    });
    expect(simulator.state.passholders.get(foreign.uid)).toMatchObject({ fields: { foreignCity: 'Luxembourg' }, optIns: { optInPost: true } });
  });

  it('main refuses what the shared rules refuse: opt-ins under 16, no consent for a minor, a foreign resident without place', async () => {
    const base = { name: 'N', firstName: 'F', postalCode: '9000', city: 'Gent', uitpasNumber: gent(9) };
    const field = async (payload: Parameters<(typeof handlers)['uitpas:registerPassholder']>[0]) => {
      const error: unknown = await Promise.resolve()
        .then(() => handlers['uitpas:registerPassholder'](payload))
        .catch((e: unknown) => e);
      return error instanceof BalieFailure ? error.error.field : undefined;
    };
    expect(await field({ ...base, inszNumber: '12022012357', dateOfBirth: '2012-02-20', parentalConsent: true, optInSms: true })).toBe('optInSms');
    expect(await field({ ...base, inszNumber: '12022012357', dateOfBirth: '2012-02-20' })).toBe('parentalConsent');
    expect(await field({ ...base, city: 'BUITENLAND', dateOfBirth: '1960-01-01' })).toBe('foreignCity');
    expect(await field({ ...base, dateOfBirth: '1960-01-01' })).toBe('inszNumber');
  });

  it('EMAIL_ADDRESS_INVALID (the real counter\'s code) lands on the e-mail field with the words of INVALID_EMAIL_ADDRESS', async () => {
    simulator.state.oddAnswers.push({ path: 'uitpas/passholder/register', kind: 'refusal', code: 'EMAIL_ADDRESS_INVALID' });
    const error: unknown = await Promise.resolve()
      .then(() => handlers['uitpas:registerPassholder']({ name: 'Wouters', firstName: 'Lien', inszNumber: '90010100123', dateOfBirth: '1990-01-01', postalCode: '9000', city: 'Gent', uitpasNumber: gent(13), email: 'lien.wouters@example.org' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BalieFailure);
    expect((error as BalieFailure).error).toMatchObject({ code: 'uitpas-rejected', apiCode: 'INVALID_EMAIL_ADDRESS', field: 'email' });
    expect((error as BalieFailure).error.serverMessage).toBeUndefined();
  });
});
