/**
 * The machine policy in the running services: what it sets wins over the user's settings and cannot be
 * changed from the page; the policy's balie is the only one offered; a broken policy stops every request
 * (nothing is sent) and the page learns file and key; a policy changed on disk reaches the page.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../../electron/ipc/contract';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createMainServices } from '../../electron/main-services';
import { PolicySource, policyFile } from '../../electron/settings/policy-source';
import { authorizeAtSimulator } from '../../electron/simulator/headless-authorize';
import { startSimulator, type Simulator } from '../../electron/simulator/server';
import { FakePcscContext } from '../support/fake-pcsc';
import { memoryCipher } from '../support/memory-cipher';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

async function withPolicy(policy: unknown, user?: unknown, fetchImpl: typeof fetch = fetch, startDemoSimulator?: () => Promise<Simulator>) {
  const root = mkdtempSync(join(tmpdir(), 'balie-policy-'));
  const dataDirectory = join(root, 'data');
  mkdirSync(dataDirectory);
  if (user !== undefined) writeFileSync(join(dataDirectory, 'settings.json'), JSON.stringify(user));
  const file = policyFile('linux', root);
  if (policy !== undefined) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof policy === 'string' ? policy : JSON.stringify(policy));
  }
  const source = new PolicySource(file, 100);
  await source.load();
  const services = createMainServices({
    appInfo: { name: 'UiTPAS Balie', version: '0', platform: 'linux', host: 'browser' },
    createPcscContext: () => new FakePcscContext(),
    trustAnchors: [],
    dataDirectory,
    policy: source,
    secretCipher: memoryCipher(),
    showAuthorizePage: authorizeAtSimulator,
    fetch: fetchImpl,
    log: { warn: () => undefined },
    startDemoSimulator,
  });
  return { services, dispatch: createDispatcher(services.handlers), file, dataDirectory, source };
}

describe('a valid policy', () => {
  it('wins over the user file, is marked as the source, and cannot be changed from the page', async () => {
    const { services, dispatch, dataDirectory } = await withPolicy(
      { environment: 'test', language: 'fr', consumerKey: 'policy-key', consumerSecret: 'policy-secret', readerRoles: { eidreader: ['Virtual PCD 00 00'], nfcreader: ['Virtual PCD 00 01'] } },
      { environment: 'demo', language: 'nl', consumerKey: 'own-key', balie: null },
    );
    const view = await dispatch('session:get', undefined);
    expect(view).toMatchObject({
      ok: true,
      value: {
        environment: 'test',
        language: 'fr',
        consumerKey: 'policy-key',
        hasConsumerSecret: true,
        readerRoles: { eidreader: ['Virtual PCD 00 00'], nfcreader: ['Virtual PCD 00 01'] },
        sources: { environment: 'policy', language: 'policy', consumerKey: 'policy', consumerSecret: 'policy', readerRoles: 'policy', proxy: 'default', balie: 'default' },
      },
    });
    for (const change of [{ environment: 'demo' }, { environment: 'test', language: 'nl' }, { environment: 'test', consumerKey: 'other' }, { environment: 'test', consumerSecret: 'other' }]) {
      expect(await dispatch('settings:save', change)).toEqual({ ok: false, error: { code: 'setting-locked' } });
    }
    // The user's own file keeps the user's own values: take the policy away and they are back.
    expect(JSON.parse(readFileSync(join(dataDirectory, 'settings.json'), 'utf8'))).toMatchObject({ environment: 'demo', language: 'nl', consumerKey: 'own-key' });
    await services.close();
  });

  it('with a balie, offers only that one after login and chooses it', async () => {
    const { services, dispatch } = await withPolicy({ balie: '102' });
    const login = await dispatch('session:login', undefined);
    expect(login).toMatchObject({ ok: true, value: { loggedIn: true, balies: [{ id: '102' }], balie: { id: '102' } } });
    expect(await dispatch('session:chooseBalie', { balieId: '101' })).toEqual({ ok: false, error: { code: 'no-balie' } });
    await services.close();
  });
});

describe('a broken policy', () => {
  it('stops every request that could send anything, names the file and the key, and nothing goes out', async () => {
    const network = vi.fn(fetch);
    const { services, dispatch, file } = await withPolicy({ environment: 'production', uitidV2: { clientId: 'c', issuer: 'http://account.example.org' } }, undefined, network);
    await services.session.restore();
    const session = await dispatch('session:get', undefined);
    expect(session).toMatchObject({ ok: true, value: { policyProblem: { file, key: 'uitidV2.issuer', problem: 'wrong-value' } } });
    for (const [channel, payload] of [
      ['session:login', undefined],
      ['settings:save', { environment: 'demo' }],
      ['uitpas:getCard', { uitpasNumber: '0900000000017' }],
      ['uitpas:findPassholders', { query: '0900000000017' }],
    ] as const) {
      expect(await dispatch(channel, payload), channel).toEqual({ ok: false, error: { code: 'policy-broken' } });
    }
    expect(network).not.toHaveBeenCalled();
    await services.close();
  });

  it('that is not JSON names the whole file', async () => {
    const { services, dispatch, file } = await withPolicy('{ "environment": ');
    expect(await dispatch('session:get', undefined)).toMatchObject({ ok: true, value: { policyProblem: { file, key: null, problem: 'not-json' } } });
    await services.close();
  });
});

describe('a policy changed on disk', () => {
  it('reaches the page as a new session: locked, then stopped, then running again', async () => {
    const { services, file } = await withPolicy({ language: 'fr' });
    const views: SessionView[] = [];
    services.events.subscribe((channel, payload) => {
      if (channel === 'session:changed') views.push(payload as SessionView);
    });
    writeFileSync(file, JSON.stringify({ language: 'fr', environment: 'prod' }));
    await expect.poll(() => views.at(-1)?.policyProblem?.key, { timeout: 15_000, interval: 200 }).toBe('environment');
    writeFileSync(file, JSON.stringify({ language: 'nl', environment: 'acceptance' }));
    await expect.poll(() => views.at(-1)?.environment, { timeout: 15_000, interval: 200 }).toBe('acceptance');
    expect(views.at(-1)).toMatchObject({ language: 'nl', sources: { environment: 'policy' } });
    expect(views.at(-1)?.policyProblem).toBeUndefined();
    await services.close();
  }, 40_000);

  it('that leaves demo stops the simulator, as the settings switch does (issue 27 item 9)', async () => {
    const demos: Simulator[] = [];
    const { services, file, dispatch } = await withPolicy({ language: 'nl' }, undefined, fetch, async () => {
      const demo = await startSimulator();
      demos.push(demo);
      return demo;
    });
    const views: SessionView[] = [];
    services.events.subscribe((channel, payload) => {
      if (channel === 'session:changed') views.push(payload as SessionView);
    });
    await dispatch('session:login', undefined);
    await dispatch('session:chooseBalie', { balieId: '101' });
    const [demo] = demos;
    if (!demo) throw new Error('demo started');
    await expect(fetch(`${demo.prefix}/uitpas/passholder/search?name=*`)).resolves.toBeInstanceOf(Response);

    writeFileSync(file, JSON.stringify({ language: 'nl', environment: 'acceptance' }));
    await expect.poll(() => views.at(-1)?.environment, { timeout: 15_000, interval: 200 }).toBe('acceptance');
    // The view reaches the page after the simulator stopped: nothing listens there any more.
    await expect(fetch(`${demo.prefix}/uitpas/passholder/search?name=*`)).rejects.toThrow();
    await services.close();
  }, 40_000);
});
