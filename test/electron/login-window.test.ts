import { BrowserWindow, safeStorage } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { showAuthorizeWindow } from '../../electron/window/login-window';
import { safeStorageCipher } from '../../electron/window/safe-storage';
import { LoginCancelledError, loginCallbackUrl } from '../../electron/uitpas/login-flow';
import type { MockBrowserWindow } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock());

const windows = () => (BrowserWindow as unknown as typeof MockBrowserWindow).instances;
const authorizeUrl = 'https://test.uitid.be/uitid/rest/auth/authorize?oauth_token=abc';

describe('login window', () => {
  it('shows the authorize page sandboxed, in its own session, without a preload', () => {
    void showAuthorizeWindow(null)(authorizeUrl, loginCallbackUrl).catch(() => undefined);
    const window = windows().at(-1)!;
    expect(window.loadURL).toHaveBeenCalledWith(authorizeUrl);
    expect(window.options.webPreferences).toEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      partition: 'uitid-login',
      disableBlinkFeatures: 'Auxclick',
      // The mocked app is packaged: no DevTools.
      devTools: false,
    });
  });

  it('grants its partition no permission, and keeps every frame on UiTiD pages', () => {
    void showAuthorizeWindow(null)(authorizeUrl, loginCallbackUrl).catch(() => undefined);
    const { webContents } = windows().at(-1)!;
    const [[request]] = webContents.session.setPermissionRequestHandler.mock.calls as [[(contents: unknown, permission: string, callback: (granted: boolean) => void) => void]];
    const granted = vi.fn();
    request({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    const [[check]] = webContents.session.setPermissionCheckHandler.mock.calls as [[() => boolean]];
    expect(check()).toBe(false);
    const frame = (url: string, isMainFrame = false) => webContents.fireDetails('will-frame-navigate', { url, isMainFrame }).defaultPrevented;
    expect(frame('https://evil.example/ad')).toBe(true);
    expect(frame('http://test.uitid.be/insecure')).toBe(true);
    expect(frame('https://account.uitid.be/captcha')).toBe(false);
    // The main frame is will-navigate's: not judged twice.
    expect(frame('https://evil.example/', true)).toBe(false);
  });

  it('closes DevTools should they open anyway', () => {
    void showAuthorizeWindow(null)(authorizeUrl, loginCallbackUrl).catch(() => undefined);
    const { webContents } = windows().at(-1)!;
    webContents.emit('devtools-opened');
    expect(webContents.closeDevTools).toHaveBeenCalled();
  });

  it('stays on UiTiD pages, and catches the callback instead of loading it', async () => {
    const result = showAuthorizeWindow(null)(authorizeUrl, loginCallbackUrl);
    const window = windows().at(-1)!;
    expect(window.webContents.fire('will-navigate', 'https://test.uitid.be/uitid/rest/auth/login').defaultPrevented).toBe(false);
    expect(window.webContents.fire('will-navigate', 'https://account.uitid.be/login').defaultPrevented).toBe(false);
    expect(window.webContents.fire('will-navigate', 'https://evil.example/phish').defaultPrevented).toBe(true);
    expect(window.webContents.fire('will-redirect', 'http://test.uitid.be/insecure').defaultPrevented).toBe(true);
    const callback = `${loginCallbackUrl}?oauth_token=abc&oauth_verifier=v`;
    expect(window.webContents.fire('will-redirect', callback).defaultPrevented).toBe(true);
    await expect(result).resolves.toBe(callback);
    expect(window.close).toHaveBeenCalled();
  });

  it('gives up when the employee closes it', async () => {
    const result = showAuthorizeWindow(null)(authorizeUrl, loginCallbackUrl);
    windows().at(-1)!.emit('closed');
    await expect(result).rejects.toBeInstanceOf(LoginCancelledError);
  });
});

describe('safeStorage secret cipher', () => {
  it("passes on the OS's hint that a secret should be encrypted again", async () => {
    vi.mocked(safeStorage.decryptStringAsync).mockResolvedValueOnce({ result: 'token', shouldReEncrypt: true });
    expect(await safeStorageCipher.decrypt(Buffer.from('old'))).toEqual({ result: 'token', shouldReEncrypt: true });
  });

  it('encrypts with the OS store when there is one', async () => {
    expect(await safeStorageCipher.unavailableReason()).toBeNull();
    expect(await safeStorageCipher.decrypt(await safeStorageCipher.encrypt('token'))).toEqual({ result: 'token', shouldReEncrypt: false });
  });

  it('refuses Linux without a keyring (basic_text is plain text) and a missing store', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'linux' });
    vi.mocked(safeStorage.getSelectedStorageBackend).mockReturnValue('basic_text');
    expect(await safeStorageCipher.unavailableReason()).toBe('no-keyring');
    Object.defineProperty(process, 'platform', platform);
    vi.mocked(safeStorage.isAsyncEncryptionAvailable).mockResolvedValue(false);
    expect(await safeStorageCipher.unavailableReason()).toBe('no-encryption');
  });
});
