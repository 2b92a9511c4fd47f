/**
 * A stand-in for UiTiD v2 (the OpenID provider the real counter logs in with) and for the v1 token
 * exchange behind it, so the desktop login path runs end to end on this computer:
 * - discovery (OpenID Connect Discovery 1.0) under {origin}/oidc;
 * - the authorization endpoint, which approves the demo employee at once (no password: a simulator) and
 *   redirects to the client's redirect_uri, which must be loopback (RFC 8252 §7.3);
 * - the token endpoint, which checks the PKCE verifier against the S256 challenge (RFC 7636 §4.6), the
 *   client id and the redirect_uri, and hands out a one-time access token;
 * - {prefix}/authapi/auth0at, consumer-signed, `at` → <response><code>SUCCESS</code><token><token/>
 *   <tokenSecret/><user><uid/></user></token></response>, FAILED for an unknown token
 *   (SX src/Auth/UiTIDv1TokenService.php reads exactly these paths).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { demoEmployee } from './seed';
import type { SimulatorState } from './state';

export const demoNativeClientId = 'uitpas-balie-desktop-demo';
export const oidcPathPrefix = '/oidc';

interface Answer {
  status: number;
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value), type: 'application/json' });

export function oidcAnswer(state: SimulatorState, origin: string, method: string, url: URL, form: URLSearchParams): Answer | undefined {
  const path = url.pathname.slice(oidcPathPrefix.length);
  if (method === 'GET' && path === '/.well-known/openid-configuration') {
    return json(200, {
      issuer: `${origin}${oidcPathPrefix}`,
      authorization_endpoint: `${origin}${oidcPathPrefix}/authorize`,
      token_endpoint: `${origin}${oidcPathPrefix}/oauth/token`,
      code_challenge_methods_supported: ['S256'],
    });
  }
  if (method === 'GET' && path === '/authorize') return authorize(state, url.searchParams);
  if (method === 'POST' && path === '/oauth/token') return token(state, form);
  return undefined;
}

function authorize(state: SimulatorState, query: URLSearchParams): Answer {
  const redirectUri = query.get('redirect_uri') ?? '';
  let redirect: URL;
  try {
    redirect = new URL(redirectUri);
  } catch {
    return { status: 400, body: 'invalid redirect_uri', type: 'text/plain' };
  }
  if (query.get('client_id') !== demoNativeClientId || redirect.protocol !== 'http:' || redirect.hostname !== '127.0.0.1') {
    return { status: 400, body: 'unknown client or redirect_uri not loopback', type: 'text/plain' };
  }
  if (query.get('response_type') !== 'code' || query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge')) {
    redirect.searchParams.set('error', 'invalid_request');
  } else {
    const code = randomBytes(16).toString('base64url');
    state.oidcCodes.set(code, { challenge: query.get('code_challenge') ?? '', redirectUri, clientId: demoNativeClientId });
    redirect.searchParams.set('code', code);
  }
  redirect.searchParams.set('state', query.get('state') ?? '');
  return { status: 302, body: '', type: 'text/plain', headers: { Location: redirect.toString() } };
}

function token(state: SimulatorState, form: URLSearchParams): Answer {
  const code = form.get('code') ?? '';
  const grant = state.oidcCodes.get(code);
  state.oidcCodes.delete(code);
  const verifier = form.get('code_verifier') ?? '';
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  if (form.get('grant_type') !== 'authorization_code' || !grant || grant.clientId !== form.get('client_id') || grant.redirectUri !== form.get('redirect_uri') || grant.challenge !== challenge) {
    return json(400, { error: 'invalid_grant' });
  }
  const accessToken = randomBytes(24).toString('base64url');
  state.oidcAccessTokens.add(accessToken);
  return json(200, { access_token: accessToken, token_type: 'Bearer', expires_in: 3600, id_token: idToken(form.get('client_id') ?? '') });
}

/** The session key the stand-in signs ID tokens with (HS256): the app reads the claims, it does not check them. */
const idTokenKey = randomBytes(32);

/** An ID token as OpenID Connect Core §2 shapes it, with the `email` and `name` the openid email profile scopes give. */
function idToken(clientId: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: demoEmployee.uid, aud: clientId, iat: now, exp: now + 3600, email: demoEmployee.email, name: demoEmployee.name })}`;
  return `${unsigned}.${createHmac('sha256', idTokenKey).update(unsigned).digest('base64url')}`;
}

/** authapi/auth0at: a v1 access token for the demo employee, once per v2 access token. */
export function exchangeAccessToken(state: SimulatorState, form: URLSearchParams): Answer {
  const at = form.get('at') ?? '';
  if (!state.oidcAccessTokens.delete(at)) {
    return { status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><response><code>FAILED</code><message>invalid access token</message></response>', type: 'application/xml' };
  }
  const { token: key, secret } = state.issueToken();
  state.accessTokens.set(key, { secret, uid: demoEmployee.uid });
  return {
    status: 200,
    body: `<?xml version="1.0" encoding="UTF-8"?><response><code>SUCCESS</code><token><token>${key}</token><tokenSecret>${secret}</tokenSecret><user><uid>${demoEmployee.uid}</uid></user></token></response>`,
    type: 'application/xml',
  };
}
