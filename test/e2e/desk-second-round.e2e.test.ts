/**
 * The counter desk, second round (issue 20), end to end: what one stray Enter
 * must never do (send, close the done screen, discard typed work), the
 * kansenstatuut never changed behind the staff's back, no second registration
 * started, someone else's eID said plainly, a half-read card used for nothing.
 * Run on the English office PC (1024×640, New York time), on a French one
 * (1024×640, fr-BE, French chosen in the settings) and on a Dutch one
 * (1280×720); expected words come from the catalogue of the PC's language.
 * Every screen is held to axe's rules and saved to
 * test-results/screenshots/desk-<pc>/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cardNumber, seedPassholder } from '../../electron/simulator/seed';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import { formatAmount, formatUitpasNumber } from '../../renderer/format/numbers';
import { fr } from '../../renderer/messages/fr';
import { nl, type Messages } from '../../renderer/messages/nl';
import { virtualCard } from '../support/card-fixtures';
import { chromiumAvailability, counterPcs } from '../support/chromium';
import { skipWithout } from '../support/real-parts';
import type { VirtualCardBehaviour } from '../support/vpcd-card';
import { cardSlot, type CounterSession, openCounter, projectRoot, registerFaults } from './counter-session';
import { inSight } from './page-checks';
import { pageHelpers } from './page-helpers';

const skip = skipWithout('pcscd met vpcd', inject('pcscd')) || skipWithout('Chromium', chromiumAvailability());
const gent = (sequence: number, kansenpas = false) => cardNumber('09000', sequence, kansenpas);
const nextYear = new Date().getFullYear() + 1;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const pcs = [
  ...counterPcs.map((pc) => ({ ...pc, language: 'nl' as const })),
  { name: 'fr-BE-1024x640', viewport: { width: 1024, height: 640 }, locale: 'fr-BE', timezoneId: 'Europe/Brussels', language: 'fr' as const },
];

/**
 * A card whose identity file comes back cut off half-way (a read that stopped
 * part-way: the reader takes a short answer for the end of the file, see
 * native/beid/beid-protocol.ts readFile), everything else as the virtual card answers.
 */
function halfReadCard(card: VirtualCardBehaviour): VirtualCardBehaviour {
  const identityFile = 0x4031;
  let selected = 0;
  return {
    atr: card.atr,
    reset: () => card.reset?.(),
    transmit: async (apdu) => {
      const answer = await card.transmit(apdu);
      const instruction = apdu[1];
      if (instruction === 0xa4 && apdu.length >= 7) {
        const data = apdu.subarray(5, 5 + (apdu[4] ?? 0));
        selected = data.readUInt16BE(data.length - 2);
      }
      const ok = answer.length >= 2 && answer.readUInt16BE(answer.length - 2) === 0x9000;
      if (instruction !== 0xb0 || selected !== identityFile || !ok || answer.length < 40) return answer;
      const data = answer.subarray(0, answer.length - 2);
      return Buffer.concat([data.subarray(0, Math.floor(data.length / 2)), Buffer.from([0x90, 0x00])]);
    },
  };
}

