/**
 * What municipal IT sees and sets, in Chromium through the browser host, on both counter PCs: the machine
 * policy's settings shown locked in Instellingen, the support screen (readers with their roles, a reader
 * test with a real read over pcscd, UiTPAS and UiTiD tried, "Rapport kopiëren"), and a policy broken on
 * disk stopping the app in a screen that names the file and the key, then mended.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { policyFile } from '../../electron/settings/policy-source';
import { fr } from '../../renderer/messages/fr';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import { virtualCard } from '../support/card-fixtures';
import { chromiumAvailability, counterPcs } from '../support/chromium';
import { skipWithout } from '../support/real-parts';
import { cardSlot, openCounter, projectRoot, type CounterSession } from './counter-session';
import { expectFocusOn } from './page-checks';
import { pageHelpers } from './page-helpers';

const skip = skipWithout('pcscd met vpcd', inject('pcscd')) || skipWithout('Chromium', chromiumAvailability());
const policy = { environment: 'demo', language: 'nl', readerRoles: { eidreader: ['Virtual PCD 00 00'], nfcreader: ['Virtual PCD 00 01'] }, logLevel: 'info' };

describe.skipIf(skip).each(counterPcs)('IT: policy and support screen on $name', (pc) => {
  const screenshots = join(projectRoot, 'test-results/screenshots', pc.name);
  let counter: CounterSession | undefined;
  let page: Page;
  let file = '';
  const { insert, remove } = cardSlot();
  const { shot } = pageHelpers(() => page, screenshots);

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const policyRoot = mkdtempSync(join(tmpdir(), 'balie-e2e-it-'));
    file = policyFile(process.platform, policyRoot);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(policy));
    counter = await openCounter({ name: `it-${pc.name}`, page: { viewport: pc.viewport, locale: pc.locale, timezoneId: pc.timezoneId }, policyRoot });
    page = counter.page;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  afterAll(async () => {
    await remove();
    await counter?.close();
  });

  it('shows what the policy sets as locked in Instellingen, and the rest still editable', async () => {
    await page.locator('.topbar').getByRole('button', { name: 'Instellingen' }).click();
    await expect.poll(() => page.getByLabel(/^Omgeving/).isDisabled()).toBe(true);
    expect(await page.getByLabel(/^Taal/).isDisabled()).toBe(true);
    expect(await page.locator('.locked-note').allTextContents()).toEqual(['(Vastgelegd door je IT-dienst)', '(Vastgelegd door je IT-dienst)']);
    expect(await page.getByTestId('login-kind').textContent()).toBe('Aanmelden met UiTiD v1 (geen client id ingesteld)');
    // Both fields it would start in are locked: the focus waits on Terug, in sight.
    await expectFocusOn(page, { text: 'Terug' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(pc.viewport.width);
    await shot('it-settings-locked');
    await page.getByRole('button', { name: 'Terug' }).click();
  });

  it('the support screen: readers with their roles, a reader test without personal data, the network, and a copied report', async () => {
    await page.getByRole('button', { name: 'Hulp', exact: true }).click();
    await expectFocusOn(page, { text: 'Hulp bij problemen' });
    await expect.poll(() => page.getByTestId('support-readers').textContent()).toContain('Virtual PCD 00 00 – voor de eID – leeg');
    expect(await page.getByTestId('support-readers').textContent()).toContain('Virtual PCD 00 01 – voor UiTPAS-kaarten (NFC) – leeg');
    await expect.poll(() => page.getByTestId('support-network').textContent(), { timeout: 10_000 }).toMatch(/UiTPAS: bereikbaar \(\d+ ms\); proxy: DIRECT \(Node fetch\); klok [+-]?\d+ s/);
    expect(await page.getByTestId('support-sources').textContent()).toContain('readerRoles: beleid van je IT-dienst');

    await insert(virtualCard({ person: virtualPeople.zoe }));
    await expect.poll(() => page.getByTestId('support-reads').textContent(), { timeout: 20_000 }).toMatch(/Virtual PCD 00 00: eID, \d+ APDU's, \d+ ms, gelezen/);
    const shown = (await page.locator('main').textContent()) ?? '';
    for (const personal of [virtualPeople.zoe.nationalNumber, virtualPeople.zoe.surname, virtualPeople.zoe.street]) expect(shown).not.toContain(personal);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(pc.viewport.width);
    await shot('it-support');

    await page.getByRole('button', { name: 'Rapport kopiëren' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Gekopieerd: plak het in je melding.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('UiTPAS Balie support report');
    expect(copied).toContain('reader: Virtual PCD 00 00 [eidreader] card present');
    expect(copied).not.toContain(virtualPeople.zoe.nationalNumber);
    await remove();
    await page.getByRole('button', { name: 'Terug' }).click();
  });

  it('the support screen lists what the policy set that this version ignores, the proxy in force and the update state', async () => {
    // A key this version does not know and a proxy without its rules: ignored and listed, the rest obeyed.
    writeFileSync(file, JSON.stringify({ ...policy, proxy: { mode: 'fixed_servers' }, futureKey: true }));
    await page.getByRole('button', { name: 'Hulp', exact: true }).click();
    // The report is made when asked: asked again until the app has seen IT's change.
    const reportAgain = async (testId: string) => {
      await page.getByRole('button', { name: 'Opnieuw testen' }).click();
      await page.getByRole('button', { name: 'Opnieuw testen' }).waitFor();
      return page.getByTestId(testId).locator('li').allTextContents();
    };
    await expect.poll(() => reportAgain('support-ignored'), { timeout: 10_000 }).toEqual([
      'proxy.proxyRules: ongeldige waarde',
      'futureKey: onbekend in deze versie',
    ]);
    expect(await page.getByTestId('support-proxy').textContent()).toBe('system (van het systeem)');
    expect(await page.getByTestId('support-sources').textContent()).toContain('readerRoles: beleid van je IT-dienst');
    // The browser host never updates itself, and says so.
    expect(await page.getByTestId('support-updates').textContent()).toBe('geen: deze ontwikkelomgeving werkt zichzelf niet bij');
    await shot('it-support-ignored');
    // IT mends the proxy: it is the policy's now, and nothing is ignored any more.
    writeFileSync(file, JSON.stringify({ ...policy, proxy: { mode: 'fixed_servers', proxyRules: 'http://proxy.gemeente.test:8080' } }));
    await expect.poll(() => reportAgain('support-ignored'), { timeout: 10_000 }).toEqual([]);
    expect(await page.getByTestId('support-proxy').textContent()).toBe('fixed_servers (van het beleid)');
    writeFileSync(file, JSON.stringify(policy));
    await page.getByRole('button', { name: 'Terug' }).click();
  });

  it('a proxy asking for a user name and password: the app’s dialog, the answer to main, kept nowhere; Escape cancels', async () => {
    const ask = counter!.host.askProxyCredentials;
    const dialog = page.getByTestId('proxy-credentials');
    const answered = ask({ host: 'proxy.gemeente.test', port: 8080, realm: 'Gemeente', scheme: 'basic' });
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe('Aanmelden bij de proxy');
    expect(await dialog.textContent()).toContain('De proxy proxy.gemeente.test:8080 vraagt een gebruikersnaam en wachtwoord');
    await expectFocusOn(page, { id: 'proxy-username' });
    await shot('it-proxy-credentials');
    await page.keyboard.type('GEMEENTE\\balie1');
    await page.keyboard.press('Tab');
    await expectFocusOn(page, { id: 'proxy-password' });
    await page.keyboard.type('verzonnen-Wachtwoord-7');
    await page.keyboard.press('Enter');
    expect(await answered).toEqual({ username: 'GEMEENTE\\balie1', password: 'verzonnen-Wachtwoord-7' });
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.content()).not.toContain('verzonnen-Wachtwoord-7');

    const cancelled = ask({ host: 'proxy.gemeente.test', port: 3128, realm: 'Gemeente', scheme: 'basic' });
    await dialog.waitFor();
    // A new question starts empty.
    expect(await page.locator('#proxy-username').inputValue()).toBe('');
    await page.keyboard.press('Escape');
    expect(await cancelled).toBeNull();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(counter!.browserDialogs).toEqual([]);
  });

  it('a policy broken on disk stops the app in a screen naming file and key; mended, the app goes on', async () => {
    // A wrong proxy or a key this version does not know is ignored and listed; a phishing issuer stops the app.
    writeFileSync(file, JSON.stringify({ ...policy, proxy: { mode: 'fixed_servers' }, futureKey: true, uitidV2: { clientId: 'c', issuer: 'http://account.example.org' } }));
    await expect.poll(() => page.getByTestId('policy-key').textContent(), { timeout: 10_000 }).toBe('uitidV2.issuer');
    expect(await page.getByTestId('policy-file').textContent()).toBe(file);
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('De app kan niet starten');
    await expectFocusOn(page, { text: 'De app kan niet starten' });
    expect(await page.getByRole('button', { name: 'Instellingen' }).count()).toBe(0);
    await shot('it-policy-broken');
    // The stop screen speaks the language the policy asks for.
    writeFileSync(file, JSON.stringify({ ...policy, language: 'fr', uitidV2: { clientId: 'c', issuer: 'http://account.example.org' } }));
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent(), { timeout: 10_000 }).toBe(fr.policy.title);
    writeFileSync(file, JSON.stringify(policy));
    await expect.poll(() => page.getByTestId('policy-problem').count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole('button', { name: 'Aanmelden bij UiTiD' }).waitFor();
  });

  it('a policy that keeps eID photos from UiTPAS: the photo tick-boxes are unticked and locked, saying who decided', async () => {
    writeFileSync(file, JSON.stringify({ ...policy, storeEidPhoto: false }));
    await page.locator('.topbar').getByRole('button', { name: 'Instellingen' }).click();
    await expect.poll(() => page.locator('#storeEidPhoto').isDisabled(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('label[for="storeEidPhoto"] .locked-note').textContent()).toBe('(Vastgelegd door je IT-dienst)');
    await page.getByRole('button', { name: 'Terug' }).click();
    await page.getByRole('button', { name: 'Aanmelden bij UiTiD' }).click();
    await page.getByRole('button', { name: 'Demo-balie Gent Centrum' }).click();
    await page.locator('#demo-person').selectOption('jonas');
    await page.getByRole('button', { name: 'Oefenkaart insteken', exact: true }).click();
    await page.getByTestId('eid-panel').getByRole('button', { name: 'Nieuwe pashouder registreren' }).click({ timeout: 15_000 });
    const storePhoto = page.locator('#field-storePhoto');
    expect(await storePhoto.isChecked()).toBe(false);
    expect(await storePhoto.isDisabled()).toBe(true);
    expect(await page.locator('label[for="field-storePhoto"] .locked-note').textContent()).toBe('(Vastgelegd door je IT-dienst)');
    await shot('it-photo-locked');
    writeFileSync(file, JSON.stringify(policy));
  });
});
