/**
 * The counter's main flows in French, end to end: the language is chosen in
 * the settings and remembered by the workstation, and every screen of the flow
 * is French, words for codes from main included. Locators and expected texts
 * come from the French catalogue itself, so this file follows the catalogue;
 * each screen is also searched for Dutch sentences left behind. Screens are
 * saved to test-results/screenshots/fr-*.png.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBrowserHostApp, type BrowserHostApp } from '../../electron/browser-host/app';
import { cardNumber } from '../../electron/simulator/seed';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import { createPcscliteContext } from '../../native/pcsc/pcsclite-context';
import { fr } from '../../renderer/messages/fr';
import { nl } from '../../renderer/messages/nl';
import { testPki, testTrustAnchors, virtualCard } from '../support/card-fixtures';
import { chromiumAvailability, launchChromium } from '../support/chromium';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard, type InsertedCard, type VirtualCardBehaviour } from '../support/vpcd-card';

const projectRoot = resolve(import.meta.dirname, '../..');
const screenshots = join(projectRoot, 'test-results/screenshots');
const skip = skipWithout('pcscd met vpcd', inject('pcscd')) || skipWithout('Chromium', chromiumAvailability());
const gent = (sequence: number, kansenpas = false) => cardNumber('09000', sequence, kansenpas);

/** Dutch sentences (not names or words both languages share) that must not show on a French screen. */
function dutchSentences(tree: object): string[] {
  return Object.values(tree).flatMap((value: unknown) =>
    typeof value === 'string' ? (value.includes(' ') && value.length > 12 ? [value] : []) : typeof value === 'object' && value !== null ? dutchSentences(value) : [],
  );
}
const french = new Set(dutchSentences(fr));
const dutch = dutchSentences(nl).filter((sentence) => !french.has(sentence));

