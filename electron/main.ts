/**
 * The Electron main process: lifecycle, the window, and the wiring of the
 * Electron-free services to IPC. Everything that can run without Electron lives
 * in main-services.ts and below, and is tested there.
 */
import { app, BrowserWindow, clipboard, ipcMain, powerMonitor, session } from 'electron';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadTrustAnchors } from '../native/beid/trust-anchors';
import { createPcscliteContext } from '../native/pcsc/pcsclite-context';
import { appEntryUrl } from './window/app-origin';
import { registerAppScheme, serveRenderer } from './window/app-protocol';
import { createDispatcher } from './ipc/dispatch';
import { bindIpc, forwardEvents } from './ipc/ipc-main';
import { createMainServices, type MainServices } from './main-services';
import { reportText } from './support/support-desk';
import { machinePolicySource } from './settings/machine-policy';
import { openInSystemBrowser, showAuthorizeWindow } from './window/login-window';
import { guardClose } from './window/close-guard';
import { answerProxyLogins, applyProxyEverywhere, chromiumTransport, networkSession, proxyFor, proxyLoginHandler, type AskProxyCredentials } from './window/network';
import { loginPartition } from './window/login-window';
import { windowsMachine } from './settings/windows-natives';
import { installerKind } from './update/installer-kind';
import { windowsAccessProblem } from './settings/policy-access';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyMinimalMenu, refuseDebugging } from './window/production-lock';
import { safeStorageCipher } from './window/safe-storage';
import { createMainWindow, denyAllPermissions, lockNewWindows } from './window/window';
import { startUpdateChecks } from './update/updater';

// Before anything else: a packaged app started with a debugging switch quits here.
const refused = refuseDebugging();
registerAppScheme();
app.enableSandbox();
// Counters are in Flanders: dates and numbers in Dutch (Belgium), whatever the OS language.
app.commandLine.appendSwitch('lang', 'nl-BE');
app.on('web-contents-created', (_event, contents) => lockNewWindows(contents));

if (!refused) {
  if (process.argv.includes('--diagnose')) {
    // Support's report on stdout, beside a running app too: no window, no single-instance lock.
    void app.whenReady().then(diagnose);
  } else if (!app.requestSingleInstanceLock()) {
    // One counter, one app: a second start brings the running window forward instead.
    app.quit();
  } else {
    void app.whenReady().then(start);
  }
}

/** The services as the app runs them: the machine's policy, Chromium's network, the card readers. */
async function startServices(parent: () => BrowserWindow | null, checkUpdates = false): Promise<MainServices> {
  // The machine's policy first: what it sets (or that it is broken) decides everything after.
  const policy = machinePolicySource(process.platform);
  await policy.load();
  // Every UiTPAS and UiTiD call goes through Chromium's network stack, with the policy's proxy if it sets one:
  // the same on the UiTiD login window's partition and electron-updater's session (one network, not three).
  const network = networkSession();
  // electron-updater downloads through the partition 'electron-updater' (electron-updater out/electronHttpExecutor.js, NET_SESSION_NAME).
  const everySession = [network, session.fromPartition(loginPartition), session.fromPartition('electron-updater', { cache: false })];
  await applyProxyEverywhere(everySession, policy.policy.proxy);
  policy.onChange(() => void applyProxyEverywhere(everySession, policy.policy.proxy));
  // A machine-wide log folder from the policy; otherwise the user's own (private to the user).
  const logFolder = policy.policy.logFolder ?? app.getPath('logs');
  const installer = process.platform === 'win32' ? windowsInstaller() : installerKind({ platform: process.platform, packaged: app.isPackaged, hasNsisUninstaller: false, folderAdminOnly: false, appImage: process.env.APPIMAGE });
  let updates: ReturnType<typeof startUpdateChecks> | null = null;
  // A proxy asking for a password asks staff in the app's dialog, for the UiTPAS calls as for every other request.
  const askProxy: AskProxyCredentials = (challenge) => services.proxyQuestions.ask(challenge);
  const services = createMainServices({
    policy,
    appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform, host: 'electron' },
    createPcscContext: createPcscliteContext,
    // The Belgian roots ship as extra resources; nothing a user sets can change them.
    trustAnchors: loadTrustAnchors(
      app.isPackaged ? join(process.resourcesPath, 'belgium-root-ca') : join(app.getAppPath(), 'build/belgium-root-ca'),
    ),
    dataDirectory: app.getPath('userData'),
    secretCipher: safeStorageCipher,
    showAuthorizePage: (authorizeUrl, callbackUrl) => showAuthorizeWindow(parent())(authorizeUrl, callbackUrl),
    openInSystemBrowser,
    fetch: chromiumTransport(network, askProxy),
    proxyFor: proxyFor(network),
    copyText: (text) => clipboard.writeText(text),
    logFile: join(logFolder, 'support.log'),
    updateStatus: () => updates?.status() ?? null,
  });
  // Only an installed app updates itself; the policy's `updates` decides how (update/update-plan.ts).
  updates =
    checkUpdates && app.isPackaged
      ? startUpdateChecks({
          policy,
          currentVersion: app.getVersion(),
          platform: process.platform,
          appUpdateFile: join(process.resourcesPath, 'app-update.yml'),
          transport: chromiumTransport(network, askProxy),
          show: (notice) => services.updateNotice.show(notice),
          log: console,
          installer,
          userIsAdministrator: process.platform === 'win32' ? windowsMachine().userIsAdministrator() : false,
          proxyLogin: proxyLoginHandler(askProxy),
        })
      : null;
  return services;
}

