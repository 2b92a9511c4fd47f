/**
 * The staff login the real counter uses today, done as a desktop app should:
 * UiTiD v2 (OpenID Connect; Auth0, since 2024 also Keycloak) in the system
 * browser with the authorization code flow and PKCE (RFC 7636), redirected to a
 * one-time loopback address (RFC 8252 §7.3, 127.0.0.1 with a port chosen by the
 * OS), then the access token is exchanged for a UiTiD v1 token and secret at
 * `authapi/auth0at`, signed by the consumer, because the UiTPAS XML API only
 * takes OAuth 1.0a (SX src/Auth/UiTIDv1TokenService.php; SX
 * app/Auth/AuthServiceProvider.php for scopes and audience; SX config.dist.yml
 * `auth0.login_parameters` locale=nl, referrer=uitpas, prompt=login, which SX
 * src/Auth/AuthController.php passes to the login). Neither the exchange nor a native
 * client is in publiq's public documentation: the client id comes from publiq.
 * Electron-free: the caller opens the browser.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UitpasBadResponseError, UitpasError, UitpasLoginRequiredError } from './errors';
import { LoginCancelledError, type StaffLogin } from './login-flow';
import type { Credentials } from './signing';
import { callUitpas, readCapped, transportFailure } from './transport';
import { child, text } from './xml';

export interface UitidV2Client {
  /** The OpenID provider, e.g. https://account.uitid.be; its endpoints come from discovery. */
  issuer: string;
  /** A native (public) client registered with publiq: no secret, PKCE instead. */
  clientId: string;
  /** Only the demo's stand-in (on this computer) may have plain-http endpoints on 127.0.0.1. */
  allowLoopbackEndpoints?: boolean;
}

export interface UitidV2LoginOptions extends UitidV2Client {
  /** The UiTiD v1 prefix of the environment: where authapi/auth0at lives. */
  prefix: string;
  consumer: Credentials;
  /**
   * Opens the URL in the system browser (Electron: shell.openExternal), which must refuse any URL outside
   * `authorizationOrigin`: the origin of the authorization endpoint the issuer's discovery gave.
   */
  openInBrowser(url: string, authorizationOrigin: string): Promise<void>;
  fetch?: typeof fetch;
  /** The language of UiTiD's login pages: the page's (SX config.dist.yml fixes nl). */
  locale?: 'nl' | 'fr';
  /** How long the staff member has to log in, in the browser. */
  waitMs?: number;
  signal?: AbortSignal;
}

/** SX app/Auth/AuthServiceProvider.php asks these scopes for this audience, offline_access included. */
const scopes = 'openid profile email offline_access';
const audience = 'https://api.publiq.be';
const maxTokenAnswerBytes = 64 * 1024;

export async function loginWithUitidV2(options: UitidV2LoginOptions): Promise<StaffLogin> {
  const doFetch = options.fetch ?? fetch;
  const provider = await discover(options.issuer, options.allowLoopbackEndpoints === true, doFetch);
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(16).toString('base64url');

  const callback = await loopbackCallback(state, options.waitMs ?? 5 * 60_000, options.signal);
  try {
    const authorize = new URL(provider.authorizationEndpoint);
    for (const [name, value] of Object.entries({
      response_type: 'code',
      client_id: options.clientId,
      redirect_uri: callback.redirectUri,
      scope: scopes,
      audience,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      prompt: 'login',
      locale: options.locale ?? 'nl',
      referrer: 'uitpas',
    })) {
      authorize.searchParams.set(name, value);
    }
    await options.openInBrowser(authorize.toString(), authorize.origin);
    const code = await callback.code;
    const tokens = await redeemCode(provider.tokenEndpoint, { code, verifier, clientId: options.clientId, redirectUri: callback.redirectUri }, doFetch);
    const login = await exchangeForV1Token(options.prefix, options.consumer, tokens.accessToken, doFetch);
    return tokens.account ? { ...login, account: tokens.account } : login;
  } finally {
    callback.close();
  }
}

interface Provider {
  authorizationEndpoint: string;
  tokenEndpoint: string;
}

/**
 * OpenID Connect Discovery 1.0: both Auth0 and Keycloak publish it, so the code does not care which runs.
 * The document must name exactly the configured issuer (Discovery §4.3): a provider that answers for
 * another issuer, or a document swapped on the way, is not the one IT configured.
 */
async function discover(issuer: string, allowLoopback: boolean, doFetch: typeof fetch): Promise<Provider> {
  const document = await getJson(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { method: 'GET' }, doFetch);
  if (stringField(document, 'issuer') !== issuer) throw new UitpasBadResponseError(200, false, 'incomplete');
  const authorizationEndpoint = stringField(document, 'authorization_endpoint');
  const tokenEndpoint = stringField(document, 'token_endpoint');
  if (!isSafeEndpoint(authorizationEndpoint, allowLoopback) || !isSafeEndpoint(tokenEndpoint, allowLoopback)) throw new UitpasBadResponseError(200, false, 'incomplete');
  return { authorizationEndpoint, tokenEndpoint };
}

/** Only https; plain http on 127.0.0.1 only for the demo's stand-in, which runs on this computer. */
function isSafeEndpoint(value: string, allowLoopback: boolean): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password) return false;
    return url.protocol === 'https:' || (allowLoopback && url.protocol === 'http:' && url.hostname === '127.0.0.1');
  } catch {
    return false;
  }
}

async function redeemCode(
  tokenEndpoint: string,
  grant: { code: string; verifier: string; clientId: string; redirectUri: string },
  doFetch: typeof fetch,
): Promise<{ accessToken: string; account: string | null }> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: grant.clientId,
    code: grant.code,
    code_verifier: grant.verifier,
    redirect_uri: grant.redirectUri,
  });
  const answer = await getJson(tokenEndpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString() }, doFetch);
  const idToken = (answer as { id_token?: unknown }).id_token;
  return { accessToken: stringField(answer, 'access_token'), account: typeof idToken === 'string' ? accountName(idToken) : null };
}

