/**
 * `npm run bench:tap`: a UiTPAS card tapped beside an eID, to the pass holder
 * on screen, split into its parts. The browser host runs with the real card
 * service over pcscd + vpcd (the eID in slot 0, the tapped card in slot 1) and
 * the demo simulator; the page is Chromium at 1024×640 on the home screen. Per
 * tap, on this machine's clock: pcscd noticing the card (its polling), the
 * PC/SC read (connect, GET DATA in a transaction), the UiTPAS round trip
 * (uitpas/retrieve at the simulator, timed around the host's fetch), and the
 * app's own part (everything else from the chip number to the heading on
 * screen: IPC, routing, signing, parsing, React).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, inject, it } from 'vitest';
import { startBrowserHostApp } from '../../electron/browser-host/app';
import type { ReaderStatus } from '../../electron/ipc/contract';
import { cardNumber, chipNumberOf, seedPassholder } from '../../electron/simulator/seed';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import { VirtualUitpasCard } from '../../native/contactless/virtual-uitpas-card';
import { createPcscliteContext } from '../../native/pcsc/pcsclite-context';
import { testTrustAnchors, virtualCard } from '../support/card-fixtures';
import { launchChromium, openHostPage } from '../support/chromium';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard } from '../support/vpcd-card';

const root = resolve(import.meta.dirname, '../..');
const rounds = Number(process.env.BENCH_READS ?? 20);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const nfcReader = 'Virtual PCD 00 01';

it.skipIf(skipWithout('pcscd met vpcd', inject('pcscd')))('tap → pass holder on screen, split', { timeout: 600_000 }, async () => {
  let retrieve = { start: 0, end: 0 };
  const host = await startBrowserHostApp({
    projectRoot: root,
    createPcscContext: createPcscliteContext,
    trustAnchors: testTrustAnchors(),
    dataDirectory: mkdtempSync(join(tmpdir(), 'bench-tap-')),
    port: 0,
    fetch: async (input, init) => {
      const timed = String(input instanceof Request ? input.url : input).includes('/uitpas/retrieve');
      const start = Date.now();
      const response = await fetch(input, init);
      // The body is read by the transport after this; text() here would consume it, so only the headers' arrival is timed.
      if (timed) retrieve = { start, end: Date.now() };
      return response;
    },
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1024, height: 640 }, locale: 'en-US' });
  await openHostPage(page, host.url);
  await page.getByRole('button', { name: 'Aanmelden bij UiTiD' }).click();
  await page.getByRole('button', { name: 'Demo-balie Gent Centrum' }).click();
  const eid = await insertVirtualCard(virtualCard({ person: virtualPeople.lukas }), 0);
  await page.getByTestId('eid-card').waitFor({ timeout: 20_000 });

  let seenAt = 0;
  let tappedAt = 0;
  host.events.subscribe((channel, payload) => {
    if (channel === 'eid:readers' && (payload as ReaderStatus).readers.some((reader) => reader.name === nfcReader && reader.cardPresent)) seenAt ||= Date.now();
    if (channel === 'card:tapped') tappedAt = Date.now();
  });
  const card = new VirtualUitpasCard(chipNumberOf(cardNumber('09000', seedPassholder.cardSequence, false)));
  const parts = { pcscdNotices: [] as number[], pcscRead: [] as number[], uitpasRoundTrip: [] as number[], app: [] as number[], total: [] as number[] };
  for (let index = 0; index < rounds; index++) {
    seenAt = 0;
    // A loop on MessageChannel (no timer clamping) notes when a fresh pass holder heading shows.
    await page.evaluate(() => {
      const state = window as unknown as { shownAt?: number };
      state.shownAt = undefined;
      document.querySelector('[data-testid="passholder-name"]')?.setAttribute('data-old', '');
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const heading = document.querySelector('[data-testid="passholder-name"]');
        if (heading && !heading.hasAttribute('data-old')) state.shownAt = Date.now();
        else channel.port2.postMessage(null);
      };
      channel.port2.postMessage(null);
    });
    const insertedAt = Date.now();
    const tapped = await insertVirtualCard(card, 1);
    await page.waitForFunction(() => (window as unknown as { shownAt?: number }).shownAt !== undefined, undefined, { timeout: 20_000 });
    const shownAt = await page.evaluate(() => (window as unknown as { shownAt: number }).shownAt);
    const roundTrip = retrieve.end - retrieve.start;
    parts.pcscdNotices.push(seenAt - insertedAt);
    parts.pcscRead.push(tappedAt - seenAt);
    parts.uitpasRoundTrip.push(roundTrip);
    parts.app.push(shownAt - tappedAt - roundTrip);
    parts.total.push(shownAt - insertedAt);
    await tapped.remove();
    await page.waitForFunction(() => document.querySelector('[data-testid="passholder-name"]') !== null);
    await new Promise((done) => setTimeout(done, 600));
  }
  await eid.remove();
  await browser.close();
  await host.close();

  const result = Object.fromEntries(Object.entries(parts).flatMap(([name, values]) => [[`${name}MedianMs`, median(values)], [`${name}MaxMs`, Math.max(...values)]]));
  console.table({ rounds, ...result });
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-tap.json', JSON.stringify({ rounds, ...result }, null, 2));
  expect(parts.total).toHaveLength(rounds);
});