describe.skipIf(skip)('counter flows in French', () => {
  let host: BrowserHostApp | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let inserted: InsertedCard | undefined;
  let dataDirectory: string;
  let loseNextRegisterAnswer = false;

  const field = (name: string) => page.locator(`[name="${name}"]`);
  const fieldError = (name: string) => page.locator(`[data-field="${name}"] .field-error`);
  const eidCard = () => page.getByTestId('eid-card');
  /** Saves the screen, after checking that no Dutch sentence is on it. */
  const shot = async (name: string) => {
    const text = await page.evaluate(() => document.body.innerText);
    expect(dutch.filter((sentence) => text.includes(sentence)), name).toEqual([]);
    await page.screenshot({ path: join(screenshots, `fr-${name}.png`), fullPage: true });
  };
  const insert = async (card: VirtualCardBehaviour) => {
    await remove();
    inserted = await insertVirtualCard(card, 0);
  };
  const remove = async () => {
    await inserted?.remove();
    inserted = undefined;
  };
  const home = async () => {
    await page.getByRole('button', { name: fr.session.back }).last().click();
    await page.getByLabel(fr.home.searchLabel).waitFor();
  };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    dataDirectory = mkdtempSync(join(tmpdir(), 'balie-e2e-fr-'));
    host = await startBrowserHostApp({
      projectRoot,
      createPcscContext: createPcscliteContext,
      trustAnchors: testTrustAnchors(),
      dataDirectory,
      port: 0,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (loseNextRegisterAnswer && url.endsWith('/uitpas/passholder/register')) {
          loseNextRegisterAnswer = false;
          throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
        }
        return response;
      },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'fr-BE' });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(host.url);
  });

  afterAll(async () => {
    await remove();
    await browser?.close();
    await host?.close();
  });

  it('starts in Dutch; French is chosen in the settings, and the workstation remembers it', async () => {
    await page.getByRole('button', { name: nl.session.login }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await page.getByRole('button', { name: nl.session.settings }).first().click();
    await page.getByLabel(nl.settings.language).selectOption('fr');
    await page.getByRole('button', { name: nl.settings.save }).click();
    await page.getByText(fr.settings.saved).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(JSON.parse(readFileSync(join(dataDirectory, 'settings.json'), 'utf8'))).toMatchObject({ language: 'fr' });
    await shot('01-settings');

    await page.reload();
    await page.getByRole('button', { name: fr.session.login }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await shot('02-login');
  });

  it('logs in and chooses the comptoir', async () => {
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Demo-balie Gent Centrum' }).waitFor();
    await shot('03-balie');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('balie').textContent()).toBe(fr.labelled(fr.session.balie, 'Demo-balie Gent Centrum'));
    await shot('04-home');
  });

  it('reads an eID, checks the card and its price, and registers: verified', async () => {
    await insert(virtualCard({ person: virtualPeople.lukas, appletVersion: '1.8' }));
    await expect.poll(() => eidCard().getAttribute('data-verified'), { timeout: 15_000 }).toBe('yes');
    await page.getByText(fr.eid.notFound).waitFor();
    expect(await eidCard().textContent()).toContain(fr.eid.verified);
    await shot('05-home-eid-read');
    await page.getByTestId('eid-panel').getByRole('button', { name: fr.home.register }).click();
    expect(await field('name').inputValue()).toBe('Schmitz');
    await page.keyboard.type(gent(11));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('card-status').textContent()).toBe(fr.register.cardOk('UiTPAS Gent', false));
    await expect.poll(() => page.getByTestId('price').textContent()).toBe(fr.register.price('5.00'));
    await shot('06-register-filled');
    await page.getByRole('button', { name: fr.register.submit }).click();
    await expect.poll(() => page.getByTestId('registered').textContent()).toBe(fr.register.doneText('Lukas Schmitz', gent(11)));
    await page.getByText(fr.register.doneVerified).waitFor();
    await shot('07-registered');
    await page.keyboard.press('Enter');
  });

  it('offers the existing pass holder, and replaces a lost card there', async () => {
    await page.getByTestId('existing-passholder').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('existing-passholder').textContent()).toContain(fr.eid.existing('Lukas Schmitz'));
    await page.getByRole('button', { name: fr.labelled(fr.home.open, 'Lukas Schmitz') }).click();
    await page.getByRole('button', { name: fr.passholder.newCard }).click();
    await field('uitpasNumber').fill(gent(12));
    expect(await field('reason').inputValue()).toBe('LOSS_THEFT');
    await shot('08-new-card');
    await field('uitpasNumber').press('Enter');
    await expect.poll(() => page.getByTestId('done').textContent()).toBe(fr.passholder.newCardDone(gent(12)));
    await shot('09-passholder');
    await remove();
    await home();
  });

  it("puts UiTPAS's refusal, in French, on the field it concerns", async () => {
    await page.getByRole('button', { name: fr.home.register }).first().click();
    await field('uitpasNumber').fill(gent(2));
    await field('voucherNumber').fill('GENT-2026-0099');
    for (const [name, value] of [['name', 'Peeters'], ['firstName', 'Els'], ['inszNumber', '96081315176'], ['dateOfBirth', '1996-08-13'], ['postalCode', '9000'], ['city', 'Gent']]) {
      await field(name!).fill(value!);
    }
    await page.getByRole('button', { name: fr.register.submit }).click();
    await expect.poll(() => fieldError('voucherNumber').textContent()).toBe(fr.uitpasCodes.INVALID_VOUCHER_STATUS);
    await shot('10-server-error-on-field');
  });

  it('checks the rules before sending, in French', async () => {
    await field('inszNumber').fill('96081315177');
    await field('uitpasNumber').fill('0900000000101');
    await page.getByRole('button', { name: fr.register.submit }).click();
    await expect.poll(() => fieldError('inszNumber').textContent()).toBe(fr.fieldProblems['insz-check-digits']);
    expect(await fieldError('uitpasNumber').textContent()).toBe(fr.fieldProblems['uitpas-number-check-digit']);
    await page.getByText(fr.errors.fixFields).waitFor();
    await shot('11-rules-before-sending');
  });

  it('after an unknown outcome, says to look up first, and the look-up settles it', async () => {
    await field('inszNumber').fill('96081315176');
    await field('uitpasNumber').fill(gent(3));
    await field('voucherNumber').fill('');
    loseNextRegisterAnswer = true;
    await page.getByRole('button', { name: fr.register.submit }).click();
    const notice = page.getByTestId('error-notice');
    await expect.poll(() => notice.textContent()).toContain(fr.errors.outcomeUnknown);
    expect(await notice.textContent()).toContain(fr.errors.outcomeUnknownTitle);
    await shot('12-outcome-unknown');
    await page.getByRole('button', { name: fr.errors.lookUp }).click();
    await expect.poll(() => page.getByTestId('lookup-result').textContent()).toBe(fr.errors.lookedUpFound);
    await shot('13-outcome-settled');
    await home();
  });

  it('says why a forged card is not verified, and when a card is pulled mid-read', async () => {
    await insert(virtualCard({ pki: testPki('rsa', 'forger'), person: virtualPeople.jonas }));
    await expect.poll(() => eidCard().getAttribute('data-verified'), { timeout: 15_000 }).toBe('no');
    expect(await eidCard().textContent()).toContain(fr.labelled(fr.eid.notVerified, fr.eid.notVerifiedWhy.untrusted));
    await shot('14-forged-card');

    const card = virtualCard({ person: virtualPeople.jonas });
    const pulling: { handle?: InsertedCard } = {};
    await remove();
    pulling.handle = await insertVirtualCard({
      atr: card.atr,
      transmit: (apdu) => {
        if (pulling.handle && pulling.handle.apdus.length > 8) void pulling.handle.remove();
        return card.transmit(apdu);
      },
    });
    await page.getByText(fr.eidCauses['card-removed']).waitFor({ timeout: 15_000 });
    await shot('15-card-pulled');
  });

  it('switches back to Dutch from the settings', async () => {
    await page.getByRole('button', { name: fr.session.settings }).click();
    await shot('16-settings');
    await page.getByLabel(fr.settings.language).selectOption('nl');
    await page.getByRole('button', { name: fr.settings.save }).click();
    await page.getByText(nl.settings.saved).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
  });
});
