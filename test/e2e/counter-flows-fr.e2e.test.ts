/**
 * The counter's main flows in French, end to end: the language is chosen in
 * the settings and remembered by the workstation, and every screen of the flow
 * is French, words for codes from main included. Locators and expected texts
 * come from the French catalogue itself, so this file follows the catalogue;
 * each screen is also searched for Dutch sentences left behind. Driven as
 * counter-flows.e2e.test.ts drives the Dutch flows (one card check, then
 * register; the focus checked on the way), on the small office PC (1024×640):
 * every screen is held to axe's rules and saved as the staff member sees it to
 * test-results/screenshots/fr-*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cardNumber } from '../../electron/simulator/seed';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import { formatAmount, formatUitpasNumber } from '../../renderer/format/numbers';
import { fr } from '../../renderer/messages/fr';
import { nl } from '../../renderer/messages/nl';
import { testPki, virtualCard } from '../support/card-fixtures';
import { chromiumAvailability, counterPcs } from '../support/chromium';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard, type InsertedCard } from '../support/vpcd-card';
import { inSight } from './page-checks';
import { cardSlot, type CounterSession, openCounter, projectRoot, registerFaults } from './counter-session';
import { pageHelpers } from './page-helpers';

const screenshots = join(projectRoot, 'test-results/screenshots');
const skip = skipWithout('pcscd met vpcd', inject('pcscd')) || skipWithout('Chromium', chromiumAvailability());
const gent = (sequence: number, kansenpas = false) => cardNumber('09000', sequence, kansenpas);
/** A French-speaking counter in Brussels on the small office PC. */
const viewport = counterPcs.find((pc) => pc.viewport.width === 1024)?.viewport ?? { width: 1024, height: 640 };

/** Dutch sentences (not names or words both languages share) that must not show on a French screen. */
function dutchSentences(tree: object): string[] {
  return Object.values(tree).flatMap((value: unknown) =>
    typeof value === 'string' ? (value.includes(' ') && value.length > 12 ? [value] : []) : typeof value === 'object' && value !== null ? dutchSentences(value) : [],
  );
}
const french = new Set(dutchSentences(fr));
const dutch = dutchSentences(nl).filter((sentence) => !french.has(sentence));

