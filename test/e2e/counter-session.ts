/**
 * What every end-to-end suite starts from: the browser host with the real
 * services (pcscd for the readers, the demo simulator behind the UiTPAS client)
 * in a data folder of its own, one Chromium page as a counter PC sets it up,
 * and the virtual card in vpcd's first reader. The browser's own confirm() and
 * alert() are recorded and dismissed: the app must ask in its own dialog, so a
 * suite expects the list to stay empty.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startBrowserHostApp, type BrowserHostApp } from '../../electron/browser-host/app';
import { createPcscliteContext } from '../../native/pcsc/pcsclite-context';
import { testTrustAnchors } from '../support/card-fixtures';
import { launchChromium, openHostPage } from '../support/chromium';
import { VirtualUitpasCard } from '../../native/contactless/virtual-uitpas-card';
import { insertVirtualCard, type InsertedCard, type VirtualCardBehaviour } from '../support/vpcd-card';

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface CounterSession {
  host: BrowserHostApp;
  browser: Browser;
  page: Page;
  /** Where settings.json and the secrets of this run live. */
  dataDirectory: string;
  /** Messages of the browser's own dialogs: there must be none. */
  browserDialogs: string[];
  close(): Promise<void>;
}

/** The host and a page on it; `fetch` lets a suite watch or break what the UiTPAS client sends. */
export async function openCounter(options: { name: string; page: BrowserContextOptions; fetch?: typeof fetch; policyRoot?: string }): Promise<CounterSession> {
  const dataDirectory = mkdtempSync(resolve(tmpdir(), `balie-e2e-${options.name}-`));
  const host = await startBrowserHostApp({
    projectRoot,
    createPcscContext: createPcscliteContext,
    trustAnchors: testTrustAnchors(),
    dataDirectory,
    port: 0,
    fetch: options.fetch ?? fetch,
    // The machine policy of this run (a temporary root), never the machine's own.
    policyRoot: options.policyRoot ?? mkdtempSync(resolve(tmpdir(), `balie-e2e-policy-${options.name}-`)),
  });
  const browser = await launchChromium();
  const page = await browser.newPage(options.page);
  const browserDialogs: string[] = [];
  page.on('dialog', (question) => {
    browserDialogs.push(question.message());
    void question.dismiss();
  });
  await openHostPage(page, host.url);
  openEvents = host.events;
  return {
    host,
    browser,
    page,
    dataDirectory,
    browserDialogs,
    close: async () => {
      await browser.close();
      await host.close();
      openEvents = undefined;
    },
  };
}

/** The URL a fetch call asks for, whatever form its first argument takes. */
export function requestUrl(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/** The main-process events of the counter now open (one per suite file: files run one at a time). */
let openEvents: BrowserHostApp['events'] | undefined;

/**
 * Resolves when the card service has seen the card leave `reader`, or after 5 s
 * (a card it never saw gives no removal). pcscd polls vpcd's slots (~400 ms), and a
 * card swapped inside one poll is never seen to leave, so the next would not be read.
 */
function cardLeft(reader: string): Promise<void> {
  return new Promise((resolve) => {
    if (!openEvents) return resolve();
    const timer = setTimeout(() => {
      stop();
      resolve();
    }, 5000);
    const stop = openEvents.subscribe((channel, payload) => {
      if (channel !== 'eid:removed' || (payload as { reader: string }).reader !== reader) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

/**
 * A fetch for openCounter that breaks the next registration as a suite asks: the connection drops before it
 * leaves (`never-arrived`), or UiTPAS carries it out and the answer is lost (`answer-lost`). It counts the
 * register requests that reached UiTPAS.
 */
export function registerFaults() {
  const faults = {
    next: null as 'answer-lost' | 'never-arrived' | null,
    arrived: 0,
    fetch: (async (input, init) => {
      const register = requestUrl(input).endsWith('/uitpas/passholder/register');
      const failure = register ? faults.next : null;
      if (failure) faults.next = null;
      if (failure === 'never-arrived') throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      const response = await fetch(input, init);
      if (register) faults.arrived += 1;
      if (failure === 'answer-lost') throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      return response;
    }) as typeof fetch,
  };
  return faults;
}

/** A virtual card in one of vpcd's readers (the first unless told): a new insert takes the previous card out first, as a hand does. */
export function cardSlot(slot = 0) {
  let inserted: InsertedCard | undefined;
  const remove = async () => {
    if (!inserted) return;
    const left = cardLeft(`Virtual PCD 00 0${slot}`);
    await inserted.remove();
    inserted = undefined;
    await left;
  };
  return {
    remove,
    insert: async (card: VirtualCardBehaviour) => {
      await remove();
      inserted = await insertVirtualCard(card, slot);
    },
  };
}

/** vpcd's second reader, the contactless one beside the eID: a tap lays a UiTPAS card there, lifting the last one first (as a hand does). */
export function tapSlot() {
  let tapped: InsertedCard | undefined;
  const lift = async () => {
    if (!tapped) return;
    const left = cardLeft('Virtual PCD 00 01');
    await tapped.remove();
    tapped = undefined;
    await left;
  };
  return {
    lift,
    tap: async (chipNumber: string) => {
      await lift();
      tapped = await insertVirtualCard(new VirtualUitpasCard(chipNumber), 1);
    },
  };
}
