/**
 * The thin Electron side of updates: reads the policy and the release feed, lets update-plan.ts decide,
 * shows the notice, and hands an install to electron-updater (download now, install when the app quits).
 * Everything it decides is in update-plan.ts and release-feed.ts, tested without Electron.
 */
import { readFile } from 'node:fs/promises';
import { autoUpdater } from 'electron-updater';
import type { PolicySource } from '../settings/policy-source';
import type { HttpTransport } from '../uitpas/transport';
import { feedUrlFromAppUpdate, readReleaseFeed } from './release-feed';
import type { UpdateNoticeView } from './update-plan';
import { planUpdate, updateModeFor, type UpdateNotice } from './update-plan';

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
}

/** How a check ended, for the log: codes only. */
export type UpdateCheckOutcome = 'policy-broken' | 'off' | 'no-feed' | 'feed-failed' | 'up-to-date' | 'notice' | 'installing' | 'install-failed';

export async function checkForUpdates(options: UpdaterOptions): Promise<UpdateCheckOutcome> {
  const state = options.policy.current;
  // A broken policy stops the app: nothing is sent anywhere, the feed included.
  if (state.status === 'broken') return 'policy-broken';
  const mode = updateModeFor(options.policy.policy.updates, state.status === 'valid');
  if (mode === 'off') return 'off';
  const feedUrl = await readFile(options.appUpdateFile, 'utf8').then(feedUrlFromAppUpdate, () => null);
  if (feedUrl === null) return 'no-feed';
  const feed = await readReleaseFeed(feedUrl, options.platform, options.transport).catch((error: unknown) => {
    options.log.warn(`update feed-failed ${error instanceof Error ? error.message : 'unknown'}`);
    return null;
  });
  if (feed === null) return 'feed-failed';
  const show = (notice: UpdateNotice) => options.show({ notice, version: feed.version, minimumVersion: feed.minimumVersion });
  const plan = planUpdate(mode, options.currentVersion, feed);
  if (plan.notice) show(plan.notice);
  if (!plan.install) return plan.notice ? 'notice' : 'up-to-date';
  autoUpdater.logger = null;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  const downloaded = plan.noticeWhenDownloaded;
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
