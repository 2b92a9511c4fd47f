/**
 * The UiTPAS simulator: the XML API the counter uses, served over HTTP on
 * 127.0.0.1, with OAuth 1.0a checked on every request (its own RFC 5849 code),
 * the three-legged login with a simple authorize page, and the operations'
 * rules and error codes. The demo environment's backend, and the tests'.
 * It answers only requests addressed to 127.0.0.1:<its port> (no DNS
 * rebinding), and its consumer secret is new each run (SimulatorState).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeXml } from '../uitpas/xml';
import { listBalies } from './balie-operations';
import { blockCard, getCard, getPrice, registerNewCard } from './card-operations';
import { refuseRemovedOrEmpty, run, type OperationContext, type Reply } from './operation-core';
import { readMultipart } from './multipart';
import { getPassholder, registerInCardSystem, registerPassholder, setOptInPreferences, updateCardSystemData, updatePassholder, uploadPicture } from './passholder-operations';
import { retrieve, searchPassholders } from './lookups';
import { routeVisit } from './visit-routes';
import { exchangeAccessToken, oidcAnswer, oidcPathPrefix } from './uitid-v2';
import { answerInstead, rewriteAnswer, takeOddAnswer } from './odd-answers';
import { OAuthVerifier, parseAuthorizationHeader, type OAuthRequest } from './oauth-verifier';
import { demoEmployee } from './seed';
import { SimulatorState } from './state';
import type { Credentials } from '../uitpas/signing';

export const simulatorPathPrefix = '/uitid/rest';

export interface SimulatorOptions {
  port?: number;
  state?: SimulatorState;
  /** Clock for timestamps and date rules; tests move it. */
  now?: () => Date;
}

export interface Simulator {
  /** The environment prefix, e.g. http://127.0.0.1:40123/uitid/rest */
  prefix: string;
  /** The demo consumer of this run (its secret is random per start): for main's signed client only. */
  consumer: Credentials;
  /** The UiTiD v2 stand-in's issuer, e.g. http://127.0.0.1:40123/oidc */
  issuer: string;
  state: SimulatorState;
  close(): Promise<void>;
}

