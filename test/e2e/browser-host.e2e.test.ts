/**
 * The renderer in Debian's Chromium through the browser host, with the real
 * main-process services over a real pcscd and vpcd's virtual readers.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBrowserHostApp, type BrowserHostApp } from '../../electron/browser-host/app';
import { createBalieApi } from '../../electron/ipc/bridge-api';
import { createPcscliteContext } from '../../native/pcsc/pcsclite-context';
import { chromiumAvailability, launchChromium, openHostPage } from '../support/chromium';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard } from '../support/vpcd-card';

const projectRoot = resolve(import.meta.dirname, '../..');
const screenshots = join(projectRoot, 'test-results/screenshots');
const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
const skip = skipWithout('pcscd met vpcd', inject('pcscd')) || skipWithout('Chromium', chromiumAvailability());

/** Answers every APDU with "instruction not supported": enough for a card to be seen as present. */
const blankCard = { atr: Buffer.from('3b9813400aa503010101ad1311', 'hex'), transmit: () => Buffer.from([0x6d, 0x00]) };

describe.skipIf(skip)('the app in Chromium through the browser host', () => {
  let host: BrowserHostApp | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    host = await startBrowserHostApp({
      projectRoot,
      createPcscContext: createPcscliteContext,
      dataDirectory: mkdtempSync(join(tmpdir(), 'balie-e2e-')),
      // A policy root of this run, never the machine's own.
      policyRoot: mkdtempSync(join(tmpdir(), 'balie-e2e-policy-')),
      port: 0,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // Playwright waits 30 s for an element by default, longer than a test may take: a step that waits names itself.
    page.setDefaultTimeout(8000);
    await openHostPage(page, host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const readerCard = (name: string) => page.locator('.readers li', { hasText: name }).getAttribute('data-card');

  it('shows the version and the readers that main read from pcscd, and follows a card in and out', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));

    await page.reload();
    await expect.poll(() => page.getByTestId('app-version').textContent()).toBe(`versie ${version}`);
    await page.getByRole('button', { name: 'Aanmelden bij UiTiD' }).click();
    await page.getByRole('button', { name: 'Demo-balie Gent Centrum' }).click();
    await expect
      .poll(() => page.locator('.readers .reader-name').allTextContents())
      .toEqual(['Virtual PCD 00 00', 'Virtual PCD 00 01']);
    expect(await readerCard('Virtual PCD 00 00')).toBe('absent');

    const card = await insertVirtualCard(blankCard, 0);
    await expect.poll(() => readerCard('Virtual PCD 00 00'), { timeout: 5000 }).toBe('present');
    expect(await readerCard('Virtual PCD 00 01')).toBe('absent');
    await page.screenshot({ path: join(screenshots, 'home-card-present.png') });

    await card.remove();
    await expect.poll(() => readerCard('Virtual PCD 00 00'), { timeout: 5000 }).toBe('absent');
    expect(errors).toEqual([]);
  });

  it('gives the page no Node, no Electron internals and a frozen bridge', async () => {
    const probe = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      keys: Object.keys(window.balie).sort(),
      frozen: Object.isFrozen(window.balie),
    }));
    const contractApi = createBalieApi({ invoke: () => Promise.reject(new Error('unused')), subscribe: () => () => undefined });
    expect(probe).toEqual({ require: 'undefined', process: 'undefined', keys: Object.keys(contractApi).sort(), frozen: true });
  });

  it('blocks inline script by its Content-Security-Policy', async () => {
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(ran).toBe(false);
  });
});
