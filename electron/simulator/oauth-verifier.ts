/**
 * The simulator's own OAuth 1.0a (RFC 5849) check, written against the RFC
 * with node:crypto and deliberately independent of the oauth-1.0a package the
 * client signs with, so a signing bug in the client cannot hide itself.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 3986 unreserved characters stay, everything else is %XX (RFC 5849 §3.6). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function parseAuthorizationHeader(header: string | undefined): Map<string, string> | null {
  if (!header || !/^OAuth\s/i.test(header)) return null;
  const params = new Map<string, string>();
  for (const [, name = '', value = ''] of header.slice(6).matchAll(/([\w-]+)="([^"]*)"/g)) {
    params.set(decodeURIComponent(name), decodeURIComponent(value));
  }
  return params;
}

export interface OAuthRequest {
  method: string;
  /** Absolute URL as the client addressed it, query string included. */
  url: string;
  /** The Authorization header's parameters (realm and oauth_signature are left out of the base string). */
  oauthParams: Map<string, string>;
  /** Decoded form body parameters, when the body is application/x-www-form-urlencoded. */
  bodyParams: readonly (readonly [string, string])[];
}

/** RFC 5849 §3.4.1: method & base string URI & normalised parameters. */
export function signatureBaseString(request: OAuthRequest): string {
  const url = new URL(request.url);
  const defaultPort = (url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443');
  const baseUri = `${url.protocol}//${url.hostname.toLowerCase()}${url.port && !defaultPort ? `:${url.port}` : ''}${url.pathname}`;
  const pairs: [string, string][] = [
    ...[...url.searchParams.entries()],
    ...request.bodyParams.map(([name, value]) => [name, value] as [string, string]),
    ...[...request.oauthParams.entries()].filter(([name]) => name !== 'realm' && name !== 'oauth_signature'),
  ].map(([name, value]) => [percentEncode(name), percentEncode(value)]);
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const normalised = pairs.map(([name, value]) => `${name}=${value}`).join('&');
  return [request.method.toUpperCase(), percentEncode(baseUri), percentEncode(normalised)].join('&');
}

export function hmacSha1Signature(baseString: string, consumerSecret: string, tokenSecret: string): string {
  return createHmac('sha1', `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`).update(baseString).digest('base64');
}

export type OAuthProblem = 'parameter_absent' | 'signature_method_rejected' | 'timestamp_refused' | 'nonce_used' | 'consumer_key_unknown' | 'token_rejected' | 'signature_invalid';

export interface OAuthVerifierOptions {
  consumerSecret(key: string): string | undefined;
  /** The secret of a request or access token; undefined when the token is unknown or revoked. */
  tokenSecret(token: string): string | undefined;
  /** Seconds a timestamp may be off (default 300). */
  timestampWindowSeconds?: number;
  now?: () => number;
}

/** Checks requests; remembers nonces for the timestamp window so a replay is refused. */
export class OAuthVerifier {
  private readonly seenNonces = new Map<string, number>();
  constructor(private readonly options: OAuthVerifierOptions) {}

  verify(request: OAuthRequest, { tokenRequired }: { tokenRequired: boolean }): { consumerKey: string; token?: string } | { problem: OAuthProblem } {
    const p = request.oauthParams;
    const consumerKey = p.get('oauth_consumer_key');
    const signature = p.get('oauth_signature');
    const timestamp = Number(p.get('oauth_timestamp'));
    const nonce = p.get('oauth_nonce');
    if (!consumerKey || !signature || !nonce || !Number.isFinite(timestamp)) return { problem: 'parameter_absent' };
    if (p.get('oauth_signature_method') !== 'HMAC-SHA1') return { problem: 'signature_method_rejected' };
    const now = (this.options.now ?? Date.now)() / 1000;
    const window = this.options.timestampWindowSeconds ?? 300;
    if (Math.abs(now - timestamp) > window) return { problem: 'timestamp_refused' };
    const consumerSecret = this.options.consumerSecret(consumerKey);
    if (consumerSecret === undefined) return { problem: 'consumer_key_unknown' };
    const token = p.get('oauth_token') || undefined;
    if (tokenRequired && !token) return { problem: 'parameter_absent' };
    const tokenSecret = token === undefined ? '' : this.options.tokenSecret(token);
    if (tokenSecret === undefined) return { problem: 'token_rejected' };
    const expected = Buffer.from(hmacSha1Signature(signatureBaseString(request), consumerSecret, tokenSecret));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { problem: 'signature_invalid' };
    const nonceKey = `${consumerKey}|${token ?? ''}|${timestamp}|${nonce}`;
    this.forgetOldNonces(now, window);
    if (this.seenNonces.has(nonceKey)) return { problem: 'nonce_used' };
    this.seenNonces.set(nonceKey, timestamp);
    return { consumerKey, token };
  }

  private forgetOldNonces(now: number, window: number): void {
    for (const [key, timestamp] of this.seenNonces) if (now - timestamp > window) this.seenNonces.delete(key);
  }
}