describe.skipIf(skip)('counter flows in French', () => {
  let counter: CounterSession | undefined;
  let page: Page;
  let dataDirectory: string;
  const { insert, remove } = cardSlot();
  const faults = registerFaults();
  const helpers = pageHelpers(() => page, screenshots, 'fr-');
  const { field, fieldError, dialog, expectFocus } = helpers;
  const eidCard = () => page.getByTestId('eid-card');
  /** Saves what the staff member sees, after checking that no Dutch sentence is on the page, and holds it to axe's rules. */
  const shot = async (name: string) => {
    const text = await page.evaluate(() => document.body.innerText);
    expect(dutch.filter((sentence) => text.includes(sentence)), name).toEqual([]);
    await helpers.shot(name);
  };
  const home = async () => {
    await page.getByRole('button', { name: fr.session.back }).last().click();
    if ((await dialog().count()) > 0) await dialog().getByRole('button', { name: fr.dialog.yes }).click();
    await page.getByLabel(fr.home.searchLabel).waitFor();
    await expectFocus({ id: 'search' });
  };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    counter = await openCounter({
      name: 'fr',
      page: { viewport, locale: 'fr-BE', timezoneId: 'Europe/Brussels' },
      fetch: faults.fetch,
    });
    page = counter.page;
    dataDirectory = counter.dataDirectory;
  });

  afterAll(async () => {
    await remove();
    await counter?.close();
    expect(counter?.browserDialogs).toEqual([]);
  });

  it('starts in French on a French PC; French saved in the settings, the workstation remembers it', async () => {
    await page.getByRole('button', { name: fr.session.login }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByRole('button', { name: fr.session.settings }).first().click();
    await expectFocus({ id: 'environment' });
    expect(await page.getByLabel(fr.settings.language).inputValue()).toBe('fr');
    await page.getByRole('button', { name: fr.settings.save }).click();
    await page.getByText(fr.settings.saved).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(JSON.parse(readFileSync(join(dataDirectory, 'settings.json'), 'utf8'))).toMatchObject({ language: 'fr' });
    await shot('01-settings');

    await page.reload();
    await page.getByRole('button', { name: fr.session.login }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expectFocus({ text: fr.session.login });
    await shot('02-login');
  });

  it('logs in and chooses the comptoir', async () => {
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Demo-balie Gent Centrum' }).waitFor();
    await expectFocus({ text: 'Demo-balie Gent Centrum' });
    await shot('03-balie');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('balie').textContent()).toBe(fr.labelled(fr.session.balie, 'Demo-balie Gent Centrum'));
    await expectFocus({ id: 'search' });
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
    // The Belgian order, as in Dutch.
    expect(await field('dateOfBirth').inputValue()).toBe('12/03/2005');
    expect(await page.locator('.eid-mark-verified').first().textContent()).toBe(`${fr.eid.shortMark.verified}${fr.eid.mark.verified}`);
    await expectFocus({ name: 'uitpasNumber' });
    // The scanner's Enter checks the card and shows the price; nothing is registered yet.
    await page.keyboard.type(gent(11));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('card-status').textContent()).toBe(fr.register.cardOk('UiTPAS Gent', false));
    await expect.poll(() => page.getByTestId('price').textContent()).toBe(fr.register.price(formatAmount('5.00')));
    expect(await page.getByTestId('registered').count()).toBe(0);
    await expectFocus({ name: 'email' });
    expect(await inSight(page, '[data-testid="price"]')).toBe(true);
    // A French label on two lines leaves its box whole: every checkbox the same size.
    const boxWidths = await page.locator('input[type="checkbox"]').evaluateAll((boxes) => boxes.map((box) => Math.round(box.getBoundingClientRect().width)));
    expect(new Set(boxWidths).size, boxWidths.join(' ')).toBe(1);
    await shot('06-register-filled');
    // The contact, message and terms questions are answered before anything is sent.
    for (const question of ['noContact', 'noOptIns', 'legalTermsPaper']) await field(question).check();
    await page.getByRole('button', { name: fr.register.submit, exact: true }).click();
    await expect.poll(() => page.getByTestId('registered').textContent()).toBe(fr.register.doneText('Lukas Schmitz', formatUitpasNumber(gent(11))));
    expect(await page.getByTestId('collect').textContent()).toBe(`${fr.register.collect(formatAmount('5.00'))} ${fr.register.handOver}`);
    await page.getByText(fr.register.doneVerified).waitFor();
    await expectFocus({ testId: 'done-message' });
    await shot('07-registered');
    await page.getByRole('button', { name: fr.register.another }).click();
    await expectFocus({ id: 'search' });
  });

  it('offers the existing pass holder, and replaces a lost card there: Enter checks the card first, the next Enter registers', async () => {
    await page.getByTestId('existing-passholder').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('existing-passholder').textContent()).toContain(fr.eid.existing('Lukas Schmitz'));
    await page.getByRole('button', { name: fr.labelled(fr.home.open, 'Lukas Schmitz') }).click();
    await expectFocus({ testId: 'passholder-name' });
    await page.getByRole('button', { name: fr.passholder.newCard }).click();
    await expectFocus({ name: 'uitpasNumber' });
    await page.keyboard.type(gent(12));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('price').textContent()).toBe(fr.register.price(formatAmount('3.00')));
    expect(await field('reason').inputValue()).toBe('LOSS_THEFT');
    expect(await page.getByTestId('done').count()).toBe(0);
    await expectFocus({ name: 'submit', text: fr.passholder.register });
    await shot('08-new-card');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('done').textContent())
      .toBe(
        `${fr.passholder.newCardDone(formatUitpasNumber(gent(12)))} ${fr.register.collect(formatAmount('3.00'))} ${fr.passholder.oldCardBlocked(formatUitpasNumber(gent(11)))}`,
      );
    await expectFocus({ testId: 'done' });
    await shot('09-passholder');
    await remove();
    await home();
  });

  it("puts UiTPAS's refusals, in French, on the field they concern: the voucher at the card check, the INSZ at registering", async () => {
    await page.getByRole('button', { name: fr.home.register }).first().click();
    await expectFocus({ name: 'name' });
    await field('uitpasNumber').fill(gent(2));
    await field('voucherNumber').fill('GENT-2026-0099');
    await field('voucherNumber').press('Enter');
    await expect.poll(() => fieldError('voucherNumber').textContent()).toBe(fr.uitpasCodes.INVALID_VOUCHER_STATUS);
    await expectFocus({ name: 'voucherNumber' });
    await shot('10-voucher-refused');

    await field('voucherNumber').fill('');
    // Lukas has this INSZ already, typed here: only UiTPAS says so.
    for (const [name, value] of [['name', 'Peeters'], ['firstName', 'Els'], ['inszNumber', '05031208796'], ['dateOfBirth', '12/03/2005'], ['postalCode', '9000'], ['city', 'Gent']] as const) {
      await field(name).fill(value);
    }
    // With the birth date known, the message question is asked too; all three are answered first.
    for (const question of ['noContact', 'noOptIns', 'noLegalTerms']) await field(question).check();
    await field('uitpasNumber').press('Enter');
    await expect.poll(() => page.getByTestId('price').textContent()).toBe(fr.register.price(formatAmount('5.00')));
    await page.getByRole('button', { name: fr.register.submit, exact: true }).click();
    await expect.poll(() => fieldError('inszNumber').textContent()).toBe(fr.uitpasCodes.INSZ_ALREADY_USED);
    await expectFocus({ name: 'inszNumber' });
    expect(await field('name').inputValue()).toBe('Peeters');
    await shot('11-server-error-on-field');
  });

  it('checks the rules before sending, in French', async () => {
    // A wrong check digit in the card number: the card check says so without asking UiTPAS.
    await field('uitpasNumber').fill('0900000000101');
    await page.getByRole('button', { name: fr.register.checkCard, exact: true }).click();
    await expect.poll(() => fieldError('uitpasNumber').textContent()).toBe(fr.fieldProblems['uitpas-number-check-digit']);
    await expectFocus({ name: 'uitpasNumber' });
    await shot('12-card-number-rule');

    await field('uitpasNumber').fill(gent(3));
    await field('inszNumber').fill('96081315177');
    await field('dateOfBirth').fill('13/08/1996');
    await field('uitpasNumber').press('Enter');
    await expect.poll(() => page.getByTestId('price').textContent()).toBe(fr.register.price(formatAmount('5.00')));
    await page.getByRole('button', { name: fr.register.submit, exact: true }).click();
    await expect.poll(() => fieldError('inszNumber').textContent()).toBe(fr.fieldProblems['insz-check-digits']);
    await page.getByText(fr.errors.fixFields).waitFor();
    await expectFocus({ name: 'inszNumber' });
    await shot('13-rules-before-sending');
  });

  it('after an unknown outcome, says to look up first, and the look-up settles it', async () => {
    await field('inszNumber').fill('96081315176');
    faults.next = 'answer-lost';
    await page.getByRole('button', { name: fr.register.submit, exact: true }).click();
    const notice = page.getByTestId('error-notice');
    await expect.poll(() => notice.textContent()).toContain(fr.errors.outcomeUnknown);
    expect(await notice.textContent()).toContain(fr.errors.outcomeUnknownTitle);
    // Nothing to send again until the look-up has settled it.
    expect(await page.getByRole('button', { name: fr.register.submit, exact: true }).count()).toBe(0);
    await expectFocus({ text: fr.errors.lookUp });
    await shot('14-outcome-unknown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('registered').textContent()).toBe(fr.register.doneText('Els Peeters', formatUitpasNumber(gent(3))));
    await page.getByText(fr.errors.lookedUpFound).waitFor();
    await expectFocus({ testId: 'done-message' });
    await shot('15-outcome-settled');
    await page.getByRole('button', { name: fr.register.another }).click();
    await expectFocus({ id: 'search' });
  });

  it('says why a forged card is not verified, and when a card is pulled mid-read', async () => {
    await insert(virtualCard({ pki: testPki('rsa', 'forger'), person: virtualPeople.jonas }));
    await expect.poll(() => eidCard().getAttribute('data-verified'), { timeout: 15_000 }).toBe('no');
    expect(await eidCard().textContent()).toContain(fr.labelled(fr.eid.notVerified, fr.eid.notVerifiedWhy.untrusted));
    await shot('16-forged-card');

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
    await shot('17-card-pulled');
  });

  it('switches back to Dutch from the settings, and keeps Dutch after a reload', async () => {
    await page.getByRole('button', { name: fr.session.settings }).click();
    await expectFocus({ id: 'environment' });
    await shot('18-settings');
    await page.getByLabel(fr.settings.language).selectOption('nl');
    await page.getByRole('button', { name: fr.settings.save }).click();
    await page.getByText(nl.settings.saved).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await page.reload();
    await page.getByRole('button', { name: nl.session.settings }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
  });
});