/** Windows: NSIS leaves its uninstaller beside the app, the MSI does not; a per-machine folder is administrators' only. */
function windowsInstaller() {
  const folder = dirname(app.getPath('exe'));
  const hasNsisUninstaller = existsSync(join(folder, `Uninstall ${app.getName()}.exe`));
  let folderAdminOnly: boolean;
  try {
    folderAdminOnly = windowsAccessProblem(windowsMachine().fileSecurity(folder)) === null;
  } catch {
    folderAdminOnly = false;
  }
  return installerKind({ platform: 'win32', packaged: app.isPackaged, hasNsisUninstaller, folderAdminOnly, appImage: undefined });
}

/**
 * `--diagnose`: the support screen's report on stdout (and as diagnose.txt in the log folder, for a PC
 * where stdout goes nowhere), then quit. On Windows: `"UiTPAS Balie.exe" --diagnose > report.txt`.
 */
async function diagnose(): Promise<void> {
  const services = await startServices(() => null);
  // PC/SC lists its readers a moment after the context opens.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const text = reportText(await services.support.report(true));
  process.stdout.write(text);
  const logs = app.getPath('logs');
  // Private to the user: the report names the PC's readers, settings and network.
  await mkdir(logs, { recursive: true, mode: 0o700 })
    .then(() => writeFile(join(logs, 'diagnose.txt'), text, { mode: 0o600 }))
    .catch(() => undefined);
  await services.close();
  app.exit(0);
}

async function start(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  const services = await startServices(() => mainWindow, true);
  // A proxy asking for a user name and password: staff answer in the page's dialog, nothing is kept.
  answerProxyLogins(app, services.proxyQuestions.ask);
  void services.session.restore();
  // After sleep the PC/SC context is stale: the reader service builds a new one.
  powerMonitor.on('resume', () => services.resumeAfterSleep());
  denyAllPermissions(session.defaultSession);
  applyMinimalMenu();
  serveRenderer(join(__dirname, '../renderer'));
  bindIpc(ipcMain, createDispatcher(services.handlers));

  const window = createMainWindow(join(__dirname, '../preload/index.js'));
  mainWindow = window;
  const stopForwarding = forwardEvents(services.events, window.webContents);
  window.on('closed', stopForwarding);
  guardClose(window, services);
  void window.loadURL(appEntryUrl);

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    void services.close().finally(() => app.quit());
  });
}
