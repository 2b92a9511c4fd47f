/**
 * The dedicated window for UiTiD's login pages. It has no preload and its own
 * in-memory session (partition), which grants no permission (camera,
 * notifications, …); it may only show UiTiD's pages, in the page and in every
 * frame of it, and closes when UiTiD sends the browser to the app's callback
 * URL, which it catches instead of loading.
 */
import { BrowserWindow, shell } from 'electron';
import { LoginCancelledError } from '../uitpas/login-flow';
import { isLoginPageUrl } from './navigation';
import { devToolsAllowed, keepDevToolsClosed } from './production-lock';
import { denyAllPermissions } from './window';

/** The login window's own in-memory session (its proxy is the app's: network.ts applyProxyEverywhere). */
export const loginPartition = 'uitid-login';

export function showAuthorizeWindow(parent: BrowserWindow | null) {
  return (authorizeUrl: string, callbackUrl: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const window = new BrowserWindow({
        parent: parent ?? undefined,
        modal: parent !== null,
        width: 520,
        height: 720,
        // A name, the same in every language: main has no words of its own (docs/architecture.md, Languages).
        title: 'UiTiD',
        autoHideMenuBar: true,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          partition: loginPartition,
          disableBlinkFeatures: 'Auxclick',
          devTools: devToolsAllowed(),
        },
      });
      denyAllPermissions(window.webContents.session);
      keepDevToolsClosed(window.webContents);
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
      // Frames too: a UiTiD page must not pull another site into an iframe of the login window.
      window.webContents.on('will-frame-navigate', (details) => {
        if (!details.isMainFrame && !isLoginPageUrl(details.url, authorizeUrl)) details.preventDefault();
      });
      window.on('closed', () => {
        if (!done) reject(new LoginCancelledError());
      });
      void window.loadURL(authorizeUrl);
    });
}

/**
 * The UiTiD v2 login's browser (electron/uitpas/uitid-v2-login.ts): the staff member's own system browser,
 * as RFC 8252 §8.12 asks of native apps, never an embedded view. It opens only a page on the issuer's
 * authorization origin (from the discovery the login checked): https, or the demo stand-in on 127.0.0.1,
 * whose plain-http endpoints the login accepts for the demo issuer only.
 */
export async function openInSystemBrowser(url: string, authorizationOrigin: string): Promise<void> {
  const parsed = new URL(url);
  const allowed = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1');
  if (!allowed || parsed.origin !== authorizationOrigin || parsed.username || parsed.password) throw new LoginCancelledError();
  await shell.openExternal(parsed.toString());
}
