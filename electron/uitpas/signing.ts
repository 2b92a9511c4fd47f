/** OAuth 1.0a HMAC-SHA1 request signing, through the oauth-1.0a package. */
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';

export interface Credentials {
  key: string;
  secret: string;
}

export interface SignedRequest {
  method: 'GET' | 'POST';
  /** With its query string, if any: query parameters are signed from the URL. */
  url: string;
  /** Form-encoded body parameters: signed too. */
  body?: Readonly<Record<string, string | readonly string[]>>;
  /** Extra oauth_* parameters for the token flow (oauth_callback, oauth_verifier). */
  oauthParams?: Readonly<Record<string, string>>;
}

export function authorizationHeader(consumer: Credentials, token: Credentials | null, request: SignedRequest): string {
  const oauth = new OAuth({
    consumer,
    signature_method: 'HMAC-SHA1',
    hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
  });
  const data = oauth.authorize(
    { url: request.url, method: request.method, data: { ...request.body, ...request.oauthParams } },
    token ?? undefined,
  );
  // oauth-1.0a copies every signed parameter into the header; the body's own parameters stay in the body.
  const headerParams = Object.fromEntries(
    Object.entries(data).filter(([name]) => name.startsWith('oauth_')),
  ) as unknown as OAuth.Authorization;
  return oauth.toHeader(headerParams).Authorization;
}
