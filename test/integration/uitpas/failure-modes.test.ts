/** A local server that misbehaves on purpose: what the client makes of each failure, and what it never does (retry a POST). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUitpasClient,
  UitpasBadResponseError,
  UitpasError,
  UitpasLoginRequiredError,
  UitpasServerError,
  UitpasTimeoutError,
  UitpasUnreachableError,
} from '../../../electron/uitpas';

type Behaviour = (respond: (status: number, type: string, body: string) => void, hang: () => void, drop: () => void) => void;

let behaviour: Behaviour = (respond) => respond(200, 'application/xml', '<response/>');
let hits = 0;
let server: Server;
let prefix = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    hits += 1;
    request.resume();
    behaviour(
      (status, type, body) => {
        response.writeHead(status, { 'Content-Type': type });
        response.end(body);
      },
      () => undefined,
      () => request.socket.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  prefix = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uitid/rest`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const client = (overrides: { prefix?: string; timeoutMs?: number } = {}) =>
  createUitpasClient({
    prefix: overrides.prefix ?? prefix,
    consumer: { key: 'c', secret: 's' },
    token: { key: 't', secret: 'ts' },
    balieConsumerKey: 'balie',
    timeoutMs: overrides.timeoutMs ?? 2000,
  });

const register = () =>
  client().registerPassholder({ name: 'N', firstName: 'F', dateOfBirth: '1990-01-01', postalCode: '9000', city: 'Gent', uitpasNumber: '0900000000010' });
const lookUp = () => client().getCard('0900000000010');

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as Error,
  );
}

describe('client failure modes', () => {
  it('turns <response><code> on HTTP 400 into a UitpasError with its field', async () => {
    behaviour = (respond) =>
      respond(400, 'application/xml', '<?xml version="1.0"?><response><code>UNKNOWN_CARD</code><message>no card</message></response>');
    const error = await failure(lookUp());
    expect(error).toBeInstanceOf(UitpasError);
    expect(error).toMatchObject({ code: 'UNKNOWN_CARD', field: 'uitpasNumber', serverMessage: 'no card', outcomeUnknown: false });
  });

  it('keeps a code it does not know, with the server text', async () => {
    behaviour = (respond) => respond(400, 'application/xml', '<response><code>SOMETHING_NEW</code><message>Nieuwe regel</message></response>');
    expect(await failure(lookUp())).toMatchObject({ code: 'SOMETHING_NEW', field: null, serverMessage: 'Nieuwe regel' });
  });

  it('asks to log in again on 401 (expired or revoked token)', async () => {
    behaviour = (respond) => respond(401, 'text/plain', 'oauth_problem=token_expired');
    const error = await failure(lookUp());
    expect(error).toBeInstanceOf(UitpasLoginRequiredError);
    expect(error).toMatchObject({ problem: 'token_expired', outcomeUnknown: false });
  });

  it('calls an HTML page a bad response (a captive portal, a wrong environment)', async () => {
    behaviour = (respond) => respond(200, 'text/html', '<!doctype html><html><body>Log in to the Wi-Fi</body></html>');
    expect(await failure(lookUp())).toBeInstanceOf(UitpasBadResponseError);
    expect(await failure(register())).toMatchObject({ kind: 'bad-response', outcomeUnknown: true });
  });

  it('calls broken XML a bad response', async () => {
    behaviour = (respond) => respond(200, 'application/xml', '<response><message>oops</response>');
    expect(await failure(lookUp())).toMatchObject({ kind: 'bad-response', outcomeUnknown: false });
  });

  it('reports 5xx as a server error; for a POST the outcome is unknown', async () => {
    behaviour = (respond) => respond(503, 'text/html', '<html>maintenance</html>');
    expect(await failure(lookUp())).toMatchObject({ kind: 'server', status: 503, outcomeUnknown: false });
    const error = await failure(register());
    expect(error).toBeInstanceOf(UitpasServerError);
    expect(error).toMatchObject({ outcomeUnknown: true });
  });

  it('times out; a POST that timed out may have arrived, and is not sent again', async () => {
    behaviour = (_respond, hang) => hang();
    hits = 0;
    const error = await failure(createUitpasClient({ prefix, consumer: { key: 'c', secret: 's' }, token: { key: 't', secret: 'ts' }, balieConsumerKey: 'b', timeoutMs: 300 }).registerNewCard({ uid: 'u', reason: 'LOSS_THEFT', uitpasNumber: '0900000000010' }));
    expect(error).toBeInstanceOf(UitpasTimeoutError);
    expect(error).toMatchObject({ outcomeUnknown: true });
    expect(hits).toBe(1);
  });

  it('a connection dropped after sending a POST: outcome unknown, no retry', async () => {
    behaviour = (_respond, _hang, drop) => drop();
    hits = 0;
    const error = await failure(register());
    expect(error).toBeInstanceOf(UitpasUnreachableError);
    expect(error).toMatchObject({ outcomeUnknown: true });
    expect(hits).toBe(1);
  });

  it('connection refused: nothing was sent, safe to try again', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(client({ prefix: `http://127.0.0.1:${port}/uitid/rest` }).registerPassholder({ name: 'N', firstName: 'F', dateOfBirth: '1990-01-01', postalCode: '9000', city: 'Gent', uitpasNumber: '0900000000010' }));
    expect(error).toBeInstanceOf(UitpasUnreachableError);
    expect(error).toMatchObject({ reason: 'ECONNREFUSED', outcomeUnknown: false });
  });

  it('sends every request signed, asking for XML, with balieConsumerKey, and dates as given (YYYY-MM-DD)', async () => {
    let seen: { method?: string; headers: Record<string, string | string[] | undefined>; body: string; url?: string } = { headers: {}, body: '' };
    server.removeAllListeners('request');
    server.on('request', (request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen = { method: request.method, headers: request.headers, body, url: request.url };
        response.writeHead(200, { 'Content-Type': 'application/xml' });
        response.end('<response><code>ACTION_SUCCEEDED</code><message/></response>');
      });
    });
    await client().updateCardSystemData('uid-1', '3', { kansenStatuutEndDate: '2027-04-30' });
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/uitid/rest/uitpas/passholder/uid-1/3');
    expect(seen.headers.accept).toBe('application/xml');
    expect(seen.headers.authorization).toMatch(/^OAuth .*oauth_signature_method="HMAC-SHA1".*oauth_token="t"/);
    expect(Object.fromEntries(new URLSearchParams(seen.body))).toEqual({ kansenStatuutEndDate: '2027-04-30', balieConsumerKey: 'balie' });
    expect(seen.body).not.toMatch(/emailPreference|smsPreference/);
  });
});
