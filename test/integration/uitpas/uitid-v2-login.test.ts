/**
 * The UiTiD v2 login (system browser, PKCE, loopback redirect, then authapi/auth0at for a v1 token) against
 * the simulator's stand-in, over real HTTP, with a "browser" that follows the authorize page's redirect to
 * the app's loopback address as a real one would.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretStore } from '../../../electron/settings/secret-store';
import { SettingsStore } from '../../../electron/settings/settings-store';
import { authorizeAtSimulator } from '../../../electron/simulator/headless-authorize';
import { startSimulator, type Simulator } from '../../../electron/simulator/server';
import { demoNativeClientId } from '../../../electron/simulator/uitid-v2';
import { createUitpasClient, UitpasBadResponseError, UitpasLoginRequiredError } from '../../../electron/uitpas';
import { LoginCancelledError } from '../../../electron/uitpas/login-flow';
import { UitpasSession } from '../../../electron/uitpas/session';
import { loginWithUitidV2 } from '../../../electron/uitpas/uitid-v2-login';
import { memoryCipher } from '../../support/memory-cipher';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

/** What a system browser does with the authorize URL: load it, follow the redirect to the loopback callback. */
async function browser(url: string, opened: string[]): Promise<void> {
  opened.push(url);
  const page = await fetch(url, { redirect: 'manual' });
  const location = page.headers.get('location');
  if (location) await fetch(location);
}

const urlOf = (input: string | URL | Request) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

/** A raw GET with a Host header of our choosing (fetch would not let us set it). */
function statusWithHost(port: string, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port: Number(port), path, headers: { Host: host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on('error', reject);
    sent.end();
  });
}

const options = (opened: string[], extra: Partial<Parameters<typeof loginWithUitidV2>[0]> = {}) => ({
  issuer: simulator.issuer,
  clientId: demoNativeClientId,
  allowLoopbackEndpoints: true,
  prefix: simulator.prefix,
  consumer: simulator.consumer,
  openInBrowser: (url: string) => browser(url, opened),
  ...extra,
});

