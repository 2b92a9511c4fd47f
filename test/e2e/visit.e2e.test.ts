/**
 * The pass holder's visit (issue 24), end to end on both counter PCs (the English office PC at 1024×640 and
 * the Dutch one at 1280×720): a card tapped on the contactless reader beside an eID opens the pass holder with
 * the balie's activities; save points, sell at kansentarief, undo the sale from the history, cash in an advantage,
 * choose a price class; a group pass sells for several persons; and with the demo's practice switch a check-in
 * whose answer is lost says so and is never sent again, until the look-up settles it. Everything runs for real:
 * pcscd and vpcd, the browser host, the demo simulator. Screens are checked by axe and saved to
 * test-results/screenshots/<pc>/visit-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cardNumber, chipNumberOf, seedGroupPass, seedRecordPassholders } from '../../electron/simulator/seed';
import { chromiumAvailability, counterPcs } from '../support/chromium';
import { skipWithout } from '../support/real-parts';
import { openCounter, projectRoot, requestUrl, tapSlot, type CounterSession } from './counter-session';
import { expectFocusOn, inSight } from './page-checks';
import { pageHelpers } from './page-helpers';

const skip = skipWithout('pcscd met vpcd', inject('pcscd')) || skipWithout('Chromium', chromiumAvailability());
const gent = (sequence: number, kansenpas = false) => cardNumber('09000', sequence, kansenpas);
/** Lotte Peeters: a kansenpas, her kansenstatuut in its grace period (so kansentarief holds), 25 points. */
const lotte = seedRecordPassholders[0]!;

