/**
 * The thin Electron side of updates: reads the policy and the release feed, lets update-plan.ts decide,
 * shows the notice, and hands an install to electron-updater (download now, install when the app quits).
 * Checks at start and then every few hours (a counter PC runs for days). Everything it decides is in
 * update-plan.ts and release-feed.ts, tested without Electron.
 */
import { readFile } from 'node:fs/promises';
import { autoUpdater } from 'electron-updater';
import type { PolicySource } from '../settings/policy-source';
import type { HttpTransport } from '../uitpas/transport';
import { feedUrlFromAppUpdate, readReleaseFeed } from './release-feed';
import type { UpdateNoticeView } from './update-plan';
import { effectiveUpdateMode, planUpdate, type InstallerKind, type UpdateNotice, type UpdateStatus } from './update-plan';

export interface UpdaterOptions {
  policy: PolicySource;
  currentVersion: string;
  platform: string;
  /** electron-builder's app-update.yml in the app's resources; a build without a feed has none. */
  appUpdateFile: string;
  /** The app's network (Chromium's, with the PC's or the policy's proxy). */
  transport: HttpTransport;
  show: (notice: UpdateNoticeView) => void;
  log: Pick<Console, 'warn'>;
  /** How this copy was installed (installer-kind.ts); absent: an NSIS install per user, which may update itself. */
  installer?: InstallerKind;
  userIsAdministrator?: boolean;
  /** Answers a proxy that asks electron-updater's download for credentials (the app's dialog, window/network.ts). */
  proxyLogin?: (authInfo: { isProxy: boolean; host: string; port: number; realm: string; scheme: string }, callback: (username?: string, password?: string) => void) => void;
  /** Tests only: a feed on http://127.0.0.1. */
  allowLoopbackHttp?: boolean;
}

/** How a check ended, for the log and the support report: codes only. */
export type UpdateCheckOutcome = 'policy-broken' | 'off' | 'no-feed' | 'feed-failed' | 'up-to-date' | 'notice' | 'installing' | 'install-failed';

export function updateStatusOf(options: Pick<UpdaterOptions, 'policy' | 'installer' | 'userIsAdministrator'>, lastCheck: UpdateStatus['lastCheck']): UpdateStatus {
  const { policy } = options;
  const installer = options.installer ?? 'nsis-per-user';
  const { mode, modeSource } = effectiveUpdateMode(policy.policy.updates, policy.current.status === 'valid', installer, options.userIsAdministrator ?? false);
  return { installer, mode, modeSource, channel: policy.policy.channel ?? 'latest', targetVersion: policy.policy.targetVersion ?? null, lastCheck };
}

export async function checkForUpdates(options: UpdaterOptions): Promise<UpdateCheckOutcome> {
  const state = options.policy.current;
  // A broken policy stops the app: nothing is sent anywhere, the feed included.
  if (state.status === 'broken') return 'policy-broken';
  const status = updateStatusOf(options, null);
  if (status.mode === 'off') return 'off';
  const feedUrl = await readFile(options.appUpdateFile, 'utf8').then(feedUrlFromAppUpdate, () => null);
  if (feedUrl === null) return 'no-feed';
  const feed = await readReleaseFeed(feedUrl, options.platform, options.transport, { channel: status.channel, allowLoopbackHttp: options.allowLoopbackHttp }).catch((error: unknown) => {
    options.log.warn(`update feed-failed ${error instanceof Error ? error.message : 'unknown'}`);
    return null;
  });
  if (feed === null) return 'feed-failed';
  const show = (notice: UpdateNotice) => options.show({ notice, version: feed.version, minimumVersion: feed.minimumVersion });
  const plan = planUpdate(status.mode, options.currentVersion, feed, status.targetVersion);
  if (plan.notice) show(plan.notice);
  if (!plan.install) return plan.notice ? 'notice' : 'up-to-date';
  autoUpdater.logger = null;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.channel = status.channel;
  autoUpdater.allowPrerelease = status.channel !== 'latest';
  autoUpdater.allowDowngrade = false;
  const downloaded = plan.noticeWhenDownloaded;
  autoUpdater.removeAllListeners('update-downloaded');
  autoUpdater.removeAllListeners('error');
  autoUpdater.removeAllListeners('login');
  // electron-updater hands a proxy's question to its own 'login' event (out/electronHttpExecutor.js, out/AppUpdater.js).
  const { proxyLogin } = options;
  if (proxyLogin) {
    // Its type wants two strings; the callback is Electron's, where no arguments cancel.
    autoUpdater.on('login', (authInfo, callback) => proxyLogin(authInfo, (...credentials) => (callback as (...args: (string | undefined)[]) => void)(...credentials)));
  }
  if (downloaded) autoUpdater.once('update-downloaded', () => show(downloaded));
  // A failed download is an 'error' event; without a listener it would throw in the main process.
  autoUpdater.on('error', (error) => options.log.warn(`update install-failed ${error.name}`));
  try {
    await autoUpdater.checkForUpdates();
  } catch (error) {
    options.log.warn(`update install-failed ${error instanceof Error ? error.name : 'unknown'}`);
    return 'install-failed';
  }
  return 'installing';
}

/** A check now and then every `intervalMs`; the last check's time and outcome for the support report. */
export function startUpdateChecks(options: UpdaterOptions, intervalMs = 4 * 60 * 60 * 1000, now: () => Date = () => new Date()): { status: () => UpdateStatus; stop: () => void } {
  let lastCheck: UpdateStatus['lastCheck'] = null;
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      lastCheck = { at: now().toISOString(), outcome: await checkForUpdates(options) };
    } finally {
      running = false;
    }
  };
  void check();
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return { status: () => updateStatusOf(options, lastCheck), stop: () => clearInterval(timer) };
}
