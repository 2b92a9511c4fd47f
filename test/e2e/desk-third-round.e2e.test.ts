/**
 * The counter desk, third round (issue 26), end to end on the three PCs: the
 * English office PC (1024×640, New York), a French one (1024×640, fr-BE, which
 * starts in French by itself) and a Dutch one (1280×720). One citizen's
 * answers never reach the next, registration from the keyboard in at most six
 * deliberate keys (counted here, written in docs/benchmarks.md), focus that
 * stays where the scanner types, and the "should be right" list. Expected words
 * come from the catalogue of the PC's language; every screen is held to axe's
 * rules and saved to test-results/screenshots/desk3-<pc>/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cardNumber, chipNumberOf, seedPassholder } from '../../electron/simulator/seed';
import { virtualPeople, type VirtualPerson } from '../../native/beid/virtual-card/people';
import { VirtualUitpasCard } from '../../native/contactless/virtual-uitpas-card';
import { proposedKansenStatuutEndDate } from '../../electron/rules/fields';
import { formatDate } from '../../renderer/format/date';
import { formatUitpasNumber } from '../../renderer/format/numbers';
import { fr } from '../../renderer/messages/fr';
import { nl, type Messages } from '../../renderer/messages/nl';
import { virtualCard } from '../support/card-fixtures';
import { chromiumAvailability, counterPcs } from '../support/chromium';
import { skipWithout } from '../support/real-parts';
import { cardSlot, openCounter, projectRoot, type CounterSession } from './counter-session';
import { inSight } from './page-checks';
import { pageHelpers } from './page-helpers';

const skip = skipWithout('pcscd met vpcd', inject('pcscd')) || skipWithout('Chromium', chromiumAvailability());
const gent = (sequence: number, kansenpas = false) => cardNumber('09000', sequence, kansenpas);

/** Made-up citizens of the issue (valid INSZ check digits, nobody's). */
const benoit: VirtualPerson = {
  ...virtualPeople.zoe,
  cardNumber: '595001234567',
  nationalNumber: '78041205785',
  surname: 'Dubois',
  firstNames: 'Benoît',
  birthDate: '12 AVR 1978',
  sexCode: 'M',
  street: 'Rue Haute 3',
  postalCode: '1000',
  municipality: 'Bruxelles',
};
const anneliese: VirtualPerson = {
  ...virtualPeople.jonas,
  cardNumber: '596001234568',
  nationalNumber: '90082314643',
  surname: 'Van den Broeck',
  firstNames: 'Anneliese Margaretha',
  thirdNameInitial: '',
  birthDate: '23 AUG 1990',
  sexCode: 'V',
  street: 'Verzonnen Dreef 17',
  postalCode: '9820',
  municipality: 'Merelbeke',
};
/** A made-up citizen for the scans on controls (valid INSZ check digits, nobody's). */
const yasmine: VirtualPerson = {
  ...virtualPeople.aylin,
  cardNumber: '598001234578',
  nationalNumber: '95031400242',
  surname: 'El Amrani',
  firstNames: 'Yasmine',
  thirdNameInitial: '',
  nationality: 'Belg',
  placeOfBirth: 'Gent',
  birthDate: '14 MAAR 1995',
  sexCode: 'V',
  street: 'Verzonnen Kaai 5',
  postalCode: '9000',
  municipality: 'Gent',
};
/** Marie Claes of the seed, moved: her eID's address is not the one UiTPAS has. */
const marie: VirtualPerson = {
  ...virtualPeople.jonas,
  cardNumber: '597001234569',
  nationalNumber: seedPassholder.inszNumber,
  surname: 'Claes',
  firstNames: 'Marie',
  thirdNameInitial: '',
  birthDate: '15 OKT 1982',
  sexCode: 'V',
  placeOfBirth: 'Sint-Niklaas',
  street: 'Brugsesteenweg 88',
  postalCode: '9000',
  municipality: 'Gent',
};

const pcs = [
  ...counterPcs.map((pc) => ({ ...pc, language: 'nl' as const })),
  { name: 'fr-BE-1024x640', viewport: { width: 1024, height: 640 }, locale: 'fr-BE', timezoneId: 'Europe/Brussels', language: 'fr' as const },
];

