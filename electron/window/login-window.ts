/**
 * The dedicated window for UiTiD's login pages. It has no preload and its own
 * in-memory session, may only show UiTiD's pages, and closes when UiTiD sends
 * the browser to the app's callback URL, which it catches instead of loading.
 */
import { BrowserWindow, shell } from 'electron';
import { LoginCancelledError } from '../uitpas/login-flow';
import { isLoginPageUrl } from './navigation';

export function showAuthorizeWindow(parent: BrowserWindow | null) {
  return (authorizeUrl: string, callbackUrl: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const window = new BrowserWindow({
        parent: parent ?? undefined,
        modal: parent !== null,
        width: 520,
        height: 720,
        // A name, the same in every language: main has no words of its own (README, Languages).
        title: 'UiTiD',
        autoHideMenuBar: true,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          partition: 'uitid-login',
          disableBlinkFeatures: 'Auxclick',
        },
      });
      let done = false;
      const guard = (event: { preventDefault(): void }, url: string) => {
        if (url.startsWith(callbackUrl)) {
          event.preventDefault();
          done = true;
          resolve(url);
          window.close();
        } else if (!isLoginPageUrl(url, authorizeUrl)) {
          event.preventDefault();
        }
      };
      window.webContents.on('will-navigate', guard);
      window.webContents.on('will-redirect', guard);
      window.on('closed', () => {
        if (!done) reject(new LoginCancelledError());
      });
      void window.loadURL(authorizeUrl);
    });
}

/**
 * The UiTiD v2 login's browser (electron/uitpas/uitid-v2-login.ts): the staff member's own system browser,
 * as RFC 8252 §8.12 asks of native apps, never an embedded view. Only an https authorization page opens
 * (or the demo simulator's stand-in on 127.0.0.1).
 */
export async function openInSystemBrowser(url: string): Promise<void> {
  const parsed = new URL(url);
  const allowed = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1');
  if (!allowed || parsed.username || parsed.password) throw new LoginCancelledError();
  await shell.openExternal(parsed.toString());
}
