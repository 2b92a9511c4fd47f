/** Debian's Chromium driven by playwright-core, with the flags this closed network needs. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { tabStorageKey } from '../../electron/browser-host/wire';
import type { PartAvailability } from './pcscd';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailability(): PartAvailability {
  return existsSync(executablePath)
    ? { available: true }
    : { available: false, reason: `${executablePath} ontbreekt (apt-get install chromium)` };
}

/**
 * The PCs the counters really have: a Dutch one at 1280×720, and an ordinary
 * office PC in English with 1024×640 usable, in another time zone. The app
 * must look and behave the same on both (dates, amounts, focus, fit).
 */
export interface CounterPc extends Pick<BrowserContextOptions, 'locale' | 'timezoneId'> {
  name: string;
  viewport: { width: number; height: number };
  locale: string;
  timezoneId: string;
}

export const counterPcs: readonly CounterPc[] = [
  { name: 'nl-BE-1280x720', viewport: { width: 1280, height: 720 }, locale: 'nl-BE', timezoneId: 'Europe/Brussels' },
  { name: 'en-US-1024x640', viewport: { width: 1024, height: 640 }, locale: 'en-US', timezoneId: 'America/New_York' },
];

export function launchChromium(): Promise<Browser> {
  // No --lang: the language is the context's (see counterPcs), so the tests see what each PC shows.
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Opens the browser host's one-time link and waits until the page holds its tab
 * secret. The link's token opens one socket only (electron/browser-host/server.ts):
 * a reload before the secret arrived would leave the page with nothing to connect with.
 */
export async function openHostPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(`sessionStorage.getItem(${JSON.stringify(tabStorageKey)}) !== null`);
}
