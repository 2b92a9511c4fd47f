/**
 * `--diagnose`: the packaged app prints the support report and quits, without a window and beside a
 * running app (no single-instance lock). Electron is mocked: its network answers nothing, so UiTPAS and
 * UiTiD show as not reachable, by Chromium's error name.
 */
import { app, BrowserWindow } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FakePcscContext } from '../support/fake-pcsc';
import type { MockBrowserWindow } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock());
vi.mock('../../native/pcsc/pcsclite-context', () => ({ createPcscliteContext: () => new FakePcscContext() }));
Object.defineProperty(process, 'resourcesPath', { value: join(process.cwd(), 'build'), configurable: true });

describe('--diagnose', () => {
  it('prints the report, writes it to the log folder, opens no window and exits', async () => {
    const printed: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    process.argv.push('--diagnose');
    try {
      await import('../../electron/main');
      await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0), { timeout: 15_000 });
    } finally {
      process.argv.pop();
      write.mockRestore();
    }
    const report = printed.join('');
    expect(report).toContain('UiTPAS Balie support report');
    expect(report).toMatch(/app: 0\.1\.0 \(electron\)/);
    expect(report).toContain('environment: demo; login: uitid-v2');
    expect(report).toMatch(/policy: \/etc\/uitpas-balie\/policy\.json \(absent\)|policy: .+policy\.json/);
    expect(report).toMatch(/uitpas: http:\/\/127\.0\.0\.1:\d+ NOT reachable \(ERR_INTERNET_DISCONNECTED\), proxy DIRECT/);
    expect(readFileSync(join(app.getPath('logs'), 'diagnose.txt'), 'utf8')).toBe(report);
    expect((BrowserWindow as unknown as typeof MockBrowserWindow).instances).toHaveLength(0);
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(existsSync(app.getPath('logs'))).toBe(true);
  }, 30_000);
});
