/** Debian's Chromium driven by playwright-core, with the flags this closed network needs. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { PartAvailability } from './pcscd';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailability(): PartAvailability {
  return existsSync(executablePath)
    ? { available: true }
    : { available: false, reason: `${executablePath} ontbreekt (apt-get install chromium)` };
}

export function launchChromium(): Promise<Browser> {
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
      // Counter PCs run in Dutch (Belgium): dates in inputs read dd/mm/jjjj as they do there.
      '--lang=nl-BE',
    ],
  });
}