describe('UiTiD v2 login in the system browser', () => {
  it('logs in with PKCE on a loopback redirect, and the v1 token it gets signs UiTPAS calls', async () => {
    const opened: string[] = [];
    const login = await loginWithUitidV2(options(opened));
    const authorize = new URL(opened[0] ?? '');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(new URL(authorize.searchParams.get('redirect_uri') ?? '').hostname).toBe('127.0.0.1');
    expect(authorize.searchParams.has('client_secret')).toBe(false);
    // The scopes the real counter asks (SX app/Auth/AuthServiceProvider.php), offline_access included.
    expect(authorize.searchParams.get('scope')?.split(' ')).toEqual(['openid', 'profile', 'email', 'offline_access']);
    // The login parameters silex passes (SX config.dist.yml auth0.login_parameters), locale being the page's.
    expect(Object.fromEntries(['referrer', 'prompt', 'locale'].map((name) => [name, authorize.searchParams.get(name)]))).toEqual({ referrer: 'uitpas', prompt: 'login', locale: 'nl' });
    expect(login.userId).toBe('demo-medewerker-0001');
    // The account for the top bar comes from the ID token's claims.
    expect(login.account).toBe('demo.medewerker@example.org');
    const client = createUitpasClient({ prefix: simulator.prefix, consumer: simulator.consumer, token: login.token });
    expect((await client.listBalies(login.userId)).length).toBe(2);
  });

  it('a code redeemed without the right verifier is refused (PKCE), as login required', async () => {
    const tamper: typeof fetch = (input, init) => {
      const body = typeof init?.body === 'string' ? init.body.replace(/code_verifier=[^&]+/, 'code_verifier=wrong') : init?.body;
      return fetch(input, { ...init, body });
    };
    const error: unknown = await loginWithUitidV2(options([], { fetch: tamper })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UitpasLoginRequiredError);
    expect(error).toMatchObject({ problem: 'invalid_grant' });
  });

  it('a refused login in the browser, or a callback with a foreign state, cancels; nothing hangs', async () => {
    const refused: unknown = await loginWithUitidV2(
      options([], {
        openInBrowser: async (url) => {
          const redirect = new URL(new URL(url).searchParams.get('redirect_uri') ?? '');
          redirect.searchParams.set('state', new URL(url).searchParams.get('state') ?? '');
          redirect.searchParams.set('error', 'access_denied');
          await fetch(redirect);
        },
      }),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LoginCancelledError);

    const answers: number[] = [];
    const forged: unknown = await loginWithUitidV2(
      options([], {
        waitMs: 300,
        openInBrowser: async (url) => {
          const redirect = new URL(new URL(url).searchParams.get('redirect_uri') ?? '');
          redirect.searchParams.set('state', 'not-ours');
          redirect.searchParams.set('code', 'stolen');
          answers.push((await fetch(redirect)).status);
        },
      }),
    ).catch((e: unknown) => e);
    expect(answers).toEqual([404]);
    expect(forged).toBeInstanceOf(LoginCancelledError);
  });

  it('the loopback listener answers only the Host it gave out: a foreign Host (DNS rebinding) gets 404 and no login', async () => {
    const answers: number[] = [];
    const result: unknown = await loginWithUitidV2(
      options([], {
        waitMs: 300,
        openInBrowser: async (url) => {
          const authorize = new URL(url);
          const redirect = new URL(authorize.searchParams.get('redirect_uri') ?? '');
          const path = `${redirect.pathname}?state=${authorize.searchParams.get('state') ?? ''}&code=stolen`;
          for (const host of [`localhost:${redirect.port}`, 'evil.example', `127.0.0.1:${Number(redirect.port) + 1}`]) {
            answers.push(await statusWithHost(redirect.port, path, host));
          }
        },
      }),
    ).catch((e: unknown) => e);
    expect(answers).toEqual([404, 404, 404]);
    expect(result).toBeInstanceOf(LoginCancelledError);
  });

  it('discovery must name the configured issuer, and plain-http loopback endpoints are only for the demo issuer', async () => {
    const otherIssuer: unknown = await loginWithUitidV2(options([], { issuer: `${simulator.issuer}/` })).catch((e: unknown) => e);
    expect(otherIssuer).toBeInstanceOf(UitpasBadResponseError);
    const opened: string[] = [];
    const loopback: unknown = await loginWithUitidV2(options(opened, { allowLoopbackEndpoints: false })).catch((e: unknown) => e);
    expect(loopback).toMatchObject({ reason: 'incomplete' });
    expect(opened).toEqual([]);
  });

  it('the system browser is asked for the authorization origin only', async () => {
    const origins: string[] = [];
    await loginWithUitidV2(
      options([], {
        openInBrowser: (url, origin) => {
          origins.push(origin);
          return browser(url, []);
        },
      }),
    );
    expect(origins).toEqual([new URL(simulator.issuer).origin]);
  });

  it('auth0at saying FAILED (a UiTiD with only a v2 id, SX AuthController.php) is a login problem in words, not a login', async () => {
    const failed: unknown = await loginWithUitidV2(
      options([], {
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          // The stand-in forgets the access token before it is exchanged: auth0at answers FAILED.
          if (typeof input === 'string' && input.endsWith('/oauth/token')) simulator.state.oidcAccessTokens.clear();
          return response;
        },
      }),
    ).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(UitpasLoginRequiredError);
    expect(failed).toMatchObject({ loginProblem: 'no-v1-account' });
  });

  it('the session uses it where the environment has a native client (demo), and keeps v1 otherwise', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'balie-v2-'));
    const opened: string[] = [];
    const session = new UitpasSession({
      settings: new SettingsStore(join(directory, 'settings.json')),
      secrets: new SecretStore(join(directory, 'secrets'), memoryCipher()),
      showAuthorizePage: () => Promise.reject(new Error('the v1 login window must not open')),
      demo: () => Promise.resolve(simulator),
      uitidV2: { openInBrowser: (url) => browser(url, opened) },
    });
    expect(await session.logIn()).toMatchObject({ loggedIn: true, account: 'demo.medewerker@example.org' });
    expect(opened).toHaveLength(1);

    const v1 = new UitpasSession({
      settings: new SettingsStore(join(directory, 'settings-v1.json')),
      secrets: new SecretStore(join(directory, 'secrets-v1'), memoryCipher()),
      showAuthorizePage: authorizeAtSimulator,
      demo: () => Promise.resolve(simulator),
    });
    expect(await v1.logIn()).toMatchObject({ loggedIn: true, account: null });
  });

  it('a client id in the settings makes the login v2, and discovery for another issuer is refused', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'balie-v2-'));
    writeFileSync(join(directory, 'settings.json'), JSON.stringify({ environment: 'demo', uitidV2: { clientId: demoNativeClientId, issuer: 'https://account.example.org' } }));
    const session = new UitpasSession({
      settings: new SettingsStore(join(directory, 'settings.json')),
      secrets: new SecretStore(join(directory, 'secrets'), memoryCipher()),
      showAuthorizePage: () => Promise.reject(new Error('the v1 login window must not open')),
      demo: () => Promise.resolve(simulator),
      uitidV2: { openInBrowser: () => Promise.reject(new Error('no browser for an issuer that did not answer')) },
      fetch: (input, init) => (urlOf(input).startsWith('https://account.example.org/') ? fetch(`${simulator.issuer}/.well-known/openid-configuration`, init) : fetch(input, init)),
    });
    // Discovery answers for the simulator's issuer, not the configured one: refused before any browser opens.
    await expect(session.logIn()).rejects.toBeInstanceOf(UitpasBadResponseError);
  });
});
