/**
 * What the packaged app takes away from whoever sits at the counter PC: no
 * debugging switches (Chromium's remote debugging would hand out window.balie,
 * and with it the UiTPAS session and eID events, to any local program), no
 * DevTools, and a menu without View (reload, DevTools). Node's --inspect is
 * also refused by the EnableNodeCliInspectArguments fuse (electron-builder.yml);
 * Chromium's switches have no fuse, so main checks them before any window exists.
 */
import { app, Menu, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { isTestBuild } from './build-flavour';

/**
 * Chromium and Node switches that open the app to a debugger, or that let whoever starts it read or redirect the
 * TLS traffic to UiTiD (certificate checks off, a proxy or a host rewrite of their choosing, a net log or TLS key
 * log holding the session's secrets; issue 27 item 12).
 */
export const debuggingSwitches = [
  'remote-debugging-port', 'remote-debugging-pipe', 'remote-debugging-address', 'inspect', 'inspect-brk', 'inspect-port', 'inspect-publish-uid', 'debug', 'debug-brk', 'js-flags',
  'ignore-certificate-errors', 'host-resolver-rules', 'proxy-server', 'log-net-log', 'ssl-key-log-file',
] as const;

/** Environment variables with the same effect: SSLKEYLOGFILE makes Chromium (BoringSSL) write every TLS key to a file. */
export const debuggingVariables = ['SSLKEYLOGFILE'] as const;

/** Locked when packaged; the smoke-test build keeps the debugging port so the workflow can drive it. */
export function isLocked(): boolean {
  return app.isPackaged && !isTestBuild;
}

/** The debugging switch or variable the app was started with, if any (checked in Chromium's parsed switches, argv and the environment). */
export function debuggingSwitchGiven(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return (
    debuggingSwitches.find((name) => app.commandLine.hasSwitch(name)) ??
    argv.find((argument) => debuggingSwitches.some((name) => argument === `--${name}` || argument.startsWith(`--${name}=`))) ??
    debuggingVariables.find((name) => env[name] !== undefined)
  );
}

/** Quits at once, before any window, when a locked app is started with a debugging switch. True when it did. */
export function refuseDebugging(): boolean {
  if (!isLocked()) return false;
  const given = debuggingSwitchGiven();
  if (given === undefined) return false;
  console.error(`UiTPAS Balie start niet met ${describe(given)}: debuggen kan niet in de geïnstalleerde app.`);
  app.exit(1);
  return true;
}

function describe(given: string): string {
  if ((debuggingVariables as readonly string[]).includes(given)) return given;
  return given.startsWith('--') ? given.replace(/=.*/s, '') : `--${given}`;
}

/** DevTools only for development: written into each window's webPreferences. */
export function devToolsAllowed(): boolean {
  return !isLocked();
}

/** Should DevTools open anyway (a shortcut, an extension), close them again. */
export function keepDevToolsClosed(contents: WebContents): void {
  if (!isLocked()) return;
  contents.on('devtools-opened', () => contents.closeDevTools());
}

/** Edit (copy and paste at the counter) and Window; on macOS the app menu for Quit. No View: no reload, no DevTools. */
export function minimalMenuTemplate(platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  return [...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []), { role: 'editMenu' }, { role: 'windowMenu' }];
}

export function applyMinimalMenu(): void {
  if (isLocked()) Menu.setApplicationMenu(Menu.buildFromTemplate(minimalMenuTemplate()));
}
