/**
 * The counter flows that depend on the UiTPAS API as production answers it, end to end: the built renderer in
 * Chromium through the browser host, the demo simulator behind it, eIDs read through pcscd and vpcd. What
 * leaves for UiTPAS is recorded at the client's network, so the test sees the real requests.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cardNumber } from '../../electron/simulator/seed';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import { virtualCard } from '../support/card-fixtures';
import { chromiumAvailability } from '../support/chromium';
import { skipWithout } from '../support/real-parts';
import { cardSlot, openCounter, projectRoot, requestUrl, type CounterSession } from './counter-session';
import { pageHelpers } from './page-helpers';

const screenshots = join(projectRoot, 'test-results/screenshots');
const skip = skipWithout('pcscd met vpcd', inject('pcscd')) || skipWithout('Chromium', chromiumAvailability());
const gent = (sequence: number) => cardNumber('09000', sequence, false);

describe.skipIf(skip)('API flows in Chromium: look-up after an eID read, register with opt-ins', () => {
  let counter: CounterSession | undefined;
  let page: Page;
  const { insert, remove } = cardSlot();
  /** Every request the UiTPAS client sent: method, path with query, form body. */
  const sent: { method: string; url: string; body: string }[] = [];

  const shot = (name: string) => page.screenshot({ path: join(screenshots, `api-${name}.png`), fullPage: true });
  const { expectFocus, field, fieldError } = pageHelpers(() => page, screenshots);
  const registerBody = () => new URLSearchParams(sent.filter((request) => request.url.includes('/uitpas/passholder/register')).at(-1)?.body ?? '');

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    counter = await openCounter({
      name: 'api',
      page: { viewport: { width: 1280, height: 900 }, locale: 'nl-BE' },
      fetch: (input, init) => {
        sent.push({ method: init?.method ?? 'GET', url: requestUrl(input), body: typeof init?.body === 'string' ? init.body : '' });
        return fetch(input, init);
      },
    });
    page = counter.page;
    await page.getByRole('button', { name: 'Aanmelden bij UiTiD' }).click();
    await page.getByRole('button', { name: 'Demo-balie Gent Centrum' }).click();
    await page.getByTestId('balie').waitFor();
  });

  afterAll(async () => {
    await remove();
    await counter?.close();
    expect(counter?.browserDialogs).toEqual([]);
  });

  it('registers from an eID with the opt-ins asked, the terms handed over, never the removed preferences', async () => {
    await insert(virtualCard({ person: virtualPeople.jonas }));
    await page.getByText('Nog geen pashouder met dit rijksregisternummer.').waitFor({ timeout: 15_000 });
    await page.getByTestId('eid-panel').getByRole('button', { name: 'Nieuwe pashouder registreren' }).click();
    await field('uitpasNumber').fill(gent(3));
    await field('uitpasNumber').press('Enter');
    await expect.poll(() => page.getByTestId('card-status').textContent()).toBe('Kaart van UiTPAS Gent, beschikbaar aan deze balie.');
    // Born 1985: the adult price, asked with date of birth and postal code.
    await expect.poll(() => page.getByTestId('price').textContent()).toBe('Te betalen: € 5,00');
    expect(sent.some((request) => request.url.includes('/uitpas/price?') && request.url.includes('dateOfBirth=1985-07-30'))).toBe(true);

    const optIns = page.getByTestId('opt-ins');
    // The five opt-ins and the explicit "none"; without an e-mail address or a mobile number, the mails and SMS
    // cannot reach anyone and are off, as the real counter has them (issue 27 item 5).
    expect(await optIns.getByRole('checkbox').count()).toBe(6);
    expect(await optIns.getByRole('checkbox', { disabled: true }).count()).toBe(4);
    expect(await page.getByTestId('opt-ins-reach').textContent()).toBe('E-mails aanvragen kan pas met een e-mailadres. Sms aanvragen kan pas met een gsm-nummer.');
    await field('email').fill('jonas.vermeulen@example.org');
    await expect.poll(() => optIns.getByRole('checkbox', { disabled: true }).count()).toBe(1);
    expect(await page.getByTestId('opt-ins-reach').textContent()).toBe('Sms aanvragen kan pas met een gsm-nummer.');
    await page.getByLabel('Nieuwsbrieven en info').check();
    await page.getByLabel('Post', { exact: true }).check();
    await page.getByLabel('Voorwaarden op papier meegegeven').check();
    await shot('01-register-opt-ins');
    await page.getByRole('button', { name: 'Registreren', exact: true }).click();
    await page.getByTestId('registered').waitFor();

    const body = registerBody();
    expect(Object.fromEntries(['optInServiceMails', 'optInMilestoneMails', 'optInInfoMails', 'optInSms', 'optInPost', 'legalTermsPaper', 'legalTermsDigital'].map((name) => [name, body.get(name)]))).toEqual({
      optInServiceMails: 'false',
      optInMilestoneMails: 'false',
      optInInfoMails: 'true',
      optInSms: 'false',
      optInPost: 'true',
      legalTermsPaper: 'true',
      legalTermsDigital: 'false',
    });
    expect(body.has('emailPreference') || body.has('smsPreference')).toBe(false);
    await page.getByRole('button', { name: 'Volgende klant' }).click();
  });

  it('finds the duplicate INSZ right after the eID read, through uitpas/retrieve', async () => {
    await remove();
    await expect.poll(() => page.getByTestId('eid-card').count()).toBe(0);
    sent.length = 0;
    await insert(virtualCard({ person: virtualPeople.jonas }));
    await expect.poll(() => sent.filter((request) => request.url.includes('/uitpas/')).length, { timeout: 15_000 }).toBe(1);
    await page.getByTestId('existing-passholder').waitFor({ timeout: 15_000 });
    await shot('02-duplicate-insz');
    const lookUps = sent.filter((request) => request.url.includes('/uitpas/'));
    expect(lookUps.map((request) => new URL(request.url).pathname.replace(/^.*\/uitid\/rest\//, ''))).toEqual(['uitpas/retrieve']);
    expect(new URL(lookUps[0]?.url ?? '').searchParams.get('identification')).toBe('85073003328');
    expect(await page.getByRole('button', { name: 'Openen: Jonas Vermeulen' }).count()).toBe(1);
    await remove();
  });

  it('for a child: no opt-ins, a parent’s consent asked before anything is sent', async () => {
    await page.getByRole('button', { name: 'Nieuwe pashouder registreren' }).first().click();
    await expectFocus({ name: 'name' });
    await field('name').fill('Janssens');
    await field('firstName').fill('Mila');
    await field('inszNumber').fill('15061812314');
    await field('dateOfBirth').fill('18/06/2015');
    await field('postalCode').fill('9000');
    await field('city').fill('Gent');
    const optIns = page.getByTestId('opt-ins');
    await expect.poll(() => optIns.getByRole('checkbox', { disabled: true }).count()).toBe(5);
    await optIns.getByText('Onder 16 jaar kan een pashouder geen berichten aanvragen.').waitFor();
    // The card is checked first: the child's price, asked with the birth date.
    await field('uitpasNumber').fill(gent(4));
    await field('uitpasNumber').press('Enter');
    await expect.poll(() => page.getByTestId('price').textContent()).toBe('Te betalen: € 2,00');
    expect(sent.some((request) => request.url.includes('/uitpas/price?') && request.url.includes('dateOfBirth=2015-06-18'))).toBe(true);
    sent.length = 0;
    await page.getByRole('button', { name: 'Registreren', exact: true }).click();
    await expect.poll(() => fieldError('parentalConsent').textContent()).toBe('Verplicht voor een minderjarige: vraag toestemming aan een ouder of voogd.');
    await expectFocus({ name: 'parentalConsent' });
    expect(sent.filter((request) => request.url.includes('/passholder/register'))).toEqual([]);
    await shot('03-child-consent');
    await page.getByLabel('Toestemming van een ouder of voogd').check();
    await page.getByLabel('Geen e-mail of telefoon').check();
    await page.getByLabel('Voorwaarden niet meegegeven').check();
    await page.getByRole('button', { name: 'Registreren', exact: true }).click();
    await page.getByTestId('registered').waitFor();
    expect(registerBody().get('parentalConsent')).toBe('true');
    expect(registerBody().get('optInSms')).toBe('false');
    expect(await page.getByTestId('collect').textContent()).toBe('Vraag € 2,00. Geef de kaart aan de pashouder.');
    await expectFocus({ testId: 'done-message' });
    await page.getByRole('button', { name: 'Volgende klant' }).click();
    await expectFocus({ id: 'search' });
  });
});