describe.skipIf(skip).each(pcs)('the counter desk, third round, on $name', (pc) => {
  const t: Messages = pc.language === 'fr' ? fr : nl;
  const screenshots = join(projectRoot, 'test-results/screenshots', `desk3-${pc.name}`);
  let counter: CounterSession | undefined;
  let page: Page;
  const first = cardSlot();
  /** The second reader: a second eID, or a UiTPAS card laid on it. */
  const secondSlot = cardSlot(1);
  const insertSecond = secondSlot.insert;
  const removeSecond = secondSlot.remove;

  const { shot, expectFocus, field, fieldError, dialog, eidPanel } = pageHelpers(() => page, screenshots);
  const search = () => page.getByLabel(t.home.searchLabel);
  /** Counts the deliberate keys of a registration (the scan and free typing are not counted). */
  const keyCounter = () => {
    const counter = {
      keys: 0,
      press: async (key: string) => {
        counter.keys += 1;
        await personsPace();
        await page.keyboard.press(key);
      },
    };
    return counter;
  };
  /** A person needs 80 ms or more between two keys; faster keys on a control without text are a scanner's (catch-scans.ts). */
  const personsPace = () => page.waitForTimeout(100);
  const home = async () => {
    await page.getByRole('button', { name: t.session.back }).last().click();
    if ((await dialog().count()) > 0) await dialog().getByRole('button', { name: t.dialog.yes }).click();
    await search().waitFor();
  };
  const openByNumber = async (query: string, name: string) => {
    await search().fill(query);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('passholder-name').textContent()).toBe(name);
  };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    counter = await openCounter({ name: `desk3-${pc.name}`, page: { viewport: pc.viewport, locale: pc.locale, timezoneId: pc.timezoneId } });
    page = counter.page;
  });

  afterAll(async () => {
    await removeSecond();
    await first.remove();
    await counter?.close();
    expect(counter?.browserDialogs).toEqual([]);
  });

  it("starts in the PC's language until one is chosen: French on the French PC, Dutch on the others (item 15)", async () => {
    await page.getByRole('button', { name: t.session.login }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(pc.language);
    await page.getByRole('button', { name: t.session.login }).click();
    await page.getByRole('button', { name: 'Demo-balie Gent Centrum' }).click();
    await expectFocus({ id: 'search' });
  });

  it('keeps every control of the top bar on screen with the practice switch on (item 4)', async () => {
    await page.locator('#demo-lost-answers').check();
    await page.getByTestId('practice-badge').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    const offScreen = await page.locator('.topbar button').evaluateAll((buttons) =>
      buttons.flatMap((button) => {
        const box = button.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        const whole = box.left >= 0 && box.right <= window.innerWidth && box.top >= 0 && box.bottom <= window.innerHeight && button.scrollWidth <= button.clientWidth;
        return whole && hit !== null && button.contains(hit) ? [] : [button.textContent];
      }),
    );
    expect(offScreen).toEqual([]);
    expect(await page.locator('.topbar').getByRole('button', { name: t.session.logout }).isVisible()).toBe(true);
    expect(await page.locator('.topbar').getByRole('button', { name: t.session.settings }).isVisible()).toBe(true);
    await shot('01-top-bar-practising');
    await page.locator('#demo-lost-answers').uncheck();
    await expect.poll(() => page.getByTestId('practice-badge').count()).toBe(0);
  });

  it('drops everything of the previous citizen when another eID comes in the same reader, after asking (item 1)', async () => {
    await first.insert(virtualCard({ person: benoit }));
    await eidPanel().getByText(t.eid.notFound).waitFor({ timeout: 15_000 });
    await eidPanel().getByRole('button', { name: t.home.register }).click();
    await expect.poll(() => field('name').inputValue()).toBe('Dubois');
    await field('uitpasNumber').fill(gent(8));
    await field('uitpasNumber').press('Enter');
    await expect.poll(() => page.getByTestId('price').count()).toBe(1);
    await field('email').fill('benoit.dubois@example.org');
    await field('optInServiceMails').check();
    await field('legalTermsDigital').check();
    await first.remove();
    await first.insert(virtualCard({ person: anneliese }));
    await expect.poll(() => dialog().getByRole('heading').textContent(), { timeout: 15_000 }).toBe(t.eid.replaceTitle);
    expect(await dialog().textContent()).toContain(t.eid.replaceQuestion('Anneliese Van den Broeck'));
    await shot('02-another-citizen-asked');
    await dialog().getByRole('button', { name: t.eid.replace }).click();
    await expect.poll(() => field('name').inputValue()).toBe('Van den Broeck');
    expect(await field('email').inputValue()).toBe('');
    // His card and its price went with him.
    expect(await field('uitpasNumber').inputValue()).toBe('');
    expect(await page.getByTestId('card-status').count()).toBe(0);
    expect(await page.getByTestId('price').count()).toBe(0);
    expect(await field('optInServiceMails').isChecked()).toBe(false);
    expect(await field('legalTermsDigital').isChecked()).toBe(false);
    // After any eID read the focus is where the next scan belongs.
    await expectFocus({ name: 'uitpasNumber' });
    // A scan landing in her birth date is refused and gives her eID's date back, never the previous citizen's (item 2).
    expect(await field('dateOfBirth').inputValue()).toBe('23/08/1990');
    await field('dateOfBirth').focus();
    await page.keyboard.type(gent(9));
    await page.keyboard.press('Enter');
    await expect.poll(() => fieldError('dateOfBirth').textContent()).toBe(t.format.scanNotDate);
    expect(await field('dateOfBirth').inputValue()).toBe('23/08/1990');
    await field('dateOfBirth').fill('');
    await field('dateOfBirth').fill('23/08/1990');
    await expect.poll(() => fieldError('dateOfBirth').count()).toBe(0);
  });

  it('does the same with the second eID in the other reader, says both are there, and shows the other when one is pulled (items 1, 8, 3)', async () => {
    await field('email').fill('anneliese@example.org');
    await field('legalTermsPaper').check();
    await insertSecond(virtualCard({ person: benoit }));
    await expect.poll(() => dialog().count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('eid-two-cards').textContent()).toBe(t.eid.twoCards('Benoît Dubois', 'Anneliese Van den Broeck'));
    await dialog().getByRole('button', { name: t.eid.replace }).click();
    await expect.poll(() => field('name').inputValue()).toBe('Dubois');
    expect(await field('email').inputValue()).toBe('');
    expect(await field('legalTermsPaper').isChecked()).toBe(false);
    await expectFocus({ name: 'uitpasNumber' });
    await shot('03-two-eids');
    // Pulled once it is read through, as a hand does after the panel says it is genuine.
    await expect.poll(() => page.getByTestId('eid-card').getAttribute('data-verified'), { timeout: 15_000 }).toBe('yes');
    await removeSecond();
    await expect.poll(() => page.getByTestId('eid-card').locator('.eid-name').textContent()).toContain('Van den Broeck');
    expect(await page.getByTestId('eid-two-cards').count()).toBe(0);
    // The form is not switched back: only a new read is a new citizen.
    expect(await field('name').inputValue()).toBe('Dubois');
    await expectFocus({ name: 'uitpasNumber' });
    await home();
    await first.remove();
  });

  it(`registers from the keyboard in at most 6 deliberate keys beyond the scan and the typing (keyboard-first; item 13)`, async () => {
    // Old digits in the search field do not keep the focus from the panel's main action.
    await search().fill(gent(999));
    await page.keyboard.press('Enter');
    await page.getByTestId('scan-outcome').waitFor({ timeout: 5000 });
    expect(await search().inputValue()).toBe(gent(999));
    const counted = keyCounter();
    const press = counted.press;
    await first.insert(virtualCard({ person: benoit }));
    await eidPanel().getByText(t.eid.notFound).waitFor({ timeout: 15_000 });
    await expectFocus({ text: t.home.register });
    await press('Enter');
    await expect.poll(() => field('name').inputValue()).toBe('Dubois');
    await expectFocus({ name: 'uitpasNumber' });
    // The scan: digits and the scanner's Enter.
    await page.keyboard.type(gent(1));
    await page.keyboard.press('Enter');
    await expectFocus({ name: 'email' });
    await page.keyboard.type('benoit.dubois@example.org');
    await press('Enter');
    await expectFocus({ name: 'optInServiceMails' });
    expect(await page.locator('[data-field="optInServiceMails"] kbd').textContent()).toBe('1');
    expect(await page.getByTestId('answer-keys').textContent()).toBe(t.register.answerKeys);
    await shot('04-keyboard-messages');
    await press('1');
    expect(await field('optInServiceMails').isChecked()).toBe(true);
    await press('Enter');
    await expectFocus({ name: 'legalTermsPaper' });
    await press('2');
    expect(await field('legalTermsDigital').isChecked()).toBe(true);
    await expectFocus({ name: 'submit' });
    await shot('05-keyboard-ready');
    await press('Enter');
    await page.getByTestId('registered').waitFor({ timeout: 10_000 });
    expect(counted.keys).toBeLessThanOrEqual(6);
    expect(counted.keys).toBe(6);
    await page.getByRole('button', { name: t.register.another }).click();
    await expectFocus({ id: 'search' });
  });

  it('answers "no contact, no messages, terms on paper" in as few keys', async () => {
    const counted = keyCounter();
    const press = counted.press;
    await first.insert(virtualCard({ person: anneliese }));
    await eidPanel().getByText(t.eid.notFound).waitFor({ timeout: 15_000 });
    await expectFocus({ text: t.home.register });
    await press('Enter');
    await expectFocus({ name: 'uitpasNumber' });
    await page.keyboard.type(gent(2));
    await page.keyboard.press('Enter');
    await expectFocus({ name: 'email' });
    await press('Enter');
    await expectFocus({ name: 'noContact' });
    await press('0');
    // Without an e-mail address or a mobile number only the post can reach the citizen: the focus starts there.
    await expectFocus({ name: 'optInPost' });
    await press('0');
    expect(await field('noOptIns').isChecked()).toBe(true);
    await expectFocus({ name: 'legalTermsPaper' });
    await press('1');
    await expectFocus({ name: 'submit' });
    // Long names are not cut.
    expect(await field('name').evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth)).toBe(true);
    await press('Enter');
    await page.getByTestId('registered').waitFor();
    expect(counted.keys).toBe(6);
    await page.getByRole('button', { name: t.register.another }).click();
    await first.remove();
  });

  it("a scan that lands on a button or a question's box presses nothing and answers nothing: the card goes where a tapped one goes", async () => {
    await first.insert(virtualCard({ person: yasmine }));
    await eidPanel().getByText(t.eid.notFound).waitFor({ timeout: 15_000 });
    await expectFocus({ text: t.home.register });
    // Scanned onto the eID panel's main action: the registration opens with her eID and that card.
    await page.keyboard.type(gent(10));
    await page.keyboard.press('Enter');
    await expect.poll(() => field('name').inputValue()).toBe('El Amrani');
    await expect.poll(() => field('uitpasNumber').inputValue()).toBe(gent(10));
    // As after a scan on the home screen: the card waits in its field for Enter, which checks it and moves on.
    await expectFocus({ name: 'uitpasNumber' });
    await personsPace();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('card-status').textContent()).toBe(t.register.cardOk('UiTPAS Gent', false));
    await expectFocus({ name: 'email' });
    await personsPace();
    await page.keyboard.press('Enter');
    await expectFocus({ name: 'noContact' });
    // Scanned onto "no contact": its 0 answers nothing, no digit picks a message or the terms; the card replaces the last.
    await personsPace();
    await page.keyboard.type(gent(7));
    await page.keyboard.press('Enter');
    await expect.poll(() => field('uitpasNumber').inputValue()).toBe(gent(7));
    await expect.poll(() => page.getByTestId('card-status').textContent()).toBe(t.register.cardOk('UiTPAS Gent', false));
    for (const name of ['noContact', 'noOptIns', 'optInPost', 'legalTermsPaper', 'legalTermsDigital', 'noLegalTerms']) expect(await field(name).isChecked(), name).toBe(false);
    await shot('05b-scan-on-a-question');
    // Her answers, at a person's pace, up to the send button.
    await field('noContact').focus();
    for (const [key, next] of [['0', 'optInPost'], ['0', 'legalTermsPaper'], ['1', 'submit']] as const) {
      await personsPace();
      await page.keyboard.press(key);
      await expectFocus({ name: next });
    }
    // Scanned onto the send button, at a USB scanner's uneven pace (about 30 ms a key after the first two, the
    // Enter late): nothing is sent; the card goes in the card field and is checked.
    await personsPace();
    await page.keyboard.type(gent(11).slice(0, 2));
    await page.keyboard.type(gent(11).slice(2), { delay: 30 });
    await page.waitForTimeout(50);
    await page.keyboard.press('Enter');
    await expect.poll(() => field('uitpasNumber').inputValue()).toBe(gent(11));
    await expect.poll(() => page.getByTestId('card-status').textContent()).toBe(t.register.cardOk('UiTPAS Gent', false));
    expect(await page.getByTestId('registered').count()).toBe(0);
    await expectFocus({ name: 'submit' });
    expect(await field('noOptIns').isChecked()).toBe(true);
    expect(await field('legalTermsPaper').isChecked()).toBe(true);
    // Her own Enter sends, with the card scanned last.
    await personsPace();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('registered').textContent()).toBe(t.register.doneText('Yasmine El Amrani', formatUitpasNumber(gent(11))));
    await page.getByRole('button', { name: t.register.another }).click();
    await first.remove();
  });

  it('moves the focus back where a scan is taken when the eID leaves: a normal pull, one of two (item 3)', async () => {
    await first.insert(virtualCard({ person: virtualPeople.lukas, appletVersion: '1.8' }));
    await eidPanel().getByText(t.eid.notFound).waitFor({ timeout: 15_000 });
    await expectFocus({ text: t.home.register });
    // A normal pull: once the read is through (a pull mid-read is said as such, see counter-flows).
    await expect.poll(() => page.getByTestId('eid-card').getAttribute('data-verified'), { timeout: 15_000 }).toBe('yes');
    await first.remove();
    await expectFocus({ id: 'search' });
    await expect.poll(() => page.getByTestId('eid-removed').textContent()).toBe(t.eid.removed);
    await shot('06-pulled-focus-in-search');
    // A pulled-eID notice speaks of the home screen: a manual form opened afterwards does not show it (item 10).
    await page.locator('form[role="search"]').getByRole('button', { name: t.home.register }).click();
    await expectFocus({ name: 'name' });
    expect(await page.getByTestId('eid-removed').count()).toBe(0);
    await home();
  });

  it('puts the focus in the card field after reading a year-only birth date, refuses a scan in a date, checks a tapped card in the form (items 2 and 9)', async () => {
    await first.insert(virtualCard({ person: virtualPeople.aylin }));
    await eidPanel().getByText(t.eid.notFound).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await expect.poll(() => field('name').inputValue()).toBe('Kaya');
    await expectFocus({ name: 'uitpasNumber' });
    await field('dateOfBirth').focus();
    await page.keyboard.type(gent(3));
    await page.keyboard.press('Enter');
    await expect.poll(() => fieldError('dateOfBirth').textContent()).toBe(t.format.scanNotDate);
    expect(await field('dateOfBirth').inputValue()).toBe('');
    await expectFocus({ name: 'dateOfBirth' });
    await shot('07-scan-refused-in-date');
    // A stock card laid on the contactless reader goes into the open form's card field, checked there.
    await insertSecond(new VirtualUitpasCard(chipNumberOf(gent(4))));
    await expect.poll(() => field('uitpasNumber').inputValue(), { timeout: 15_000 }).toBe(gent(4));
    await expect.poll(() => page.getByTestId('card-status').textContent()).toBe(t.register.cardOk('UiTPAS Gent', false));
    expect(await field('name').inputValue()).toBe('Kaya');
    // The birth date is still to ask: the focus goes there, then on to the questions.
    await expectFocus({ name: 'dateOfBirth' });
    await removeSecond();
    // A card UiTPAS does not know, tapped on the open form: said beside the card field; nothing asked, nothing lost.
    await insertSecond(new VirtualUitpasCard('04DEADBEEF0002'));
    await expect.poll(() => page.locator('form.register [data-testid="scan-outcome"]').textContent(), { timeout: 15_000 }).toBe(t.scan.unknownChip('04DEADBEEF0002'));
    expect(await dialog().count()).toBe(0);
    expect(await field('uitpasNumber').inputValue()).toBe(gent(4));
    expect(await field('name').inputValue()).toBe('Kaya');
    await expectFocus({ name: 'dateOfBirth' });
    await shot('07b-unknown-card-on-form');
    await removeSecond();
    // Another number in the card field makes that notice old.
    await field('uitpasNumber').fill(gent(6));
    await expect.poll(() => page.locator('form.register [data-testid="scan-outcome"]').count()).toBe(0);
  });

  it('says a check-digit error in sight, and asks before a reload throws the form away (items 7 and 16)', async () => {
    const good = gent(5);
    await field('uitpasNumber').fill(`${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`);
    await field('uitpasNumber').press('Enter');
    await expect.poll(() => fieldError('uitpasNumber').textContent()).toBe(t.fieldProblems['uitpas-number-check-digit']);
    expect(await inSight(page, '[data-field="uitpasNumber"] .field-error')).toBe(true);
    await page.keyboard.press('F5');
    await expect.poll(() => dialog().getByRole('heading').textContent()).toBe(t.leave.reloadTitle);
    await expectFocus({ text: t.dialog.no });
    await shot('08-reload-asked');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await field('name').inputValue()).toBe('Kaya');
    await home();
    await first.remove();
  });

  it('never saves the opt-ins on Enter in a tick-box (item 5)', async () => {
    await openByNumber(gent(seedPassholder.cardSequence), 'Marie Claes');
    await page.getByRole('button', { name: t.record.changeOptIns }).click();
    await expectFocus({ name: 'optInServiceMails' });
    const before = await field('optInServiceMails').isChecked();
    await page.keyboard.press('Space');
    const ticked = await field('optInServiceMails').isChecked();
    expect(ticked).toBe(!before);
    await page.keyboard.press('Enter');
    await expectFocus({ name: 'optInMilestoneMails' });
    // Time for a save to have answered, had Enter sent one.
    await page.waitForTimeout(500);
    expect(await page.getByTestId('done').count()).toBe(0);
    expect(await field('optInServiceMails').isChecked()).toBe(ticked);
    expect(await page.getByTestId('opt-ins-form').count()).toBe(1);
  });

  it("says when the pass holder's own eID has another address, and shows old → new on taking it over (items 6 and 7)", async () => {
    await first.insert(virtualCard({ person: marie, photo: Buffer.from('geen jpeg') }));
    await expect.poll(() => page.getByTestId('eid-address-differs').textContent(), { timeout: 15_000 }).toBe(t.passholder.eidAddressDiffers('Brugsesteenweg 88, 9000 Gent'));
    // A photo that does not decode: the empty frame, no alt text spilling over (item 16).
    await page.getByTestId('photo-placeholder').waitFor();
    expect(await eidPanel().textContent()).not.toContain(t.eid.photoAlt('Marie'));
    await page.getByRole('button', { name: t.passholder.update }).click();
    if ((await dialog().count()) > 0) await dialog().getByRole('button', { name: t.dialog.yes }).click();
    await page.getByRole('button', { name: t.passholder.takeFromEid }).click();
    const changes = page.getByTestId('eid-changes');
    await expect.poll(() => changes.textContent()).toContain(t.labelled(t.fields.street ?? '', 'Sleepstraat 14 → Brugsesteenweg 88'));
    expect(await changes.textContent()).toContain(t.labelled(t.fields.placeOfBirth ?? '', '— → Sint-Niklaas'));
    // Geboorteplaats stays in its card; the rijksregisternummer shows all 11 digits.
    expect(
      await page.locator('form.action-form').evaluate((form) => {
        const place = form.querySelector('[name="placeOfBirth"]')!.getBoundingClientRect();
        const box = form.getBoundingClientRect();
        return place.left >= box.left && place.right <= box.right;
      }),
    ).toBe(true);
    expect(await field('inszNumber').evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth)).toBe(true);
    await shot('09-eid-changes');
    await home();
    await first.remove();
  });

  it('lists a replaced card as blocked when the pass holder is opened again (item 11)', async () => {
    const marieCard = gent(seedPassholder.cardSequence);
    await openByNumber(marieCard, 'Marie Claes');
    await page.getByRole('button', { name: t.passholder.newCard }).click();
    await expectFocus({ name: 'uitpasNumber' });
    // Her own card, typed by mistake, is named as hers (item 14), and the next scan replaces it.
    await page.keyboard.type(marieCard);
    await page.keyboard.press('Enter');
    await expect.poll(() => fieldError('uitpasNumber').textContent()).toBe(t.register.heldCard);
    await expectFocus({ name: 'uitpasNumber' });
    await page.keyboard.type(gent(6));
    await page.keyboard.press('Enter');
    await page.getByTestId('price').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('done').textContent()).toContain(t.passholder.oldCardBlocked(formatUitpasNumber(marieCard)));
    await home();
    await openByNumber(seedPassholder.inszNumber, 'Marie Claes');
    await expect.poll(() => page.getByTestId('former-card').textContent()).toBe(`UiTPAS Gent${t.colon}${formatUitpasNumber(marieCard)}${t.passholder.cardState.BLOCKED}`);
    await shot('10-replaced-card-reopened');
    await home();
  });

  it('proposes an extension whose words and date agree (item 12)', async () => {
    await openByNumber('75030812468', 'Lotte Peeters');
    await page.getByRole('button', { name: t.passholder.updateCardSystem }).click();
    await expectFocus({ name: 'kansenStatuutEndDate' });
    const proposed = await field('kansenStatuutEndDate').inputValue();
    // Her kansenstatuut ended (the seed: 10 days ago), so a year from the PC's own today.
    const pcToday = await page.evaluate(() => {
      const now = new Date();
      return [now.getFullYear(), now.getMonth(), now.getDate()] as const;
    });
    expect(proposed).toBe(formatDate(proposedKansenStatuutEndDate(undefined, new Date(pcToday[0], pcToday[1], pcToday[2], 12))));
    expect(await page.locator('#field-kansenStatuutEndDate-hint').textContent()).toContain(t.passholder.proposedYearFromToday(proposed));
    await shot('11-extension-proposal');
    await home();
  });

  it('lets a check-digit error replace an old tap notice (item 10) and words registering as such (item 14)', async () => {
    await insertSecond(new VirtualUitpasCard('04DEADBEEF0001'));
    await page.getByTestId('scan-outcome').waitFor({ timeout: 15_000 });
    await removeSecond();
    const good = gent(7);
    await search().fill(`${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('search-problem').textContent()).toBe(t.fieldProblems['uitpas-number-check-digit']);
    expect(await page.getByTestId('scan-outcome').count()).toBe(0);
    await shot('12-check-digit-alone');
    await search().fill(gent(903));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('scan-outcome').textContent()).toBe(t.scan.refused.deleted(formatUitpasNumber(gent(903))));
    if (pc.language === 'fr') {
      expect(t.register.submit).toBe('Inscrire');
      expect(t.passholder.save).toBe('Enregistrer');
    }
  });

  it('keeps words whole on the support screen (item 7)', async () => {
    await page.getByRole('button', { name: t.support.open }).click();
    await page.locator('.support').waitFor();
    // Every word of ordinary length sits on one line (a file path longer than the column may break; a hyphen is a normal break).
    const breaking = await page.locator('.support').evaluate((support) => {
      const broken: string[] = [];
      const walker = document.createTreeWalker(support, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s-]+/g)) {
          if (match[0].length > 20 || match[0].includes('/')) continue;
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
      return broken;
    });
    expect(breaking).toEqual([]);
    await shot('13-support');
    await page.getByRole('button', { name: t.session.back }).first().click();
  });
});
