/**
 * UiTPAS cards tapped on a second reader while an eID sits in the first, end
 * to end: pcscd and vpcd's two readers, the card service, uitpas/retrieve by
 * chip number at the demo simulator, and the page routing every tap. On the
 * English 1024×640 office PC and the Dutch one.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cardNumber, chipNumberOf, seedGroupPass, seedPassholder } from '../../electron/simulator/seed';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import { VirtualUitpasCard } from '../../native/contactless/virtual-uitpas-card';
import { formatUitpasNumber } from '../../renderer/format/numbers';
import { virtualCard } from '../support/card-fixtures';
import { chromiumAvailability, counterPcs } from '../support/chromium';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard, type InsertedCard } from '../support/vpcd-card';
import { cardSlot, openCounter, projectRoot, type CounterSession } from './counter-session';
import { expectFocusOn } from './page-checks';
import { pageHelpers } from './page-helpers';

const skip = skipWithout('pcscd met vpcd', inject('pcscd')) || skipWithout('Chromium', chromiumAvailability());
const gent = (sequence: number, kansenpas = false) => cardNumber('09000', sequence, kansenpas);
/** The contactless reader: vpcd's second slot, the eID in the first. */
const nfcSlot = 1;
const nfcReader = 'Virtual PCD 00 01';

describe.skipIf(skip).each(counterPcs)('UiTPAS cards tapped beside an eID on $name', (pc) => {
  const screenshots = join(projectRoot, 'test-results/screenshots', pc.name);
  let counter: CounterSession | undefined;
  let page: Page;
  const eid = cardSlot();
  let tapped: InsertedCard | undefined;

  /**
   * Lays a card on the contactless reader. The last one is lifted first and the
   * next laid only once the app has seen it go, as with a person's hand: pcscd
   * polls vpcd's slots (~400 ms), and a swap inside one poll is no removal at all.
   */
  const tap = async (uitpasNumber: string) => {
    if (tapped) {
      const lifted = cardLifted();
      await tapped.remove();
      await lifted;
    }
    tapped = await insertVirtualCard(new VirtualUitpasCard(chipNumberOf(uitpasNumber)), nfcSlot);
  };
  const cardLifted = () =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`the card service did not see the card leave "${nfcReader}" within 5 s`));
      }, 5000);
      const stop = counter!.host.events.subscribe((channel, payload) => {
        if (channel !== 'eid:removed' || (payload as { reader: string }).reader !== nfcReader) return;
        clearTimeout(timer);
        stop();
        resolve();
      });
    });
  const { shot } = pageHelpers(() => page, screenshots);
  const notice = () => page.getByTestId('scan-outcome');

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    counter = await openCounter({ name: `taps-${pc.name}`, page: { viewport: pc.viewport, locale: pc.locale, timezoneId: pc.timezoneId } });
    page = counter.page;
  });

  afterAll(async () => {
    await tapped?.remove();
    await eid.remove();
    await counter?.close();
    expect(counter?.browserDialogs).toEqual([]);
  });

  it('logs in and reads the eID in the first reader', async () => {
    await page.getByRole('button', { name: 'Aanmelden bij UiTiD' }).click();
    await page.getByRole('button', { name: 'Demo-balie Gent Centrum' }).click();
    await expectFocusOn(page, { id: 'search' });
    await eid.insert(virtualCard({ person: virtualPeople.lukas }));
    await expect.poll(() => page.getByTestId('eid-card').getAttribute('data-verified'), { timeout: 15_000 }).toBe('yes');
  });

  it("a pass holder's card opens their screen, the eID still in the other reader", async () => {
    await tap(gent(seedPassholder.cardSequence));
    // The bound, 2 s from the tap with pcscd's polling, is measured by `npm run bench:tap` (docs/benchmarks.md), not asserted here.
    await page.getByTestId('passholder-name').getByText(`${seedPassholder.firstName} ${seedPassholder.name}`).waitFor({ timeout: 5000 });
    await expectFocusOn(page, { testId: 'passholder-name' });
    await shot('taps-01-passholder');
  });

  it('the same card tapped again opens it again, never a turning spinner', async () => {
    await page.getByTestId('passholder-name').evaluate((heading) => heading.setAttribute('data-was', 'first'));
    await tap(gent(seedPassholder.cardSequence));
    await expect.poll(() => page.getByTestId('passholder-name').getAttribute('data-was')).toBeNull();
    await expectFocusOn(page, { testId: 'passholder-name' });
    expect(await page.getByText('Kaart opzoeken in UiTPAS…').count()).toBe(0);
  });

  it("a card of this balie's stock starts a registration with the card in its field and the eID's data", async () => {
    await tap(gent(3));
    await page.locator('[name="uitpasNumber"]').waitFor();
    expect(await page.locator('[name="uitpasNumber"]').inputValue()).toMatch(new RegExp(`^${formatUitpasNumber(gent(3)).replace(/\s/g, '\\s?')}$|^${gent(3)}$`));
    expect(await page.locator('[name="name"]').inputValue()).toBe(virtualPeople.lukas.surname);
    await shot('taps-02-register');
  });

  it('a group pass opens the group view: name, end date, tickets per year and left, card', async () => {
    await tap(gent(seedGroupPass.cardSequence, true));
    await page.getByRole('heading', { name: seedGroupPass.name }).waitFor();
    const facts = await page.getByTestId('group-pass').innerText();
    expect(facts).toContain('30/09/2027');
    expect(facts).toMatch(/Tickets per jaar\s+20/);
    expect(facts).toMatch(/Tickets nog over\s+17/);
    expect(facts).toContain(formatUitpasNumber(gent(seedGroupPass.cardSequence, true)));
    await expectFocusOn(page, { text: seedGroupPass.name });
    await shot('taps-03-group-pass');
  });

  it.each([
    ['a deleted card', () => gent(903), /is verwijderd/],
    ['a blocked card', () => gent(901), /is geblokkeerd/],
    ["another balie's card", () => cardNumber('09300', 101, false), /voorraad van Demo-balie Aalst Bibliotheek/],
  ])('%s gets its own message, on the home screen', async (_case, number, message) => {
    await tap(number());
    await expect.poll(() => notice().innerText()).toMatch(message);
    await expectFocusOn(page, { id: 'search' });
  });

  it('an unknown chip says so, with the chip number; never "not an eID"', async () => {
    await tapped?.remove();
    tapped = await insertVirtualCard(new VirtualUitpasCard('04DEADBEEF0001'), nfcSlot);
    await expect.poll(() => notice().innerText()).toContain('04DEADBEEF0001');
    expect(await page.getByText('geen Belgische eID').count()).toBe(0);
    await shot('taps-04-unknown-chip');
  });
});
