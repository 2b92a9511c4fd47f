import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, denyAllPermissions, lockNewWindows } from '../../electron/window/window';
import { createMockSession, MockBrowserWindow, MockWebContents } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock());

describe('main window', () => {
  beforeEach(() => vi.mocked(shell.openExternal).mockClear());

  it('runs the page isolated, sandboxed, without Node and with web security', () => {
    const window = createMainWindow('/app/out/preload/index.js') as unknown as MockBrowserWindow;
    expect(window).toBeInstanceOf(BrowserWindow);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('never navigates away from the app page, and sends allowed links to the system browser', () => {
    const window = createMainWindow('/p.js') as unknown as MockBrowserWindow;
    const toSite = window.webContents.fire('will-navigate', 'https://www.uitpas.be/voordelen');
    const toElsewhere = window.webContents.fire('will-navigate', 'https://evil.example/phish');
    const toFile = window.webContents.fire('will-navigate', 'file:///etc/passwd');
    expect([toSite, toElsewhere, toFile].every((event) => event.defaultPrevented)).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.uitpas.be/voordelen');
  });
});

describe('every web contents', () => {
  it('opens no new windows; only allow-listed https links reach the system browser', () => {
    vi.mocked(shell.openExternal).mockClear();
    const contents = new MockWebContents();
    lockNewWindows(contents as unknown as WebContents);
    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://www.uitpas.be/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://www.uitpas.be/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://www.uitpas.be.evil.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://user@www.uitpas.be/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(contents.fire('will-attach-webview').defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    const session = createMockSession();
    denyAllPermissions(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'hid', 'serial']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media')).toBe(false);
  });
});