describe.skipIf(skip).each(pcs)('the counter desk, second round, on $name', (pc) => {
  const t: Messages = pc.language === 'fr' ? fr : nl;
  const screenshots = join(projectRoot, 'test-results/screenshots', `desk-${pc.name}`);
  let counter: CounterSession | undefined;
  let page: Page;
  const { insert, remove } = cardSlot();
  /** Counts the register requests that reached UiTPAS; loses the next one's answer when asked. */
  const faults = registerFaults();
  const { shot, expectFocus, field, fieldError, dialog, eidPanel } = pageHelpers(() => page, screenshots);
  const home = async () => {
    await page.getByRole('button', { name: t.session.back }).last().click();
    if ((await dialog().count()) > 0) await dialog().getByRole('button', { name: t.dialog.yes }).click();
    await page.getByLabel(t.home.searchLabel).waitFor();
  };
  /** The home screen's own register button (in the search panel), not the eID panel's. */
  const registerFromSearch = () => page.locator('form[role="search"]').getByRole('button', { name: t.home.register });

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    counter = await openCounter({
      name: `desk-${pc.name}`,
      page: { viewport: pc.viewport, locale: pc.locale, timezoneId: pc.timezoneId },
      fetch: faults.fetch,
    });
    page = counter.page;
  });

  afterAll(async () => {
    await remove();
    await counter?.close();
    expect(counter?.browserDialogs).toEqual([]);
  });

  it('logs in at the Gent balie (the French PC starts in French)', async () => {
    expect(await page.evaluate(() => navigator.language)).toBe(pc.locale);
    await page.getByRole('button', { name: t.session.login }).waitFor();
    await page.getByRole('button', { name: t.session.login }).click();
    await page.getByRole('button', { name: 'Demo-balie Gent Centrum' }).click();
    await expectFocus({ id: 'search' });
  });

  it('keeps the kansenstatuut as the staff set it, with either kind of card, and says what does not fit (item 3)', async () => {
    await insert(virtualCard({ person: virtualPeople.jonas }));
    await eidPanel().getByRole('button', { name: t.home.register }).click({ timeout: 15_000 });
    await expectFocus({ name: 'uitpasNumber' });
    const kansen = page.locator('#field-kansenStatuut');

    // A kansenpas while the kansenstatuut is off: it stays off, and the bar says so, in sight.
    await page.keyboard.type(gent(502, true));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('kansen-mismatch').textContent()).toBe(t.register.isKansenpas);
    expect(await kansen.isChecked()).toBe(false);
    expect(await inSight(page, '[data-testid="kansen-mismatch"]')).toBe(true);
    expect(await page.getByTestId('kansen-line').textContent()).toBe(t.register.withoutKansenStatuut);
    await expectFocus({ name: 'uitpasNumber' });
    await shot('03-kansenpas-without-kansenstatuut');

    // The staff turn it on: it fits, with its end date named in the bar.
    await kansen.check();
    await expect.poll(() => page.getByTestId('kansen-mismatch').count()).toBe(0);
    expect(await page.getByTestId('kansen-line').textContent()).toBe(t.register.withKansenStatuut(`30/04/${nextYear}`));
    expect(await inSight(page, '[data-testid="kansen-line"]')).toBe(true);
    expect(await inSight(page, '[name="kansenStatuutEndDate"]')).toBe(true);

    // An ordinary card while it is on: it stays on; the bar says what to do; the next scan replaces the number.
    await field('uitpasNumber').focus();
    await field('uitpasNumber').selectText();
    await page.keyboard.type(gent(1));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('kansen-mismatch').textContent()).toBe(t.register.notKansenpas);
    expect(await kansen.isChecked()).toBe(true);
    expect(await page.getByTestId('price').textContent()).toBe(t.register.price(formatAmount('5.00')));
    await expectFocus({ name: 'uitpasNumber' });
    await shot('04-ordinary-card-with-kansenstatuut');

    await page.keyboard.type(gent(502, true));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('card-status').textContent()).toBe(t.register.cardOk('UiTPAS Gent', true));
    expect(await page.getByTestId('kansen-mismatch').count()).toBe(0);
    expect(await kansen.isChecked()).toBe(true);
    await expectFocus({ name: 'email' });
  });

  it('never sends on Enter in a text field: Enter moves on, like Tab (item 2)', async () => {
    const textFields = await page
      .locator('form.register input:not([type="checkbox"]):not([type="radio"]):not([disabled])')
      .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('name') ?? ''));
    expect(textFields).toContain('email');
    expect(textFields).toContain('gsm');
    for (const name of textFields) {
      await field(name).focus();
      await page.keyboard.press('Enter');
      const focus = await page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.tagName);
      expect(focus, `Enter in ${name}`).not.toBe(name);
      expect(focus, `Enter in ${name}`).not.toBe('BODY');
    }
    expect(faults.arrived).toBe(0);
    expect(await page.getByTestId('registered').count()).toBe(0);
  });

  it('asks the contact, message and terms questions before sending; "none" is an answer (item 2)', async () => {
    await field('submit').focus();
    await page.keyboard.press('Enter');
    for (const question of ['noContact', 'noOptIns', 'noLegalTerms'] as const) {
      await expect.poll(() => fieldError(question).textContent()).toBe(t.register.questions[question]);
    }
    await expectFocus({ name: 'noContact' });
    expect(await page.getByTestId('action-bar').textContent()).toContain(t.register.askFirst);
    expect(faults.arrived).toBe(0);
    await shot('05-questions-unanswered');

    await field('email').fill('jonas.vermeulen@example.org');
    await expect.poll(() => fieldError('noContact').count()).toBe(0);
    await field('noOptIns').check();
    await field('legalTermsPaper').check();
    await expect.poll(() => page.locator('form.register .field-error').count()).toBe(0);
    await field('submit').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('registered').waitFor();
    expect(faults.arrived).toBe(1);
  });

  it('keeps the done screen through a double Enter, naming the price and the kansenstatuut (items 1 and 3)', async () => {
    await expectFocus({ testId: 'done-message' });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('registered').textContent()).toBe(t.register.doneText('Jonas Vermeulen', formatUitpasNumber(gent(502, true))));
    expect(await page.getByTestId('collect').textContent()).toBe(`${t.register.collect(formatAmount('1.50'))} ${t.register.handOver}`);
    expect(await page.getByTestId('done-kansenstatuut').textContent()).toBe(t.register.doneKansenStatuut(`30/04/${nextYear}`));
    expect(await inSight(page, '[data-testid="done-message"]')).toBe(true);
    await shot('06-done-after-double-enter');
    await page.getByRole('button', { name: t.register.another }).click();
    await expectFocus({ id: 'search' });
  });

  it('starts no second registration for someone who has a UiTPAS: Openen, and no price (item 5)', async () => {
    await page.getByTestId('existing-passholder').waitFor({ timeout: 15_000 });
    await registerFromSearch().click();
    await page.getByTestId('already-passholder').waitFor();
    expect(await page.getByTestId('already-passholder').textContent()).toContain(t.register.alreadyPassholder('Jonas Vermeulen'));
    expect(await field('uitpasNumber').count()).toBe(0);
    expect(await page.getByTestId('price').count()).toBe(0);
    await expectFocus({ text: t.labelled(t.home.open, 'Jonas Vermeulen') });
    await shot('07-already-passholder');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('passholder-name').textContent()).toBe('Jonas Pieter M Vermeulen');
    await home();
  });

  it("says plainly that the eID is someone else's beside an open pass holder, and names her actions after her (item 6)", async () => {
    await page.getByLabel(t.home.searchLabel).fill(gent(seedPassholder.cardSequence));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('passholder-name').textContent()).toBe('Marie Claes');
    await expect.poll(() => page.getByTestId('eid-other-person').textContent()).toBe(t.eid.otherPerson('Jonas Vermeulen', 'Marie Claes'));
    await page.getByTestId('existing-passholder').waitFor();
    const offered = await page.getByTestId('existing-passholder').getByRole('button').allTextContents();
    expect(offered).toEqual([t.labelled(t.home.open, 'Jonas Vermeulen'), t.labelled(t.passholder.registerInSystem, 'Jonas Vermeulen')]);
    await shot('08-other-persons-eid');
  });

  it('leaves nothing on one Enter: the dialog defaults to Nee and names the action (item 7)', async () => {
    await page.getByRole('button', { name: t.passholder.update }).click();
    await field('gsm').fill('0470 12 34 56');
    await page.getByRole('button', { name: t.session.logout }).click();
    await expect.poll(() => dialog().getByRole('heading').textContent()).toBe(t.leave.logOutTitle);
    await expectFocus({ text: t.dialog.no });
    await shot('09-log-out-question');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await field('gsm').inputValue()).toBe('0470 12 34 56');

    await page.getByRole('button', { name: t.session.back }).last().click();
    await expect.poll(() => dialog().getByRole('heading').textContent()).toBe(t.leave.title);
    await expectFocus({ text: t.dialog.no });
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await field('gsm').inputValue()).toBe('0470 12 34 56');
    await home();
  });

  it('uses nothing of a half-read card: one plain sentence, nothing pre-filled (item 8)', async () => {
    await insert(halfReadCard(virtualCard({ person: virtualPeople.zoe })));
    await expect.poll(() => page.getByTestId('eid-half-read').textContent(), { timeout: 15_000 }).toBe(t.eid.halfRead);
    expect(await page.getByTestId('eid-card').count()).toBe(0);
    expect(await eidPanel().textContent()).not.toContain(t.eid.unreadable);
    await shot('10-half-read');
    await registerFromSearch().click();
    await expectFocus({ name: 'name' });
    for (const name of ['name', 'firstName', 'inszNumber', 'street', 'postalCode', 'city']) expect(await field(name).inputValue(), name).toBe('');
    expect(await page.locator('.from-eid').count()).toBe(0);
    await remove();
    await expect.poll(() => page.getByTestId('eid-half-read').count()).toBe(0);
    await home();
  });
  it('shows the balie whole in the top bar, and no developer words in the settings (items 9 and 10)', async () => {
    const balie = page.getByTestId('balie');
    expect(await balie.textContent()).toBe(t.labelled(t.session.balie, 'Demo-balie Gent Centrum'));
    expect(await balie.getAttribute('title')).toBe('Demo-balie Gent Centrum');
    // Nothing of it cut: no ellipsis, no hidden line.
    expect(await balie.evaluate((element) => element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight + 1)).toBe(true);
    expect(await balie.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.querySelector('.topbar')?.scrollWidth ?? 0)).toBeLessThanOrEqual(pc.viewport.width);
    await page.getByRole('button', { name: t.session.settings }).click();
    await page.getByLabel(t.settings.language).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/consumer|sudo|pcscd/i);
    await shot('11-settings');
    await page.getByRole('button', { name: t.session.back }).click();
    await page.getByLabel(t.home.searchLabel).waitFor();
  });

  it('says a scanned number with a wrong check digit is wrong, not that nobody has it (item 13)', async () => {
    const good = gent(10);
    const wrong = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`;
    await page.getByLabel(t.home.searchLabel).fill(wrong);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('search-problem').textContent()).toBe(t.fieldProblems['uitpas-number-check-digit']);
    expect(await page.getByText(t.home.noResults).count()).toBe(0);
    await expectFocus({ id: 'search' });
    await shot('12-search-check-digit');
    await page.getByLabel(t.home.searchLabel).fill('');
  });

  it("puts the eID panel's main action under Enter after a read on the home screen (item 14)", async () => {
    await insert(virtualCard({ person: virtualPeople.lukas, appletVersion: '1.8' }));
    await eidPanel().getByText(t.eid.notFound).waitFor({ timeout: 15_000 });
    await expectFocus({ text: t.home.register });
    await page.keyboard.press('Enter');
    await expect.poll(() => field('name').inputValue()).toBe('Schmitz');
  });

  it('takes digits only in the card number, with "13 digits" as a hint, not an error, until a card is scanned (item 20)', async () => {
    await expectFocus({ name: 'uitpasNumber' });
    expect(await page.locator('#field-uitpasNumber-hint').textContent()).toBe(t.register.cardHint);
    await page.keyboard.press('Enter');
    expect(await fieldError('uitpasNumber').count()).toBe(0);
    await field('uitpasNumber').focus();
    await page.keyboard.type(formatUitpasNumber(gent(3)).replace(/\s/g, ' '));
    await page.keyboard.type('x-');
    expect(await field('uitpasNumber').inputValue()).toBe(gent(3));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('price').textContent()).toBe(t.register.price(formatAmount('5.00')));
  });

  it('lines up the fields of each row of the register form, whatever wraps (item 11)', async () => {
    // Per line of a row (fields that start at the same height), every control starts at the same height too.
    const misaligned = await page.locator('form.register .row').evaluateAll((rows) =>
      rows.flatMap((row) => {
        const lines = new Map<number, number[]>();
        for (const field of row.querySelectorAll(':scope > .field:not(.checkbox)')) {
          const control = field.querySelector(':scope > input, :scope > select');
          if (!control) continue;
          const line = Math.round(field.getBoundingClientRect().top);
          lines.set(line, [...(lines.get(line) ?? []), Math.round(control.getBoundingClientRect().top)]);
        }
        return [...lines.values()].filter((tops) => Math.max(...tops) - Math.min(...tops) > 1).map((tops) => tops.join(' '));
      }),
    );
    expect(misaligned).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(pc.viewport.width);
  });

  it('keeps the eID panel in view while the form scrolls, and says when the card is pulled (item 19)', async () => {
    await field('noLegalTerms').focus();
    // The photo comes with the end of the read, which may still be under way.
    await expect.poll(() => inSight(page, '[data-testid="eid-card"] img'), { timeout: 15_000 }).toBe(true);
    await remove();
    await expect.poll(() => page.getByTestId('eid-removed').textContent()).toBe(t.eid.removedKeepForm);
    expect(await inSight(page, '[data-testid="eid-removed"]')).toBe(true);
    expect(await field('name').inputValue()).toBe('Schmitz');
    await shot('13-register-scrolled-card-pulled');
  });

  it('hides the amount while the outcome is unknown, and shows it once the look-up settles it (item 17)', async () => {
    await field('noContact').check();
    await field('noOptIns').check();
    await field('noLegalTerms').check();
    faults.next = 'answer-lost';
    await field('submit').click();
    await page.getByRole('button', { name: t.errors.lookUp }).waitFor();
    expect(await page.getByTestId('price').count()).toBe(0);
    expect(await page.getByTestId('action-bar').textContent()).not.toContain(formatAmount('5.00'));
    await shot('14-outcome-unknown-no-amount');
    await page.getByRole('button', { name: t.errors.lookUp }).click();
    await page.getByTestId('registered').waitFor();
    expect(await page.getByTestId('collect').textContent()).toBe(`${t.register.collect(formatAmount('5.00'))} ${t.register.handOver}`);
    await page.getByRole('button', { name: t.register.another }).click();
    await page.getByLabel(t.home.searchLabel).waitFor();
  });

  it('registers in another card system with Enter from the system choice (item 16)', async () => {
    await page.getByLabel(t.home.searchLabel).fill(virtualPeople.lukas.nationalNumber);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('passholder-name').textContent()).toBe('Lukas Schmitz');
    await page.getByRole('button', { name: t.passholder.registerInSystem }).click();
    await expectFocus({ name: 'cardSystem' });
    await page.keyboard.press('Enter');
    // Joining costs what UiTPAS says (issue 18's upgrade price), after the words that it is done.
    await expect.poll(() => page.getByTestId('done').textContent()).toMatch(new RegExp(`^${escape(t.passholder.registeredInSystem('UiTPAS Regio Aalst'))}`));
    await home();
  });

  it('proposes the extension truthfully, and offers none at the latest end date (item 12)', async () => {
    const latest = `31/12/${nextYear}`;
    await page.getByLabel(t.home.searchLabel).fill(virtualPeople.jonas.nationalNumber);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('passholder-name').textContent()).toBe('Jonas Pieter M Vermeulen');
    await page.getByRole('button', { name: t.passholder.updateCardSystem }).click();
    await expectFocus({ name: 'kansenStatuutEndDate' });
    expect(await field('kansenStatuutEndDate').inputValue()).toBe(latest);
    expect(await page.locator('#field-kansenStatuutEndDate-hint').textContent()).toBe(`${t.passholder.currentEnd(`30/04/${nextYear}`)} ${t.passholder.proposedLatest(latest)}`);
    await shot('15-extension-proposal');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('done').textContent()).toBe(t.passholder.extended(latest));
    // Once the pass holder is read again with the new end date.
    await expect.poll(() => page.getByRole('button', { name: t.passholder.updateCardSystem }).count()).toBe(0);
    expect(await page.getByTestId('kansenstatuut-at-latest').textContent()).toBe(t.passholder.atLatest(latest));
  });

  it('keeps the address on one row and the e-mail whole in the update form (item 11)', async () => {
    await page.getByRole('button', { name: t.passholder.update }).click();
    await field('email').fill('jonas.vermeulen@voorbeeld.be');
    const tops = await page.locator('[name="street"], [name="postalCode"], [name="city"]').evaluateAll((inputs) => inputs.map((input) => Math.round(input.getBoundingClientRect().top)));
    expect(new Set(tops).size, tops.join(' ')).toBe(1);
    expect(await field('email').evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth)).toBe(true);
    await shot('16-update-form');
    await home();
  });
  it("says what UiTPAS did to which card after a new card, from UiTPAS's answer: another system's card stays active (item 4)", async () => {
    const aalst = cardNumber('09300', 1, false);
    const marieCard = gent(seedPassholder.cardSequence);
    await page.getByLabel(t.home.searchLabel).fill(marieCard);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('passholder-name').textContent()).toBe('Marie Claes');
    await page.getByRole('button', { name: t.passholder.newCard }).click();
    await expectFocus({ name: 'uitpasNumber' });
    await page.keyboard.type(aalst);
    await page.keyboard.press('Enter');
    await page.getByTestId('price').waitFor();
    await expectFocus({ name: 'submit' });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('done').textContent())
      .toMatch(new RegExp(`^${escape(t.passholder.newCardDone(formatUitpasNumber(aalst)))}.* ${escape(t.passholder.cardStillActive(formatUitpasNumber(marieCard), 'UiTPAS Gent'))}$`));
    expect(await page.getByTestId('done').textContent()).not.toContain(t.passholder.oldCardBlocked(formatUitpasNumber(marieCard)));
    await expect.poll(() => page.getByTestId('cards').textContent()).toContain(formatUitpasNumber(aalst));
    expect(await page.locator('[data-card-system="1"]').textContent()).toContain(formatUitpasNumber(marieCard));
    expect(await page.locator('[data-card-system="1"]').textContent()).toContain(t.passholder.cardState.ACTIVE);
    expect(await page.locator('[data-card-system="1"]').textContent()).not.toContain(t.passholder.cardState.BLOCKED);
    await shot('17-new-card-other-system');
  });

  it('lists the replaced card as blocked, not gone (item 15)', async () => {
    const marieCard = gent(seedPassholder.cardSequence);
    await page.getByRole('button', { name: t.passholder.newCard }).click();
    await page.keyboard.type(gent(4));
    await page.keyboard.press('Enter');
    await page.getByTestId('price').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('done').textContent()).toContain(t.passholder.oldCardBlocked(formatUitpasNumber(marieCard)));
    await expect.poll(() => page.getByTestId('former-card').textContent()).toBe(`UiTPAS Gent${t.colon}${formatUitpasNumber(marieCard)}${t.passholder.cardState.BLOCKED}`);
    expect(await page.locator('[data-card-system="1"]').textContent()).toContain(formatUitpasNumber(gent(4)));
    await shot('18-replaced-card-blocked');
    await home();
  });
  it('lets staff practise an unknown outcome from the demo panel, and settle it with the look-up (item 21)', async () => {
    await page.locator('#demo-lost-answers').check();
    await expect.poll(() => page.getByTestId('practice-badge').textContent()).toBe(t.demo.lostAnswersBadge);
    await page.getByLabel(t.home.searchLabel).fill(seedPassholder.inszNumber);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('passholder-name').textContent()).toBe('Marie Claes');
    await page.getByRole('button', { name: t.passholder.update }).click();
    await field('gsm').fill('0470 99 88 77');
    await field('gsm').press('Enter');
    await page.getByRole('button', { name: t.errors.lookUp }).waitFor();
    expect(await page.getByTestId('error-notice').textContent()).toContain(t.errors.outcomeUnknownTitle);
    await shot('19-practised-unknown-outcome');
    await page.getByRole('button', { name: t.errors.lookUp }).click();
    await expect.poll(() => page.getByTestId('done').textContent()).toBe(t.passholder.saved);
    await expect.poll(() => page.getByTestId('contact').textContent()).toContain('0470 99 88 77');
    await home();
    await page.locator('#demo-lost-answers').uncheck();
    await expect.poll(() => page.getByTestId('practice-badge').count()).toBe(0);
  });
});
