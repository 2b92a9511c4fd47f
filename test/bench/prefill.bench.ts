/**
 * `npm run bench:ui`: the renderer's share of an eID read. The browser host
 * runs with the real reader service over pcscd + vpcd; the register form is
 * open in Chromium. For each insertion it takes the time from main emitting
 * the identity-and-address event (the PC/SC read of those files is done by
 * then) to the form showing the card's surname, both on this machine's clock.
 * Also reports the renderer bundle's gzipped size.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, inject, it } from 'vitest';
import { startBrowserHostApp } from '../../electron/browser-host/app';
import type { EidCard } from '../../electron/ipc/contract';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import { createPcscliteContext } from '../../native/pcsc/pcsclite-context';
import { testTrustAnchors, virtualCard } from '../support/card-fixtures';
import { launchChromium, openHostPage } from '../support/chromium';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard } from '../support/vpcd-card';

const root = resolve(import.meta.dirname, '../..');
const rounds = Number(process.env.BENCH_READS ?? 20);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

it.skipIf(skipWithout('pcscd met vpcd', inject('pcscd')))('renderer: bundle size and event-to-form time', { timeout: 600_000 }, async () => {
  const assets = join(root, 'out/renderer/assets');
  const bundleGzipBytes = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name))).length, 0);

  const host = await startBrowserHostApp({ projectRoot: root, createPcscContext: createPcscliteContext, trustAnchors: testTrustAnchors(), dataDirectory: mkdtempSync(join(tmpdir(), 'bench-ui-')), port: 0 });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await openHostPage(page, host.url);
  await page.getByRole('button', { name: 'Aanmelden bij UiTiD' }).click();
  await page.getByRole('button', { name: 'Demo-balie Gent Centrum' }).click();
  await page.getByRole('button', { name: 'Nieuwe pashouder registreren' }).first().click();

  let emittedAt = 0;
  host.events.subscribe((channel, payload) => {
    if (channel === 'eid:card' && !(payload as EidCard).complete) emittedAt = Date.now();
  });
  const people = [virtualPeople.jonas, virtualPeople.zoe, virtualPeople.lukas, virtualPeople.aylin];
  const durations: number[] = [];
  for (let index = 0; index < rounds; index++) {
    const person = people[index % people.length]!;
    // A loop on MessageChannel (no timer clamping) notes when the surname appears in the form.
    await page.evaluate((surname) => {
      const state = window as unknown as { filledAt?: number };
      state.filledAt = undefined;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if ((document.querySelector<HTMLInputElement>('[name="name"]')?.value ?? '') === surname) state.filledAt = Date.now();
        else channel.port2.postMessage(null);
      };
      channel.port2.postMessage(null);
    }, person.surname);
    const card = await insertVirtualCard(virtualCard({ person }), 0);
    await page.waitForFunction(() => (window as unknown as { filledAt?: number }).filledAt !== undefined, undefined, { timeout: 20_000 });
    const filledAt = await page.evaluate(() => (window as unknown as { filledAt: number }).filledAt);
    durations.push(filledAt - emittedAt);
    await card.remove();
    await page.getByTestId('eid-card').waitFor({ state: 'detached', timeout: 10_000 });
  }
  await browser.close();
  await host.close();

  const result = { bundleGzipKiB: Number((bundleGzipBytes / 1024).toFixed(1)), rounds, medianEventToFormMs: median(durations), maxEventToFormMs: Math.max(...durations) };
  console.table(result);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-ui.json', JSON.stringify(result, null, 2));
  expect(durations).toHaveLength(rounds);
});
