/**
 * The record's calls against a local server answering as production does (shapes: DOC pashouders/*.md): the
 * opt-ins after register with the chosen values, the photo as multipart with the test card's real JPEG under a
 * valid signature, the block, the upgrade price, the search's includeBlocked and paging, and a 200 `<foo/>` on
 * every write, which is never a success: its outcome is unknown.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUitpasClient } from '../../../electron/uitpas';
import { createUitpasHandlers } from '../../../electron/uitpas/handlers';
import type { UitpasSession } from '../../../electron/uitpas/session';
import { EidEvidence } from '../../../electron/cards/eid-evidence';
import { OAuthVerifier, parseAuthorizationHeader } from '../../../electron/simulator/oauth-verifier';
import { readMultipart } from '../../../electron/simulator/multipart';
import { placeholderPhoto } from '../../../native/beid/virtual-card/placeholder-photo';

interface Seen {
  method: string;
  url: URL;
  body: Buffer;
  contentType: string;
  signatureOk: boolean;
}

let answer: (request: Seen) => { status: number; body: string } = () => ({ status: 200, body: '<response/>' });
let seen: Seen[] = [];
let server: Server;
let prefix = '';
const consumer = { key: 'consumer-key', secret: 'consumer secret' };
const token = { key: 'token-key', secret: 'token secret' };
const verifier = new OAuthVerifier({ consumerSecret: (key) => (key === consumer.key ? consumer.secret : undefined), tokenSecret: (key) => (key === token.key ? token.secret : undefined), now: () => Date.now() });

function readAll(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void readAll(request).then((body) => {
      const contentType = request.headers['content-type'] ?? '';
      const form = /urlencoded/.test(contentType) ? [...new URLSearchParams(body.toString('utf8')).entries()] : [];
      const url = new URL(request.url ?? '/', prefix);
      const check = verifier.verify({ method: request.method ?? 'GET', url: url.href, oauthParams: parseAuthorizationHeader(request.headers.authorization) ?? new Map(), bodyParams: form }, { tokenRequired: false });
      const entry = { method: request.method ?? '', url, body, contentType, signatureOk: !('problem' in check) };
      seen.push(entry);
      const { status, body: out } = answer(entry);
      response.writeHead(status, { 'Content-Type': 'application/xml; charset=UTF-8' });
      response.end(out);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  prefix = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uitid/rest`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  seen = [];
});

const client = () => createUitpasClient({ prefix, consumer, token, balieConsumerKey: 'balie-key', timeoutMs: 3000 });
const ok = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><response><code>ACTION_SUCCEEDED</code><message>done</message></response>';
const optIns = { optInServiceMails: true, optInMilestoneMails: false, optInInfoMails: true, optInSms: false, optInPost: false };
const form = (entry: Seen | undefined) => new URLSearchParams(entry?.body.toString('utf8'));

describe('the record as production answers it', () => {
  it('opt-ins: the five chosen values with the balie, and the preferences it answers', async () => {
    answer = () => ({ status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><response><uid>uid-1</uid><optInPreferences><optInServiceMails>true</optInServiceMails><optInMilestoneMails>false</optInMilestoneMails><optInInfoMails>true</optInInfoMails><optInSms>false</optInSms><optInPost>false</optInPost></optInPreferences></response>' });
    expect(await client().setOptInPreferences('uid-1', optIns)).toEqual(optIns);
    expect(seen[0]?.url.pathname).toBe('/uitid/rest/uitpas/passholder/uid-1/optinpreferences');
    expect(Object.fromEntries(form(seen[0]))).toEqual({ optInServiceMails: 'true', optInMilestoneMails: 'false', optInInfoMails: 'true', optInSms: 'false', optInPost: 'false', balieConsumerKey: 'balie-key' });
    expect(seen[0]?.signatureOk).toBe(true);
  });

  it('the photo: multipart, field picture with the test card JPEG byte for byte, the balie beside it, signed without body parameters', async () => {
    answer = () => ({ status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><response/>' });
    await client().uploadPicture('uid-1', placeholderPhoto);
    const [upload] = seen;
    expect(upload?.url.pathname).toBe('/uitid/rest/uitpas/passholder/uid-1/uploadPicture');
    expect(upload?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    const parts = readMultipart(upload?.body ?? Buffer.alloc(0), upload?.contentType ?? '');
    expect(Buffer.from(parts.files.get('picture') ?? []).equals(placeholderPhoto)).toBe(true);
    expect(parts.fields).toEqual([['balieConsumerKey', 'balie-key']]);
    expect(upload?.signatureOk).toBe(true);
  });

  it('block: POST block/{uitpasNumber} with the balie; ACTION_SUCCEEDED and BLOCK_UITPAS_SUCCESS (CF test data block.xml) are a success, another code is not', async () => {
    answer = () => ({ status: 200, body: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><response><code>BLOCK_UITPAS_SUCCESS</code><message>The uitpas has been blocked.</message></response>' });
    expect(await client().blockCard('0900000000010')).toEqual({ code: 'BLOCK_UITPAS_SUCCESS' });
    answer = () => ({ status: 200, body: '<response><code>ACTION_FAILED</code><message>no</message></response>' });
    await expect(client().blockCard('0900000000010')).rejects.toMatchObject({ code: 'ACTION_FAILED' });
    seen = [];
    answer = () => ({ status: 200, body: ok });
    expect(await client().blockCard('0900000000010')).toEqual({ code: 'ACTION_SUCCEEDED' });
    expect(seen[0]).toMatchObject({ method: 'POST', signatureOk: true });
    expect(seen[0]?.url.pathname).toBe('/uitid/rest/uitpas/passholder/block/0900000000010');
    expect(form(seen[0]).get('balieConsumerKey')).toBe('balie-key');
  });

  it('the search asks blocked pass holders too, page by page', async () => {
    answer = () => ({ status: 200, body: '<response><passholders/><total>0</total></response>' });
    await client().searchPassholders({ name: 'Peeters', start: 20, max: 20 });
    expect(Object.fromEntries(seen[0]?.url.searchParams ?? [])).toMatchObject({ name: 'Peeters', includeBlocked: 'true', start: '20', max: '20' });
  });

  it('the price of another card system: CARD_UPGRADE with the card system, never FIRST_CARD', async () => {
    // The shape of DOC uitpas-prijzen/ophalen-uitpas-prijs.md: <uitpasPrice> straight under <response>.
    answer = () => ({ status: 200, body: '<response><uitpasPrice><id>7</id><reason>CARD_UPGRADE</reason><price>2.00</price><cardSystem><id>2</id><name>Regio</name></cardSystem></uitpasPrice></response>' });
    expect(await client().getPrice({ reason: 'CARD_UPGRADE', cardSystemId: '2', dateOfBirth: '1985-07-30' })).toMatchObject({ reason: 'CARD_UPGRADE', price: '2.00' });
    expect(Object.fromEntries(seen[0]?.url.searchParams ?? [])).toMatchObject({ reason: 'CARD_UPGRADE', cardSystemId: '2', dateOfBirth: '1985-07-30' });
  });
});

describe('an update through main\'s handler, as the real counter makes it (SX PassHolderService::update)', () => {
  // The handler asks its session for nothing but the signed client, here one aimed at this server.
  const handlers = createUitpasHandlers({ client: () => Promise.resolve(client()) } as unknown as UitpasSession, new EidEvidence());
  const card = '0900000000010';
  const record = `<?xml version="1.0" encoding="UTF-8"?><passHolder><name>Kaya</name><firstName>Aylin</firstName><email>aylin.kaya@example.org</email><dateOfBirth>1962-06-01T00:00:00+01:00</dateOfBirth><uitIdUser><id>uid-1</id><optInPreferences><optInServiceMails>true</optInServiceMails><optInMilestoneMails>false</optInMilestoneMails><optInInfoMails>true</optInInfoMails><optInSms>false</optInSms><optInPost>false</optInPost></optInPreferences></uitIdUser></passHolder>`;
  const preferences = '<?xml version="1.0" encoding="UTF-8"?><response><optInPreferences><optInServiceMails>true</optInServiceMails><optInMilestoneMails>false</optInMilestoneMails><optInInfoMails>true</optInInfoMails><optInSms>false</optInSms><optInPost>false</optInPost></optInPreferences></response>';
  const routes = (optInsAnswer: { status: number; body: string }) => (request: Seen) =>
    request.method === 'GET' ? { status: 200, body: record } : request.url.pathname.endsWith('/optinpreferences') ? optInsAnswer : { status: 200, body: ok };

  it('reads the record, updates, then POSTs its opt-ins to optinpreferences of its uid: each request signed', async () => {
    answer = routes({ status: 200, body: preferences });
    expect(await handlers['uitpas:updatePassholder']({ uitpasNumber: card, fields: { gsm: '0470123456' } })).toEqual({ code: 'ACTION_SUCCEEDED', picture: 'not-sent', optIns: 'stored' });
    expect(seen.map(({ method, url }) => `${method} ${url.pathname}`)).toEqual([
      `GET /uitid/rest/uitpas/passholder/${card}`,
      `POST /uitid/rest/uitpas/passholder/${card}`,
      'POST /uitid/rest/uitpas/passholder/uid-1/optinpreferences',
    ]);
    expect(seen.every((entry) => entry.signatureOk)).toBe(true);
    expect(Object.fromEntries(form(seen[2]))).toEqual({ ...Object.fromEntries(Object.entries(optIns).map(([name, on]) => [name, String(on)])), balieConsumerKey: 'balie-key' });
  });

  it('a 500 on optinpreferences leaves the update standing, sent once, with the opt-ins kept for one retry', async () => {
    answer = routes({ status: 500, body: '<response><code>UNKNOWN_ERROR</code><message>boom</message></response>' });
    expect(await handlers['uitpas:updatePassholder']({ uitpasNumber: card, fields: { gsm: '0470123456' } })).toEqual({
      code: 'ACTION_SUCCEEDED',
      picture: 'not-sent',
      optIns: 'failed',
      retry: { uid: 'uid-1', uitpasNumber: card, preferences: optIns },
    });
    expect(seen.filter(({ method, url }) => method === 'POST' && url.pathname.endsWith(`/passholder/${card}`))).toHaveLength(1);
  });
});

describe('a 200 that carries nothing asked is no success', () => {
  const writes: [string, () => Promise<unknown>][] = [
    ['update', () => client().updatePassholder('0900000000010', { gsm: '0470' })],
    ['register in a card system', () => client().registerInCardSystem('uid-1', { cardSystemId: '2' })],
    ['card-system data', () => client().updateCardSystemData('uid-1', '1', { kansenStatuutEndDate: '2027-04-30' })],
    ['opt-ins', () => client().setOptInPreferences('uid-1', optIns)],
    ['block', () => client().blockCard('0900000000010')],
    ['register', () => client().registerPassholder({ name: 'N', firstName: 'F', dateOfBirth: '1985-07-30', postalCode: '9000', city: 'Gent', uitpasNumber: '0900000000010' })],
    ['new card', () => client().registerNewCard({ uid: 'uid-1', reason: 'LOSS_THEFT', uitpasNumber: '0900000000010' })],
  ];
  it.each(writes)('%s: a 200 <foo/> is a bad answer whose outcome is unknown', async (_name, write) => {
    answer = () => ({ status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><foo/>' });
    await expect(write()).rejects.toMatchObject({ kind: 'bad-response', reason: 'incomplete', outcomeUnknown: true });
  });
});

describe('codes on the field they concern, per call', () => {
  const refusal = (code: string) => () => ({ status: 400, body: `<response><code>${code}</code><message>no</message></response>` });
  it('PARSE_INVALID_DATE is the birth date on price and search, the kansenstatuut end on a write', async () => {
    answer = refusal('PARSE_INVALID_DATE');
    await expect(client().getPrice({ reason: 'CARD_UPGRADE', cardSystemId: '2', dateOfBirth: '1985-07-30' })).rejects.toMatchObject({ code: 'PARSE_INVALID_DATE', field: 'dateOfBirth' });
    await expect(client().searchPassholders({ name: 'P*', dateOfBirth: '1985-07-30' })).rejects.toMatchObject({ code: 'PARSE_INVALID_DATE', field: 'dateOfBirth' });
    await expect(client().updateCardSystemData('uid-1', '1', { kansenStatuutEndDate: '2027-04-30' })).rejects.toMatchObject({ code: 'PARSE_INVALID_DATE', field: 'kansenStatuutEndDate' });
  });

  it('PARSE_INVALID_CITY_IDENTIFIER is the postal code (NG registration-api-error.constant.js)', async () => {
    answer = refusal('PARSE_INVALID_CITY_IDENTIFIER');
    await expect(client().registerPassholder({ name: 'N', firstName: 'F', dateOfBirth: '1985-07-30', postalCode: '0000', city: 'Gent', uitpasNumber: '0900000000010' })).rejects.toMatchObject({ field: 'postalCode', outcomeUnknown: false });
  });
});
