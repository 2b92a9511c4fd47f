/**
 * The dedicated window for UiTiD's login pages. It has no preload and its own
 * in-memory session, may only show UiTiD's pages, and closes when UiTiD sends
 * the browser to the app's callback URL, which it catches instead of loading.
 */
import { BrowserWindow } from 'electron';
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
