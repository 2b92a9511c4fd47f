/**
 * Smoke test of unpacked builds, run by the release workflow on each OS.
 * BALIE_PACKAGED_APP is the executable of the test-only build (BALIE_TEST_BUILD=1,
 * never shipped): it is started with a Chromium remote-debugging port (the fuses
 * forbid Node's inspector, which Playwright's own Electron launcher needs) and
 * driven over CDP. BALIE_RELEASE_APP is the executable of the release build: it
 * must refuse that port and quit before it opens a window.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const executable = process.env.BALIE_PACKAGED_APP ?? '';
const release = process.env.BALIE_RELEASE_APP ?? '';
const port = 9333;

describe.skipIf(!release)('the release build', () => {
  it('refuses a debugging port: it quits at once, and nothing answers on the port', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'balie-release-'));
    const child = spawn(release, [`--remote-debugging-port=${port + 1}`, `--user-data-dir=${userData}`], { stdio: 'inherit' });
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(1);
    await expect(fetch(`http://127.0.0.1:${port + 1}/json/version`)).rejects.toThrow();
  }, 60_000);
});

describe.skipIf(!executable)('the packaged app', () => {
  let app: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    const userData = mkdtempSync(join(tmpdir(), 'balie-smoke-'));
    app = spawn(executable, [`--remote-debugging-port=${port}`, `--user-data-dir=${userData}`], { stdio: 'inherit' });
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    const connected = browser;
    const found = connected.contexts().flatMap((context) => context.pages()).find((candidate) => candidate.url().startsWith('app://balie/'));
    page = found ?? (await connected.contexts()[0]!.waitForEvent('page'));
  }, 90_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    app?.kill();
  });

  it('opens its window on app://balie/ with window.balie and nothing of Node', async () => {
    await page.waitForFunction(() => 'balie' in window);
    expect(page.url()).toBe('app://balie/index.html');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  });

  it('answers from the main process: app info and the reader service', async () => {
    const answers = await page.evaluate(async () => ({ info: await window.balie.getAppInfo(), readers: await window.balie.getReaders() }));
    expect(answers.info).toMatchObject({ ok: true, value: { name: 'UiTPAS Balie', host: 'electron' } });
    expect(answers.readers).toMatchObject({ ok: true, value: { service: expect.stringMatching(/running|unavailable/) } });
  });
});
