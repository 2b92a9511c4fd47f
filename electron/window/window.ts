/**
 * The main window and the locks on every web page the app creates.
 */
import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { isAllowedExternalUrl } from './navigation';
import { devToolsAllowed, keepDevToolsClosed } from './production-lock';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    title: 'UiTPAS Balie',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    autoHideMenuBar: true,
    // Written out here, not built elsewhere, so reviewers and Electronegativity see them at the window.
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click must not open anything.
      disableBlinkFeatures: 'Auxclick',
      devTools: devToolsAllowed(),
    },
  });
  keepOnAppPage(window.webContents);
  keepDevToolsClosed(window.webContents);
  window.once('ready-to-show', () => window.show());
  return window;
}

/** The main window is a single page: it never navigates; allowed links go to the system browser. */
export function keepOnAppPage(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openIfAllowed(url);
  });
}

/** For every web contents: no new windows (allowed links go to the system browser), no <webview>. */
export function lockNewWindows(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

function openIfAllowed(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}
