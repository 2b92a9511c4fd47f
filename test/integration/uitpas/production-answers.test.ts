/**
 * The client against a local server answering the way production does when it is odd: a 200 that says no,
 * a redirect to another origin, an answer too large, character references, 401 with an XML code, 400 with an
 * OAuth problem; and what the client itself sends: spaces as %20 under a valid signature, repeated keys,
 * no empty balieConsumerKey, never a removed parameter.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUitpasClient, UitpasBadResponseError, UitpasError, UitpasLoginRequiredError } from '../../../electron/uitpas';
import { OAuthVerifier, parseAuthorizationHeader } from '../../../electron/simulator/oauth-verifier';

interface Seen {
  method: string;
  url: string;
  body: string;
  signatureOk: boolean;
}

type Answer = { status: number; type?: string; body?: string | Buffer; headers?: Record<string, string> };
let answer: (request: Seen) => Answer = () => ({ status: 200, body: '<response/>' });
let seen: Seen[] = [];
let elsewhereHits = 0;
let server: Server;
let elsewhere: Server;
let prefix = '';
let elsewhereUrl = '';

const consumer = { key: 'consumer-key', secret: 'consumer secret' };
const token = { key: 'token-key', secret: 'token secret' };
const verifier = new OAuthVerifier({ consumerSecret: (key) => (key === consumer.key ? consumer.secret : undefined), tokenSecret: (key) => (key === token.key ? token.secret : undefined), now: () => Date.now() });

function readAll(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => resolve(body));
  });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void readAll(request).then((body) => {
      const form = new URLSearchParams(body);
      const check = verifier.verify(
        { method: request.method ?? 'GET', url: `${prefix.slice(0, prefix.indexOf('/uitid'))}${request.url ?? ''}`, oauthParams: parseAuthorizationHeader(request.headers.authorization) ?? new Map(), bodyParams: [...form.entries()] },
        { tokenRequired: false },
      );
      const entry = { method: request.method ?? '', url: request.url ?? '', body, signatureOk: !('problem' in check) };
      seen.push(entry);
      const { status, type, body: out, headers } = answer(entry);
      response.writeHead(status, { 'Content-Type': type ?? 'application/xml; charset=UTF-8', ...headers });
      response.end(out ?? '');
    });
  });
  elsewhere = createServer((request, response) => {
    elsewhereHits += 1;
    request.resume();
    response.writeHead(200, { 'Content-Type': 'application/xml' });
    response.end('<response><message>stolen-uid</message><resource>/uitpas/passholder/0900000000010</resource></response>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  prefix = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uitid/rest`;
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/collect`;
});
afterAll(() => {
  for (const s of [server, elsewhere]) {
    s.closeAllConnections();
    s.close();
  }
});
beforeEach(() => {
  seen = [];
  elsewhereHits = 0;
});

const clientFor = (balieConsumerKey: string | undefined) => createUitpasClient({ prefix, consumer, token, balieConsumerKey, timeoutMs: 3000 });
const client = () => clientFor('balie-key');
const person = {
  name: 'Vermeulen',
  firstName: 'Jonas',
  dateOfBirth: '1985-07-30',
  postalCode: '9000',
  city: 'Gent',
  uitpasNumber: '0900000000010',
};
const register = () => client().registerPassholder(person);

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as Error,
  );
}

describe('strict answers', () => {
  it.each(['INSZ_ALREADY_USED', 'ACTION_FAILED'])('a 200 carrying <code>%s</code> is that refusal, never a registration', async (code) => {
    answer = () => ({ status: 200, body: `<?xml version="1.0"?><response><code>${code}</code><message>nope</message></response>` });
    const error = await failure(register());
    expect(error).toBeInstanceOf(UitpasError);
    expect(error).toMatchObject({ code, outcomeUnknown: false });
  });

  it('a 200 register without uid or resource is a bad response whose outcome is unknown', async () => {
    answer = () => ({ status: 200, body: '<response><message>registered</message></response>' });
    expect(await failure(register())).toMatchObject({ kind: 'bad-response', reason: 'incomplete', outcomeUnknown: true });
    answer = () => ({ status: 200, body: '<response><message>uid-1</message><resource>/elsewhere</resource></response>' });
    expect(await failure(client().registerNewCard({ uid: 'uid-1', reason: 'DEFECT', uitpasNumber: '0900000000010' }))).toMatchObject({ reason: 'incomplete', outcomeUnknown: true });
  });

  it('any other 2xx on a POST may have been carried out: outcome unknown', async () => {
    answer = () => ({ status: 201, body: '' });
    expect(await failure(register())).toMatchObject({ kind: 'bad-response', outcomeUnknown: true });
    answer = () => ({ status: 404, type: 'text/plain', body: 'Not Found' });
    expect(await failure(register())).toMatchObject({ kind: 'bad-response', outcomeUnknown: false });
  });

  it('a 200 ACTION_SUCCEEDED stays a success', async () => {
    answer = () => ({ status: 200, body: '<response><code>ACTION_SUCCEEDED</code><message>ok</message></response>' });
    expect(await client().updatePassholder('0900000000010', { gsm: '0470' })).toEqual({ code: 'ACTION_SUCCEEDED' });
  });

  it('a 401 with an XML <code> is that code; a 401 with oauth_problem means logging in again', async () => {
    answer = () => ({ status: 401, body: '<response><code>ACCESS_DENIED</code><message>no</message><requiredPermission>PERMISSION_PASSHOLDER - ACTION_READ</requiredPermission></response>' });
    expect(await failure(client().getCard('0900000000010'))).toMatchObject({ code: 'ACCESS_DENIED', requiredPermission: 'PERMISSION_PASSHOLDER - ACTION_READ' });
    answer = () => ({ status: 401, type: 'text/plain', body: 'oauth_problem=token_rejected' });
    const error = await failure(client().getCard('0900000000010'));
    expect(error).toBeInstanceOf(UitpasLoginRequiredError);
    expect(error).toMatchObject({ loginProblem: 'token' });
  });

  it('a 400 with oauth_problem is an authentication problem, not a wrong environment', async () => {
    answer = () => ({ status: 400, type: 'application/x-www-form-urlencoded', body: 'oauth_problem=timestamp_refused' });
    const error = await failure(client().getCard('0900000000010'));
    expect(error).toMatchObject({ kind: 'login-required', problem: 'timestamp_refused' });
    expect(error).toMatchObject({ loginProblem: 'clock' });
  });

  it('knows the codes real clients know, with their field', async () => {
    for (const [code, field] of [['INVALID_CARD_STATUS_STOCK', 'uitpasNumber'], ['INVALID_CITY_NAME', 'city'], ['UNKNOWN_BALIE_CONSUMERKEY', null]] as const) {
      answer = () => ({ status: 400, body: `<response><code>${code}</code><message>x</message></response>` });
      const error = await failure(client().getCard('0900000000010'));
      expect(error).toMatchObject({ code, field });
      expect(error.message).not.toMatch(/UiTPAS meldt/);
    }
  });
});

describe('transport safety', () => {
  it.each([301, 302, 307, 308])('never follows a %i: the citizen data does not reach the other origin; a POST has an unknown outcome', async (status) => {
    answer = () => ({ status, headers: { Location: elsewhereUrl }, body: '' });
    const error = await failure(register());
    expect(error).toBeInstanceOf(UitpasBadResponseError);
    expect(error).toMatchObject({ reason: 'redirect', outcomeUnknown: true });
    expect(await failure(client().getCard('0900000000010'))).toMatchObject({ reason: 'redirect', outcomeUnknown: false });
    expect(elsewhereHits).toBe(0);
  });

  it('stops reading beyond 2 MB, announced or streamed; on a POST the outcome is unknown', async () => {
    const huge = `<response><message>${'x'.repeat(2 * 1024 * 1024 + 10)}</message></response>`;
    answer = () => ({ status: 200, body: huge });
    expect(await failure(client().getCard('0900000000010'))).toMatchObject({ reason: 'too-large', outcomeUnknown: false });
    expect(await failure(register())).toMatchObject({ reason: 'too-large', outcomeUnknown: true });
  });

  it('refuses a DOCTYPE (entity expansion) as a bad response', async () => {
    answer = () => ({ status: 200, body: '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><response><message>&a;</message></response>' });
    expect(await failure(client().getCard('0900000000010'))).toMatchObject({ kind: 'bad-response' });
  });

  it('decodes numeric and XML character references in every text', async () => {
    answer = () => ({
      status: 200,
      body: '<response><passHolder><name>Cr&#233;peau &amp; Zo&#x00EB;</name><firstName>Ren&#233;e</firstName><moreInfo>Nieuwe aanvraag&#13; OCMW&#13; &lt;ja&gt; &amp;#233;</moreInfo><uitIdUser><id>u1</id></uitIdUser></passHolder></response>',
    });
    const found = await client().retrieve('0900000000010');
    expect(found?.passholder).toMatchObject({ name: 'Crépeau & Zoë', firstName: 'Renée', moreInfo: 'Nieuwe aanvraag\r OCMW\r <ja> &#233;' });
  });

  it('signs exactly the query it sends: a space is %20 in both, and the signature holds', async () => {
    answer = () => ({ status: 200, body: '<response><passholders/><total>0</total></response>' });
    await client().searchPassholders({ name: 'Van den Bossche*', firstName: "Ma'rie (jr)" });
    const [request] = seen;
    expect(request?.url).toContain('name=Van%20den%20Bossche%2A');
    expect(request?.url).toContain('firstName=Ma%27rie%20%28jr%29');
    expect(request?.url).not.toContain('+');
    expect(request?.signatureOk).toBe(true);
  });

  it('sends street, city and e-mail under the API’s own names (DOC zoeken-van-pashouders.md; CF SearchPassholdersOptions.php)', async () => {
    answer = () => ({ status: 200, body: '<response><passholders/><total>0</total></response>' });
    await client().searchPassholders({ street: 'Sleep*', city: 'Gent', email: 'marie.claes@example.org' });
    const query = new URL(seen[0]?.url ?? '', 'http://x').searchParams;
    expect([query.get('street'), query.get('city'), query.get('email')]).toEqual(['Sleep*', 'Gent', 'marie.claes@example.org']);
    expect(seen[0]?.signatureOk).toBe(true);
  });

  it('sends several UiTPAS numbers as a repeated key, signed', async () => {
    answer = () => ({ status: 200, body: '<response><passholders/><total>0</total></response>' });
    await client().searchPassholders({ uitpasNumbers: ['0900000000010', '0930000000107'] });
    const query = new URL(seen[0]?.url ?? '', 'http://x').searchParams;
    expect(query.getAll('uitpasNumber')).toEqual(['0900000000010', '0930000000107']);
    expect(seen[0]?.signatureOk).toBe(true);
  });

  it('leaves balieConsumerKey out until a balie is chosen', async () => {
    answer = () => ({ status: 200, body: '<response><balies/></response>' });
    await clientFor(undefined).listBalies('employee-1');
    await clientFor('').listBalies('employee-1');
    expect(seen.map((request) => request.url.includes('balieConsumerKey'))).toEqual([false, false]);
    await clientFor('balie-key').listBalies('employee-1');
    expect(seen[2]?.url).toContain('balieConsumerKey=balie-key');
  });

  it('never sends the removed emailPreference/smsPreference, whatever it is given', async () => {
    answer = () => ({ status: 200, body: '<response><message>uid-1</message><resource>/uitpas/passholder/0900000000010</resource></response>' });
    await client().registerPassholder({ ...person, ...({ emailPreference: 'ALL_MAILS', smsPreference: 'NO_SMS' } as object) });
    expect(seen[0]?.body).not.toMatch(/emailPreference|smsPreference/);
    expect(seen[0]?.signatureOk).toBe(true);
  });
});