/**
 * The account to show in the top bar, from the ID token's claims (`email`, else `name`). Only shown, never
 * trusted for anything: the token came straight from the token endpoint over TLS, which OpenID Connect
 * Core §3.1.3.7 accepts in place of checking its signature.
 */
function accountName(idToken: string): string | null {
  try {
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const name = [claims.email, claims.name, claims.preferred_username].find((value) => typeof value === 'string' && value.trim() !== '') as string | undefined;
    // Bounded and without control or bidi characters: it is shown as it came.
    return name ? name.replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 120) : null;
  } catch {
    return null;
  }
}

/**
 * POST {prefix}/authapi/auth0at, consumer-signed, form field `at` (SX src/Auth/UiTIDv1TokenService.php):
 * 401 unauthorised, 403 no permission; XML /response/code SUCCESS or FAILED, the token in /response/token.
 */
async function exchangeForV1Token(prefix: string, consumer: Credentials, accessToken: string, doFetch: typeof fetch): Promise<StaffLogin> {
  const xml = await callUitpas({
    method: 'POST',
    url: `${prefix}/authapi/auth0at`,
    params: { at: accessToken },
    consumer,
    token: null,
    fetch: doFetch,
    timeoutMs: 15_000,
    acceptCodes: ['SUCCESS'],
  }).catch((error: unknown) => {
    // A 403 here means the UiTiD account has no access to UiTPAS: logging in again will not help, but it is a login matter.
    if (error instanceof UitpasBadResponseError && error.status === 403) throw new UitpasLoginRequiredError('permission_denied');
    // FAILED: no UiTiD v1 account behind this login, e.g. a UiTiD with only a v2 id (SX src/Auth/AuthController.php).
    if (error instanceof UitpasError && error.code === 'FAILED') throw new UitpasLoginRequiredError('no_v1_account');
    throw error;
  });
  const token = child(child(xml, 'response'), 'token');
  const key = text(token, 'token');
  const secret = text(token, 'tokenSecret');
  const userId = text(child(token, 'user'), 'uid');
  if (!key || !secret || !userId) throw new UitpasBadResponseError(200, false, 'incomplete');
  return { token: { key, secret }, userId };
}

async function getJson(url: string, init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }, doFetch: typeof fetch): Promise<unknown> {
  let response: Response;
  try {
    response = await doFetch(url, { ...init, headers: { Accept: 'application/json', ...init.headers }, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw transportFailure(error, false);
  }
  if (response.status >= 300 && response.status < 400) throw new UitpasBadResponseError(response.status, false, 'redirect');
  const payload = await readCapped(response, false, maxTokenAnswerBytes);
  if (response.status === 400 || response.status === 401 || response.status === 403) throw new UitpasLoginRequiredError(oauthError(payload));
  if (response.status !== 200) throw new UitpasBadResponseError(response.status, false, 'not-xml');
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    throw new UitpasBadResponseError(response.status, false, 'not-xml');
  }
}

function oauthError(payload: string): string {
  try {
    const error = (JSON.parse(payload) as { error?: unknown }).error;
    return typeof error === 'string' && /^[a-z_]{1,40}$/.test(error) ? error : 'unauthorized';
  } catch {
    return 'unauthorized';
  }
}

function stringField(value: unknown, name: string): string {
  const field = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  if (typeof field !== 'string' || field === '') throw new UitpasBadResponseError(200, false, 'incomplete');
  return field;
}

interface LoopbackCallback {
  redirectUri: string;
  code: Promise<string>;
  close(): void;
}

/**
 * A one-time listener on 127.0.0.1 (RFC 8252 §7.3 and §8.3: loopback IP, not "localhost", any port) that takes
 * the first request to /callback with the right state, answers the browser with a short page, and closes.
 */
async function loopbackCallback(state: string, waitMs: number, signal: AbortSignal | undefined): Promise<LoopbackCallback> {
  let settle: { resolve(code: string): void; reject(error: Error): void } | undefined;
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Awaited by the flow; a timeout after it gave up must not surface as an unhandled rejection.
  code.catch(() => undefined);
  const page = (response: ServerResponse, status: number, message: string) => {
    response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'", 'Cache-Control': 'no-store' });
    response.end(`<!doctype html><html lang="nl"><meta charset="utf-8"><title>UiTPAS Balie</title><p>${message}</p></html>`);
  };
  let expectedHost = '';
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // Only the browser coming back to the redirect URI we gave: a page that reaches this port under another
    // host name (DNS rebinding) or with a forged Host is not UiTiD sending the staff member back.
    if (request.headers.host !== expectedHost || request.method !== 'GET' || url.pathname !== '/callback' || url.searchParams.get('state') !== state) {
      page(response, 404, 'Onbekende aanvraag.');
      return;
    }
    const got = url.searchParams.get('code');
    if (got) {
      page(response, 200, 'Je bent aangemeld. Je kunt dit venster sluiten en teruggaan naar UiTPAS Balie.');
      settle?.resolve(got);
    } else {
      page(response, 200, 'Aanmelden is niet gelukt. Ga terug naar UiTPAS Balie.');
      settle?.reject(new LoginCancelledError());
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  expectedHost = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const timer = setTimeout(() => settle?.reject(new LoginCancelledError()), waitMs);
  const abort = () => settle?.reject(new LoginCancelledError());
  signal?.addEventListener('abort', abort, { once: true });
  return {
    redirectUri: `http://${expectedHost}/callback`,
    code,
    close: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      server.closeAllConnections();
      server.close();
    },
  };
}