describe.skipIf(skip).each(counterPcs)('the visit at the counter on $name', (pc) => {
  const screenshots = join(projectRoot, 'test-results/screenshots', pc.name);
  let counter: CounterSession | undefined;
  let page: Page;
  const nfc = tapSlot();
  /** Every write the app sent to UiTPAS, by path: a lost answer must never be followed by a second send. */
  const writes: string[] = [];

  const { shot, dialog } = pageHelpers(() => page, screenshots, 'visit-');
  /**
   * Deliberate actions: the clicks staff make (trusted click events, counted in the page) since the last call.
   * The goals (issue 24): save points 1, a one-price sale 1, a cash-in 2, as the real counter or better.
   */
  const clicks = () =>
    page.evaluate(() => {
      const counter = window as unknown as { visitClicks?: number };
      if (counter.visitClicks === undefined) document.addEventListener('click', (event) => event.isTrusted && (counter.visitClicks = (counter.visitClicks ?? 0) + 1), { capture: true });
      const counted = counter.visitClicks ?? 0;
      counter.visitClicks = 0;
      return counted;
    });
  const row = (title: string) => page.getByTestId('activity').filter({ hasText: title });
  const balance = () => page.getByTestId('balance').textContent();
  const tapHolder = async () => {
    await nfc.tap(chipNumberOf(gent(lotte.card.sequence, lotte.card.kansenpas)));
    await page.getByTestId('passholder-name').getByText(`${lotte.firstName} ${lotte.name}`).waitFor({ timeout: 10_000 });
  };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    counter = await openCounter({
      name: `visit-${pc.name}`,
      page: { viewport: pc.viewport, locale: pc.locale, timezoneId: pc.timezoneId },
      fetch: (input, init) => {
        if ((init?.method ?? 'GET') === 'POST') writes.push(new URL(requestUrl(input)).pathname.replace(/^.*\/uitid\/rest\//, ''));
        return fetch(input, init);
      },
    });
    page = counter.page;
  });

  afterAll(async () => {
    await nfc.lift();
    await counter?.close();
    expect(counter?.browserDialogs).toEqual([]);
  });

  it('logs in (demo) at the Gent balie', async () => {
    await page.getByRole('button', { name: 'Aanmelden bij UiTiD' }).click();
    await page.getByRole('button', { name: 'Demo-balie Gent Centrum' }).click();
    await expectFocusOn(page, { id: 'search' });
  });

  it("a tapped card opens the pass holder with today's activities, the balance, advantages and coupons", async () => {
    await tapHolder();
    await expectFocusOn(page, { testId: 'passholder-name' });
    await row('Stadswandeling Gent voor iedereen').waitFor();
    expect(await row('Stadswandeling Gent voor iedereen').innerText()).toMatch(/\+1[\s\S]*Punten sparen[\s\S]*€ 1,60 aan kansentarief[\s\S]*Tarief toekennen/);
    expect(await row('Vrij zwemmen').getByTestId('price-offer').innerText()).toBe('Gratis');
    expect(await row('Concert in de Demo-concertzaal').getByTestId('price-offer').innerText()).toMatch(/vanaf € 7,00\s*Tarief kiezen/);
    expect(await balance()).toBe('25');
    await page.getByTestId('advantage').filter({ hasText: 'Koffie in het Demo-cultuurcafé' }).waitFor();
    expect(await page.getByTestId('visit-side').innerText()).toContain('Geen bonnen.');
    await shot('01-opened');
    await clicks();
  });

  it('"Punten sparen" is one action: the new balance, the row says "Punten gespaard"', async () => {
    await row('Stadswandeling').getByRole('button', { name: 'Punten sparen' }).click();
    await expect.poll(() => row('Stadswandeling').getByTestId('checkin-done').textContent()).toBe('+1 punt gespaard. Nieuw saldo: 26.');
    await expectFocusOn(page, { testId: 'checkin-done' });
    await expect.poll(() => row('Stadswandeling').getByTestId('checkin').innerText()).toContain('Punten gespaard');
    expect(await row('Stadswandeling').getByRole('button', { name: 'Punten sparen' }).count()).toBe(0);
    expect(await balance()).toBe('26');
    // One balance on the screen: the record beside it shows no count read before the check-in.
    expect(await page.getByTestId('points').count()).toBe(0);
    expect(await clicks()).toBe(1);
    await shot('02-points-saved');
  });

  it('"Tarief toekennen" at kansentarief is one action, with the amount to collect in sight', async () => {
    await row('Stadswandeling').getByRole('button', { name: 'Tarief toekennen' }).click();
    await expect.poll(() => row('Stadswandeling').getByTestId('sale-done').textContent()).toBe('Tarief toegekend. Vraag € 1,60.');
    await expectFocusOn(page, { testId: 'sale-done' });
    expect(await clicks()).toBe(1);
    await shot('03-sold');
  });

  it('the history lists the sale, newest first; "Ongedaan maken" asks in the app dialog, then undoes it', async () => {
    await page.getByRole('button', { name: 'Historiek' }).click();
    await expectFocusOn(page, { text: 'Historiek' });
    const sale = page.getByTestId('sale').filter({ hasText: 'Stadswandeling Gent voor iedereen' });
    await sale.waitFor();
    expect(await sale.innerText()).toMatch(/€ 1,60 betaald · aan kansentarief/);
    expect(await page.getByTestId('points-history').innerText()).toMatch(/Stadswandeling Gent voor iedereen\s*\+1/);
    await sale.getByRole('button', { name: 'Ongedaan maken' }).click();
    expect(await dialog().innerText()).toContain('Geef € 1,60 terug.');
    await expectFocusOn(page, { text: 'Annuleren' });
    await shot('04-undo-asked');
    await dialog().getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect.poll(() => page.getByTestId('cancel-done').textContent()).toBe('Verkoop ongedaan gemaakt. Geef € 1,60 terug.');
    await expectFocusOn(page, { testId: 'cancel-done' });
    await expect.poll(() => page.getByTestId('sale').count()).toBe(0);
    // Historiek, Ongedaan maken, and the answer in the dialog: as the real counter (reference §10.6).
    expect(await clicks()).toBe(3);
    await page.getByRole('button', { name: 'Historiek sluiten' }).click();
    await clicks();
  });

  it('"Omruilen" asks once, then cashes in and shows the balance after it', async () => {
    const coffee = page.getByTestId('advantage').filter({ hasText: 'Koffie in het Demo-cultuurcafé' });
    expect(await coffee.innerText()).toContain('5 punten');
    await coffee.getByRole('button', { name: 'Omruilen' }).click();
    expect(await dialog().innerText()).toContain('Koffie in het Demo-cultuurcafé omruilen (5 punten)?');
    await dialog().getByRole('button', { name: 'Omruilen' }).click();
    await expect.poll(() => coffee.getByTestId('cashIn-done').textContent()).toBe('Voordeel omgeruild: Koffie in het Demo-cultuurcafé. Nieuw saldo: 21 punten.');
    await expectFocusOn(page, { testId: 'cashIn-done' });
    expect(await balance()).toBe('21');
    expect(await clicks()).toBe(2);
    await shot('05-cashed-in');
  });

  it('several prices: a choice of class and tariff, the amount to collect in sight as it changes', async () => {
    const concert = row('Concert in de Demo-concertzaal');
    await concert.getByRole('button', { name: 'Tarief kiezen' }).click();
    await expectFocusOn(page, { tag: 'input' });
    // A hurried second Enter (or a scanner's) on the tariff moves on; it never sells.
    const buys = () => writes.filter((path) => path.includes('/buy/')).length;
    const before = buys();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(buys()).toBe(before);
    expect(await concert.getByTestId('sale-done').count()).toBe(0);
    expect(await page.getByTestId('to-collect').textContent()).toBe('Te betalen: € 21,00');
    expect(await inSight(page, '[data-testid="to-collect"]')).toBe(true);
    await concert.getByRole('radio', { name: /Rang 3\+ € 7,00/ }).first().check();
    expect(await page.getByTestId('to-collect').textContent()).toBe('Te betalen: € 7,00');
    expect(await inSight(page, '[data-testid="to-collect"]')).toBe(true);
    await shot('06-choose-tariff');
    await concert.getByRole('button', { name: 'Tarief toekennen' }).click();
    await expect.poll(() => concert.getByTestId('sale-done').textContent()).toBe('Tarief toegekend. Vraag € 7,00.');
    // Tarief kiezen, another class, Tarief toekennen (reference §10.4: 2–3).
    expect(await clicks()).toBe(3);
  });

  it('a lost answer to a check-in is said so, never sent again, and the look-up settles it', async () => {
    await page.getByRole('button', { name: 'Terug' }).last().click();
    await page.getByLabel('Antwoorden van UiTPAS gaan verloren').check();
    await page.getByTestId('practice-badge').waitFor();
    await tapHolder();
    const swim = row('Vrij zwemmen');
    const checkins = () => writes.filter((path) => path === 'uitpas/passholder/checkin').length;
    const before = checkins();
    await swim.getByRole('button', { name: 'Punten sparen' }).click();
    await swim.getByTestId('checkin-unknown').waitFor();
    expect(checkins()).toBe(before + 1);
    expect(await swim.getByTestId('checkin-unknown').innerText()).toContain('Er wordt niets opnieuw verstuurd.');
    await expectFocusOn(page, { text: 'Nakijken in UiTPAS' });
    expect(await swim.getByRole('button', { name: 'Punten sparen' }).isDisabled()).toBe(true);
    await shot('07-lost-answer');
    await page.waitForTimeout(1500);
    expect(checkins()).toBe(before + 1);
    await swim.getByRole('button', { name: 'Nakijken in UiTPAS' }).click();
    await expect.poll(() => swim.getByTestId('checkin-settled').textContent()).toBe('Nagekeken: de punten zijn gespaard.');
    await expect.poll(() => swim.getByTestId('checkin').innerText()).toContain('Punten gespaard');
    expect(await balance()).toBe('22');
    expect(checkins()).toBe(before + 1);
    await shot('08-settled');
    await page.getByRole('button', { name: 'Terug' }).last().click();
    await page.getByLabel('Antwoorden van UiTPAS gaan verloren').uncheck();
  });

  it('a group pass chooses the number of persons, pays per person and shows the tickets left', async () => {
    await nfc.tap(chipNumberOf(gent(seedGroupPass.cardSequence, true)));
    await page.getByRole('heading', { name: seedGroupPass.name }).waitFor();
    const walk = row('Stadswandeling Gent voor iedereen');
    await walk.getByRole('button', { name: 'Tarief kiezen' }).click();
    await page.getByLabel('Aantal personen').fill('3');
    expect(await page.getByTestId('to-collect').textContent()).toBe('Te betalen: € 4,80');
    expect(await inSight(page, '[data-testid="to-collect"]')).toBe(true);
    await shot('09-group-choice');
    await walk.getByRole('button', { name: 'Tarief toekennen' }).click();
    await expect.poll(() => walk.getByTestId('sale-done').textContent()).toBe('Tarief toegekend voor 3 personen. Vraag € 4,80.');
    await expect.poll(() => page.getByTestId('group-pass').innerText()).toMatch(/Tickets nog over\s+14/);
  });
});
