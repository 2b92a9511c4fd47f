/** The staff session in main: settings, login against the simulator, balie choice, and where secrets go. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BalieFailure } from '../../../electron/ipc/dispatch';
import { SecretStore } from '../../../electron/settings/secret-store';
import { SettingsStore } from '../../../electron/settings/settings-store';
import { authorizeAtSimulator } from '../../../electron/simulator/headless-authorize';
import { cardNumber } from '../../../electron/simulator/seed';
import { startSimulator, type Simulator } from '../../../electron/simulator/server';
import { UitpasSession } from '../../../electron/uitpas/session';
import { memoryCipher } from '../../support/memory-cipher';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

function newSession(cipher = memoryCipher()) {
  const directory = mkdtempSync(join(tmpdir(), 'balie-session-'));
  const session = new UitpasSession({
    settings: new SettingsStore(join(directory, 'settings.json')),
    secrets: new SecretStore(join(directory, 'secrets'), cipher),
    showAuthorizePage: authorizeAtSimulator,
    demo: () => Promise.resolve(simulator),
  });
  return { session, directory, cipher };
}

async function failureCode(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof BalieFailure)) throw new Error(`expected a BalieFailure, got ${String(error)}`);
  return error.error.code;
}

describe('UitpasSession', () => {
  it('starts in demo, needing no credentials', async () => {
    const { session } = newSession();
    expect(await session.view()).toMatchObject({ environment: 'demo', loggedIn: false, hasConsumerSecret: true, balie: null });
    expect(await failureCode(session.client())).toBe('not-logged-in');
  });

  it('logs in through the three OAuth legs, lists the balies, and asks which one', async () => {
    const { session } = newSession();
    const view = await session.logIn();
    expect(view).toMatchObject({ loggedIn: true, balie: null });
    expect(view.balies.map((balie) => balie.name)).toEqual(['Demo-balie Gent Centrum', 'Demo-balie Aalst Bibliotheek']);
    expect(await failureCode(session.client())).toBe('no-balie');
    const chosen = await session.chooseBalie('101');
    expect(chosen.balie).toMatchObject({ name: 'Demo-balie Gent Centrum', cardSystems: [{ permissions: ['registratie', 'kansenstatuut toekennen'] }, { permissions: ['registratie'] }] });
    const client = await session.client();
    expect((await client.getCard(cardNumber('09000', 1, false))).status).toBe('LOCAL_STOCK');
  });

  it('speaks Dutch by default and remembers the language chosen on this workstation, keeping the login', async () => {
    const { session, directory } = newSession();
    expect((await session.view()).language).toBe('nl');
    await session.logIn();
    const view = await session.changeSettings({ environment: 'demo', language: 'fr' });
    expect(view).toMatchObject({ language: 'fr', loggedIn: true });
    expect(JSON.parse(readFileSync(join(directory, 'settings.json'), 'utf8'))).toMatchObject({ language: 'fr' });
    expect(await new SettingsStore(join(directory, 'settings.json')).load()).toMatchObject({ language: 'fr' });
    // Saving other settings leaves the language as it was.
    expect((await session.changeSettings({ environment: 'demo' })).language).toBe('fr');
  });

  it("takes a language it does not have as not chosen: the page then speaks the PC's language, or Dutch (issue 26 item 15)", async () => {
    const directory = mkdtempSync(join(tmpdir(), 'balie-settings-'));
    writeFileSync(join(directory, 'settings.json'), JSON.stringify({ environment: 'demo', language: 'de' }));
    const loaded = await new SettingsStore(join(directory, 'settings.json')).load();
    expect(loaded).toMatchObject({ environment: 'demo' });
    expect(loaded.language).toBeUndefined();
  });

  it('logs out and forgets the token', async () => {
    const { session } = newSession();
    await session.logIn();
    await session.chooseBalie('102');
    expect((await session.logOut()).loggedIn).toBe(false);
    expect(await failureCode(session.client())).toBe('not-logged-in');
  });

  it('keeps the consumer secret encrypted and out of settings.json, and never shows it', async () => {
    const { session, directory } = newSession();
    const view = await session.changeSettings({ environment: 'test', consumerKey: 'my-consumer', consumerSecret: 's3cr3t-consumer' });
    expect(view).toMatchObject({ environment: 'test', consumerKey: 'my-consumer', hasConsumerSecret: true });
    expect(JSON.stringify(view)).not.toContain('s3cr3t-consumer');
    expect(readFileSync(join(directory, 'settings.json'), 'utf8')).not.toContain('s3cr3t-consumer');
    expect(readdirSync(join(directory, 'secrets'))).toEqual(['consumerSecret.bin']);
    expect(readFileSync(join(directory, 'secrets', 'consumerSecret.bin'), 'utf8')).not.toContain('s3cr3t-consumer');
  });

  it('refuses to store a secret where the OS has no secret store, rather than keep it in plain text', async () => {
    const { session, directory } = newSession(memoryCipher(false));
    expect(await failureCode(session.changeSettings({ environment: 'test', consumerKey: 'k', consumerSecret: 'plain' }))).toBe('secret-store-unavailable');
    expect(readdirSync(directory)).not.toContain('secrets');
    expect((await session.view()).secretStoreProblem).toBe('no-keyring');
  });

  it('asks for the key and secret before logging in to a real environment', async () => {
    const { session } = newSession();
    await session.changeSettings({ environment: 'production' });
    expect(await failureCode(session.logIn())).toBe('settings-incomplete');
  });

  it('logs out when the environment changes', async () => {
    const { session } = newSession();
    await session.logIn();
    const view = await session.changeSettings({ environment: 'acceptance', consumerKey: 'k', consumerSecret: 's' });
    expect(view).toMatchObject({ environment: 'acceptance', loggedIn: false, balies: [] });
  });
});