const maxBodyBytes = 64 * 1024;

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? (() => new Date());
  const state = options.state ?? new SimulatorState(now());
  const verifier = new OAuthVerifier({
    consumerSecret: (key) => state.consumers.get(key),
    tokenSecret: (token) => state.accessTokens.get(token)?.secret ?? state.requestTokens.get(token)?.secret,
    now: () => now().getTime(),
  });
  let origin = '';
  let host = '';

  const server = createServer((request, response) => {
    void handle(request)
      .catch(() => ({ status: 500, body: 'Interne fout in de simulator', type: 'text/plain' }))
      .then(({ status, body, type, headers }: Answer) => {
        response.writeHead(status, { 'Content-Type': type ?? 'application/xml; charset=UTF-8', ...headers });
        response.end(body);
      });
  });

  interface Answer {
    status: number;
    body: string;
    type?: string;
    headers?: Record<string, string>;
  }

  async function handle(request: IncomingMessage): Promise<Answer> {
    // Only under its own name: a web page that rebinds its host name to 127.0.0.1 sends that name (RFC 9110 §15.5.20).
    if (request.headers.host !== host) return { status: 421, body: 'Verkeerde host.', type: 'text/plain; charset=utf-8' };
    const url = new URL(request.url ?? '/', origin);
    const raw = await readBody(request);
    const body = raw.toString('utf8');
    const contentType = request.headers['content-type'] ?? '';
    const form = /application\/x-www-form-urlencoded/i.test(contentType) ? new URLSearchParams(body) : new URLSearchParams();
    // Multipart parts are never signed (CF DefaultOAuthClient.php leaves a file upload's parameters out of the signature).
    const multipart = /^multipart\/form-data/i.test(contentType) ? readMultipart(raw, contentType) : undefined;
    if (url.pathname.startsWith(`${oidcPathPrefix}/`)) return oidcAnswer(state, origin, request.method ?? 'GET', url, form) ?? { status: 404, body: 'Niet gevonden', type: 'text/plain' };
    if (!url.pathname.startsWith(`${simulatorPathPrefix}/`)) return { status: 404, body: 'Niet gevonden', type: 'text/plain' };
    const path = url.pathname.slice(simulatorPathPrefix.length + 1);

    if (path === 'auth/authorize') return authorizePage(request.method ?? 'GET', url, form);

    const oauthParams = parseAuthorizationHeader(request.headers.authorization) ?? new Map<string, string>();
    // Form-encoded oauth_* parameters (a legal variant) count as protocol parameters.
    for (const [name, value] of form) if (name.startsWith('oauth_')) oauthParams.set(name, value);
    const signed: OAuthRequest = { method: request.method ?? 'GET', url: url.toString(), oauthParams, bodyParams: [...form.entries()].filter(([name]) => !name.startsWith('oauth_')) };

    if (path === 'requestToken' && request.method === 'POST') return issueRequestToken(signed);
    if (path === 'accessToken' && request.method === 'POST') return issueAccessToken(signed);
    if (path === 'authapi/auth0at' && request.method === 'POST') {
      const check = verifier.verify(signed, { tokenRequired: false });
      return 'problem' in check ? unauthorized(check.problem) : exchangeAccessToken(state, form);
    }

    // A consumer request (no token) is allowed; what it may do is the operation's to say (DOC authenticatie-via-consumerrequest.md).
    const check = verifier.verify(signed, { tokenRequired: false });
    if ('problem' in check) return unauthorized(check.problem);
    const employee = check.token ? state.accessTokens.get(check.token) : undefined;
    if (check.token && !employee) return unauthorized('token_rejected');
    const odd = takeOddAnswer(state.oddAnswers, path);
    const instead = odd && answerInstead(odd);
    if (instead) return instead;
    // Repeated keys (uitpasNumber=a&uitpasNumber=b) are kept apart in `all`; `params` has the first of each.
    const all = [...url.searchParams.entries(), ...form.entries(), ...(multipart?.fields ?? [])];
    const params = new Map<string, string>();
    for (const [name, value] of all) if (!params.has(name)) params.set(name, value);
    const context: OperationContext = { state, params, all, employeeUid: employee?.uid ?? null, today: now(), files: multipart?.files };
    const reply = path.startsWith('uitpas/') ? (run(refuseRemovedOrEmpty, context) ?? route(request.method ?? 'GET', path.split('/'), context)) : undefined;
    if (reply === null) return unauthorized('permission_denied');
    return rewriteAnswer(odd, reply ?? { status: 404, body: 'Onbekend endpoint', type: 'text/plain' });
  }

  /** undefined: no such endpoint; null: it needs a staff member's token and this was a consumer request. */
  function route(method: string, segments: string[], context: OperationContext): Reply | undefined | null {
    const [first, second, third, fourth] = segments;
    if (first !== 'uitpas') return undefined;
    const visit = routeVisit(method, segments, context);
    if (visit !== undefined) return visit;
    // Look-ups a consumer request may do (DOC zoeken-van-pashouders.md; ophalen-van-pashouder-dmv-…-insz-barcode.md).
    if (method === 'GET' && second === 'passholder' && third === 'search') return run(searchPassholders, context);
    if (method === 'GET' && second === 'retrieve' && !third) return run(retrieve, context);
    if (context.employeeUid === null) return null;
    if (method === 'GET') {
      if (second === 'card' && !third) return run(getCard, context);
      if (second === 'price' && !third) return run(getPrice, context);
      if (second === 'balie' && third === 'list') return run(listBalies, context);
      if (second === 'passholder' && third && !fourth) return run((c) => getPassholder(c, third), context);
      return undefined;
    }
    if (method !== 'POST' || second !== 'passholder' || !third) return undefined;
    if (third === 'register' && !fourth) return run(registerPassholder, context);
    if (third === 'newCard' && !fourth) return run(registerNewCard, context);
    if (third === 'block' && fourth && segments.length === 4) return run((c) => blockCard(c, fourth), context);
    if (/^\d{13}$/.test(third) && !fourth) return run((c) => updatePassholder(c, third), context);
    if (fourth === 'register') return run((c) => registerInCardSystem(c, third), context);
    if (fourth === 'optinpreferences') return run((c) => setOptInPreferences(c, third), context);
    if (fourth === 'uploadPicture') return run((c) => uploadPicture(c, third), context);
    if (fourth && segments.length === 4) return run((c) => updateCardSystemData(c, third, fourth), context);
    return undefined;
  }

  function issueRequestToken(signed: OAuthRequest): Answer {
    const check = verifier.verify(signed, { tokenRequired: false });
    if ('problem' in check) return unauthorized(check.problem);
    const callback = signed.oauthParams.get('oauth_callback');
    if (!callback) return unauthorized('parameter_absent');
    const { token, secret } = state.issueToken();
    state.requestTokens.set(token, { secret, callback });
    return formAnswer({ oauth_token: token, oauth_token_secret: secret, oauth_callback_confirmed: 'true' });
  }

  function issueAccessToken(signed: OAuthRequest): Answer {
    const check = verifier.verify(signed, { tokenRequired: true });
    if ('problem' in check) return unauthorized(check.problem);
    const requestToken = state.requestTokens.get(check.token ?? '');
    if (!check.token || !requestToken?.verifier || requestToken.verifier !== signed.oauthParams.get('oauth_verifier')) return unauthorized('verifier_invalid');
    state.requestTokens.delete(check.token);
    const { token, secret } = state.issueToken();
    state.accessTokens.set(token, { secret, uid: demoEmployee.uid });
    return formAnswer({ userId: demoEmployee.uid, oauth_token: token, oauth_token_secret: secret });
  }

  /** A plain page standing in for UiTiD's login: no password, one button, the demo employee. */
  function authorizePage(method: string, url: URL, form: URLSearchParams): Answer {
    const token = (method === 'POST' ? form.get('oauth_token') : url.searchParams.get('oauth_token')) ?? '';
    const requestToken = state.requestTokens.get(token);
    if (!requestToken) return { status: 400, body: 'Onbekende of verlopen aanmelding.', type: 'text/plain; charset=utf-8' };
    if (method === 'POST') {
      requestToken.verifier = randomBytes(12).toString('hex');
      const callback = new URL(requestToken.callback);
      callback.searchParams.set('oauth_token', token);
      callback.searchParams.set('oauth_verifier', requestToken.verifier);
      return { status: 302, body: '', type: 'text/plain', headers: { Location: callback.toString() } };
    }
    const page = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>UiTiD (simulator)</title></head>
<body style="font-family:sans-serif;max-width:28rem;margin:4rem auto">
<h1>Aanmelden bij UiTiD</h1><p>Dit is de UiTPAS-simulator van de demo-omgeving. Je meldt je aan als <strong>${escapeXml(demoEmployee.nick)}</strong>.</p>
<form method="post" action="${simulatorPathPrefix}/auth/authorize"><input type="hidden" name="oauth_token" value="${escapeXml(token)}">
<button type="submit" style="font-size:1.1rem;padding:.6rem 1.2rem">Aanmelden als demo-medewerker</button></form></body></html>`;
    return { status: 200, body: page, type: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'" } };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  origin = `http://${host}`;
  return {
    prefix: `${origin}${simulatorPathPrefix}`,
    consumer: state.consumer,
    issuer: `${origin}${oidcPathPrefix}`,
    state,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function unauthorized(problem: string) {
  return { status: 401, body: `oauth_problem=${problem}`, type: 'application/x-www-form-urlencoded', headers: { 'WWW-Authenticate': 'OAuth realm="UiTiD"' } };
}

function formAnswer(values: Record<string, string>) {
  return { status: 200, body: new URLSearchParams(values).toString(), type: 'application/x-www-form-urlencoded' };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
