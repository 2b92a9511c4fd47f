import { describe, expect, it } from 'vitest';
import { authorizationHeader } from '../../../electron/uitpas/signing';
import {
  hmacSha1Signature,
  OAuthVerifier,
  parseAuthorizationHeader,
  percentEncode,
  signatureBaseString,
} from '../../../electron/simulator/oauth-verifier';

describe('RFC 5849 signature base string (the §3.4.1 example)', () => {
  const request = {
    method: 'POST',
    url: 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b',
    oauthParams: new Map([
      ['realm', 'Example'],
      ['oauth_consumer_key', '9djdj82h48djs9d2'],
      ['oauth_token', 'kkk9d7dh3k39sjv7'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131201'],
      ['oauth_nonce', '7d8f3e4a'],
      ['oauth_signature', 'djosJKDKJSD8743243%2Fjdk33klY%3D'],
    ]),
    bodyParams: [
      ['c2', ''],
      ['a3', '2 q'],
    ] as const,
  };

  it('is built exactly as the RFC prints it', () => {
    expect(signatureBaseString(request)).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    );
  });

  it('percent-encodes as RFC 3986 wants', () => {
    expect(percentEncode("Ladies + Gentlemen!*'()~")).toBe('Ladies%20%2B%20Gentlemen%21%2A%27%28%29~');
  });
});

describe('HMAC-SHA1 (the OAuth 1.0 photos.example.net example)', () => {
  const request = {
    method: 'GET',
    url: 'http://photos.example.net/photos?file=vacation.jpg&size=original',
    oauthParams: new Map([
      ['oauth_consumer_key', 'dpf43f3p2l4k3l03'],
      ['oauth_token', 'nnch734d00sl2jdk'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '1191242096'],
      ['oauth_nonce', 'kllo9940pd9333jh'],
      ['oauth_version', '1.0'],
    ]),
    bodyParams: [],
  };

  it('gives the published signature', () => {
    const base = signatureBaseString(request);
    expect(base).toBe(
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal',
    );
    expect(hmacSha1Signature(base, 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00')).toBe('tR3+Ty81lMeYAr/Fid0kMTYa/WM=');
  });
});

describe('client signing checked by the simulator', () => {
  const consumer = { key: 'balie-app', secret: 'consumer sécret&' };
  const token = { key: 'staff-token', secret: 'token/secret' };
  let clock = 1_800_000_000_000;
  const verifier = new OAuthVerifier({
    consumerSecret: (key) => (key === consumer.key ? consumer.secret : undefined),
    tokenSecret: (key) => (key === token.key ? token.secret : undefined),
    now: () => clock,
  });
  const body = { name: 'Lambrecht', firstName: 'Zoë Anaïs', street: "Rue Saint-Gilles 45 (bus *3*)", empty: '' };

  function signed(url: string, overrides: { consumerSecret?: string; body?: Record<string, string> } = {}) {
    const header = authorizationHeader({ ...consumer, secret: overrides.consumerSecret ?? consumer.secret }, token, { method: 'POST', url, body: overrides.body ?? body });
    return { method: 'POST', url, oauthParams: parseAuthorizationHeader(header)!, bodyParams: Object.entries(body) };
  }

  it('accepts a request signed by the client, body parameters included', () => {
    clock = Date.now();
    expect(verifier.verify(signed('http://127.0.0.1:8080/uitid/rest/uitpas/passholder/register?x=1'), { tokenRequired: true })).toEqual({
      consumerKey: 'balie-app',
      token: 'staff-token',
    });
  });

  it('refuses a replayed nonce, a wrong secret, a changed body and a stale timestamp', () => {
    clock = Date.now();
    const request = signed('http://127.0.0.1:8080/uitid/rest/uitpas/card');
    expect(verifier.verify(request, { tokenRequired: true })).not.toHaveProperty('problem');
    expect(verifier.verify(request, { tokenRequired: true })).toEqual({ problem: 'nonce_used' });
    expect(verifier.verify(signed('http://127.0.0.1:8080/a', { consumerSecret: 'guess' }), { tokenRequired: true })).toEqual({ problem: 'signature_invalid' });
    expect(verifier.verify(signed('http://127.0.0.1:8080/a', { body: { ...body, name: 'Other' } }), { tokenRequired: true })).toEqual({
      problem: 'signature_invalid',
    });
    const old = signed('http://127.0.0.1:8080/b');
    clock = Date.now() + 10 * 60 * 1000;
    expect(verifier.verify(old, { tokenRequired: true })).toEqual({ problem: 'timestamp_refused' });
  });
});
