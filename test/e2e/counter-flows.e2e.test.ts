/**
 * The counter's flows, end to end: the built renderer in Chromium through the
 * browser host, the demo simulator behind it, and eIDs read for real through
 * pcscd and vpcd. Every screen is saved to test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBrowserHostApp, type BrowserHostApp } from '../../electron/browser-host/app';
import { cardNumber } from '../../electron/simulator/seed';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import { createPcscliteContext } from '../../native/pcsc/pcsclite-context';
import { testPki, testTrustAnchors, virtualCard } from '../support/card-fixtures';
import { chromiumAvailability, launchChromium } from '../support/chromium';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard, type InsertedCard, type VirtualCardBehaviour } from '../support/vpcd-card';

const projectRoot = resolve(import.meta.dirname, '../..');
const screenshots = join(projectRoot, 'test-results/screenshots');
const skip = skipWithout('pcscd met vpcd', inject('pcscd')) || skipWithout('Chromium', chromiumAvailability());
const gent = (sequence: number, kansenpas = false) => cardNumber('09000', sequence, kansenpas);
const nextYear = new Date().getFullYear() + 1;

describe.skipIf(skip)('counter flows in Chromium, with eIDs over pcscd', () => {
  let host: BrowserHostApp | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let inserted: InsertedCard | undefined;
  /** The next registration POST reaches the simulator, but its answer is lost on the way back. */
  let loseNextRegisterAnswer = false;

  const shot = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  const insert = async (card: VirtualCardBehaviour) => {
    await remove();
    inserted = await insertVirtualCard(card, 0);
  };
  const remove = async () => {
    await inserted?.remove();
    inserted = undefined;
  };
  const eidCard = () => page.getByTestId('eid-card');
  const field = (name: string) => page.locator(`[name="${name}"]`);
  const fieldError = (name: string) => page.locator(`[data-field="${name}"] .field-error`);
  /** Questions the page asked with confirm(): each is answered yes. */
  const dialogs: string[] = [];
  const home = async () => {
    await page.getByRole('button', { name: 'Terug' }).last().click();
    await page.getByLabel('UiTPAS-nummer of rijksregisternummer').waitFor();
  };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    host = await startBrowserHostApp({
      projectRoot,
      createPcscContext: createPcscliteContext,
      trustAnchors: testTrustAnchors(),
      dataDirectory: mkdtempSync(join(tmpdir(), 'balie-e2e-')),
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
    page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'nl-BE' });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await page.goto(host.url);
  });

  afterAll(async () => {
    await remove();
    await browser?.close();
    await host?.close();
  });

  it('logs in (demo) and asks for the balie, then opens on the search field', async () => {
    await page.getByRole('button', { name: 'Aanmelden bij UiTiD' }).waitFor();
    await shot('01-login');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Demo-balie Gent Centrum' }).waitFor();
    await shot('02-balie');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('balie').textContent()).toBe('Balie: Demo-balie Gent Centrum');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await shot('03-home');
  });

  it('reads an eID, prefills the form, checks the card and price, and registers with the keyboard: verified', async () => {
    await insert(virtualCard({ person: virtualPeople.lukas, appletVersion: '1.8' }));
    await expect.poll(() => eidCard().getAttribute('data-verified'), { timeout: 15_000 }).toBe('yes');
    await page.getByText('Nog geen pashouder met dit rijksregisternummer.').waitFor();
    await shot('04-home-eid-read');
    await page.getByTestId('eid-panel').getByRole('button', { name: 'Nieuwe pashouder registreren' }).click();

    expect(await field('name').inputValue()).toBe('Schmitz');
    expect(await field('firstName').inputValue()).toBe('Lukas');
    expect(await field('inszNumber').inputValue()).toBe('05031208796');
    expect(await field('dateOfBirth').inputValue()).toBe('2005-03-12');
    expect(await field('street').inputValue()).toBe('Kirchstraße 7');
    expect(await page.locator('.field.from-eid').count()).toBe(10);
    // Focus goes to the first required field still empty: the card number.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('uitpasNumber');

    // A scanner types the number and Enter: that checks the card instead of submitting the form.
    await page.keyboard.type(gent(11));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('card-status').textContent()).toBe('Kaart van UiTPAS Gent, beschikbaar aan deze balie.');
    expect(await page.getByTestId('registered').count()).toBe(0);
    await expect.poll(() => page.getByTestId('price').textContent()).toBe('Te betalen: € 5,00');
    await field('gsm').fill('0470 11 22 33');
    await shot('05-register-filled');
    await remove();
    // Taking the card out keeps everything typed.
    await expect.poll(() => page.getByTestId('eid-card').count()).toBe(0);
    expect(await field('name').inputValue()).toBe('Schmitz');

    await field('gsm').press('Enter');
    await expect.poll(() => page.getByTestId('registered').textContent()).toBe(`Lukas Schmitz is geregistreerd met UiTPAS ${gent(11)}.`);
    expect(await page.getByTestId('registered-uid').textContent()).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByText('Gegevens geverifieerd met de eID.').waitFor();
    await shot('06-registered');
    await page.keyboard.press('Enter');
  });

  it('offers the existing pass holder when the same eID comes back, instead of a second registration', async () => {
    await insert(virtualCard({ person: virtualPeople.lukas, appletVersion: '1.8' }));
    await page.getByTestId('existing-passholder').waitFor({ timeout: 15_000 });
    // Open them, or register them in a card system of this balie they are not in yet.
    await page.getByTestId('existing-passholder').getByRole('button', { name: 'Registreren in ander kaartsysteem' }).waitFor();
    await shot('07-home-existing-passholder');
    await page.getByRole('button', { name: 'Openen: Lukas Schmitz' }).click();
    await expect.poll(() => page.getByTestId('passholder-name').textContent()).toMatch(/Lukas\s+Schmitz/);
    await shot('08-passholder');
  });

  it('replaces a lost card, the reason suggested from the cards', async () => {
    await page.getByRole('button', { name: 'Nieuwe kaart' }).click();
    await field('uitpasNumber').fill(gent(12));
    expect(await field('reason').inputValue()).toBe('LOSS_THEFT');
    await shot('09-new-card');
    await field('uitpasNumber').press('Enter');
    await expect.poll(() => page.getByTestId('done').textContent()).toBe(`Nieuwe kaart ${gent(12)} geregistreerd.`);
    await expect.poll(() => page.getByTestId('cards').textContent()).toContain(gent(12));
  });

  it('updates the pass holder', async () => {
    await page.getByRole('button', { name: 'Gegevens aanpassen' }).click();
    await field('email').fill('lukas.schmitz@example.org');
    await shot('10-update');
    await field('email').press('Enter');
    await expect.poll(() => page.getByTestId('done').textContent()).toBe('Bewaard.');
  });

  it('registers the pass holder in another card system, without a new card', async () => {
    await page.getByRole('button', { name: 'Registreren in ander kaartsysteem' }).click();
    expect(await field('cardSystem').inputValue()).toBe('2');
    await shot('11-register-in-card-system');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await expect.poll(() => page.getByTestId('done').textContent()).toBe('Geregistreerd in UiTPAS Regio Aalst.');
    await expect.poll(() => page.getByTestId('cards').textContent()).toContain('UiTPAS Regio Aalst');
    // Member of every card system of this balie now: the action is no longer offered.
    expect(await page.getByRole('button', { name: 'Registreren in ander kaartsysteem' }).count()).toBe(0);
    await home();
  });

  it('registers a kansenpas with kansenstatuut, then moves the end date (card-system data)', async () => {
    await insert(virtualCard({ person: virtualPeople.zoe }));
    await page.getByTestId('eid-panel').getByRole('button', { name: 'Nieuwe pashouder registreren' }).click({ timeout: 15_000 });
    await field('uitpasNumber').fill(gent(501, true));
    await page.getByRole('button', { name: 'Kaart controleren' }).click();
    await expect.poll(() => page.getByLabel('Kansenstatuut', { exact: true }).isChecked()).toBe(true);
    expect(await field('kansenStatuutEndDate').inputValue()).toBe(`${nextYear}-04-30`);
    await expect.poll(() => page.getByTestId('price').textContent()).toBe('Te betalen: € 1,50');
    await page.getByRole('button', { name: 'Registreren' }).click();
    await page.getByTestId('registered').waitFor();
    await page.keyboard.press('Enter');

    await page.getByLabel('UiTPAS-nummer of rijksregisternummer').fill('92.02.15-146.89');
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Gevonden pashouders' }).getByRole('button', { name: /Zoë Lambrecht/ }).click();
    await page.getByRole('button', { name: 'Kansenstatuut verlengen' }).click();
    await field('kansenStatuutEndDate').fill(`${nextYear}-12-31`);
    await shot('12-update-card-system-data');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await expect.poll(() => page.getByTestId('cards').textContent()).toContain(`kansenstatuut tot 31/12/${nextYear}`);
    await home();
  });

  it('puts a server error on the field it concerns, and keeps the form as it was', async () => {
    await remove();
    await page.getByRole('button', { name: 'Nieuwe pashouder registreren' }).first().click();
    await field('uitpasNumber').fill(gent(2));
    await field('voucherNumber').fill('GENT-2026-0099');
    for (const [name, value] of [['name', 'Peeters'], ['firstName', 'Els'], ['inszNumber', '96081315176'], ['dateOfBirth', '1996-08-13'], ['postalCode', '9000'], ['city', 'Gent']]) {
      await field(name!).fill(value!);
    }
    await page.getByRole('button', { name: 'Registreren' }).click();
    await expect.poll(() => fieldError('voucherNumber').textContent()).toBe('Deze voucher is al gebruikt.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('voucherNumber');
    expect(await field('name').inputValue()).toBe('Peeters');
    await shot('13-server-error-on-field');
  });

  it('checks the rules before sending: INSZ check digits, card number', async () => {
    await field('inszNumber').fill('96081315177');
    await field('uitpasNumber').fill('0900000000101');
    await page.getByRole('button', { name: 'Registreren' }).click();
    await expect.poll(() => fieldError('inszNumber').textContent()).toBe('Dit rijksregisternummer klopt niet (controlecijfers).');
    expect(await fieldError('uitpasNumber').textContent()).toMatch(/controlecijfer/);
    await shot('14-rules-before-sending');
  });

  it('after an unknown outcome, sends nothing again until the look-up settles it', async () => {
    await field('inszNumber').fill('96081315176');
    await field('uitpasNumber').fill(gent(3));
    await field('voucherNumber').fill('');
    loseNextRegisterAnswer = true;
    await page.getByRole('button', { name: 'Registreren' }).click();
    await page.getByText('Niet zeker of het gelukt is').waitFor();
    expect(await page.getByRole('button', { name: 'Registreren' }).isDisabled()).toBe(true);
    await shot('15-outcome-unknown');
    await page.getByRole('button', { name: 'Pashouder opzoeken' }).click();
    await expect.poll(() => page.getByTestId('lookup-result').textContent()).toBe('Gevonden: het is toch gelukt. Niet opnieuw versturen.');
    await shot('16-outcome-settled');
    await home();
  });

  it('asks before leaving a half-filled form', async () => {
    await page.getByRole('button', { name: 'Nieuwe pashouder registreren' }).first().click();
    await field('city').fill('Gent');
    dialogs.length = 0;
    await home();
    expect(dialogs).toEqual(['Je bent een formulier aan het invullen. Weggaan zonder te registreren?']);
  });

  it('asks before a second eID replaces what the staff typed', async () => {
    await page.getByRole('button', { name: 'Nieuwe pashouder registreren' }).first().click();
    await field('name').fill('Handmatig');
    await insert(virtualCard({ person: virtualPeople.aylin }));
    await page.getByRole('alertdialog').waitFor({ timeout: 15_000 });
    await shot('17-second-card-asks');
    await page.getByRole('button', { name: 'Formulier behouden' }).click();
    expect(await field('name').inputValue()).toBe('Handmatig');
    await home();
  });

  it('shows a forged card as not verified, and says why', async () => {
    await insert(virtualCard({ pki: testPki('rsa', 'forger'), person: virtualPeople.jonas }));
    await expect.poll(() => eidCard().getAttribute('data-verified'), { timeout: 15_000 }).toBe('no');
    expect(await eidCard().textContent()).toContain('Niet geverifieerd: de kaart is niet ondertekend door het Belgische Rijksregister');
    await shot('18-forged-card');
  });

  it('says so when the card is pulled mid-read', async () => {
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
    await page.getByText('De kaart werd uitgenomen tijdens het lezen').waitFor({ timeout: 15_000 });
    await shot('19-card-pulled');
  });

  it('demo eID: a made-up card through the same read path, in the demo environment only', async () => {
    await page.getByRole('button', { name: 'Oefenkaart insteken', exact: true }).click();
    await expect.poll(() => eidCard().getAttribute('data-verified'), { timeout: 15_000 }).toBe('yes');
    await page.getByRole('button', { name: 'Oefenkaart uitnemen' }).click();
    await expect.poll(() => eidCard().count()).toBe(0);
  });

  it('stays usable at 1280×720 and labels every field', async () => {
    await page.getByRole('button', { name: 'Nieuwe pashouder registreren' }).first().click();
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select')].filter((element) => !element.id || !document.querySelector(`label[for="${element.id}"]`)).map((element) => element.getAttribute('name')),
    );
    expect(unlabelled).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await shot('20-register-empty');
    await home();
    await page.getByRole('button', { name: 'Instellingen' }).click();
    await shot('21-settings');
  });
});
