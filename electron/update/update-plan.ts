/**
 * What the app does about updates, decided without Electron or the network:
 * from the policy's `updates` value, whether the PC is managed (has a policy
 * file), this build's version and what the release feed says.
 */
import type { UpdateChannel, UpdateMode } from '../settings/policy';

/**
 * How this copy was installed, which decides who may update it: electron-updater updates the NSIS
 * install, the AppImage, the deb and the macOS app (from the zip); an MSI belongs to IT's software
 * distribution (electron-builder's docs: electron-updater does not update MSI installs), and a
 * per-machine NSIS install needs an administrator at the moment it installs.
 */
export const installerKinds = ['msi', 'nsis-per-machine', 'nsis-per-user', 'dmg', 'appimage', 'deb', 'unpacked'] as const;
export type InstallerKind = (typeof installerKinds)[number];

/** What the support screen and report say about updates. */
export interface UpdateStatus {
  installer: InstallerKind;
  mode: UpdateMode;
  /** Why the mode is what it is: the policy's, the default, or lowered because this copy cannot update itself. */
  modeSource: 'policy' | 'default' | 'msi' | 'needs-administrator';
  channel: UpdateChannel;
  targetVersion: string | null;
  lastCheck: { at: string; outcome: string } | null;
}

/** What the release feed (electron-builder's latest.yml) says about the newest release. */
export interface FeedRelease {
  version: string;
  /** Our convention (not electron-builder's): the oldest version UiTPAS still accepts, written by the release workflow. */
  minimumVersion: string | null;
}

/**
 * What staff are told. `available`: a newer version exists and IT rolls it out; `on-quit`: it is downloaded
 * and installs when the app closes; `too-old`: this build is older than the feed's minimum version (with
 * `-on-quit` when the newer one is downloaded and installs at closing).
 */
export const updateNotices = ['available', 'on-quit', 'too-old', 'too-old-on-quit'] as const;
export type UpdateNotice = (typeof updateNotices)[number];

export interface UpdatePlan {
  /** Download the newer version and install it when the app quits (electron-updater). */
  install: boolean;
  /** Shown at once, before any download. */
  notice: UpdateNotice | null;
  /** Shown once the download is done (install only). */
  noticeWhenDownloaded: UpdateNotice | null;
}

/**
 * The mode in force: the policy's, when it sets one. A managed PC (a policy file) that says nothing only
 * hears about a new version, because IT decides what gets installed there; an unmanaged one installs it.
 */
export function updateModeFor(policyValue: UpdateMode | undefined, managed: boolean): UpdateMode {
  return policyValue ?? (managed ? 'notify' : 'auto');
}

/**
 * The mode this copy can follow: never `auto` for an MSI (IT deploys the next MSI; electron-updater would
 * lay an NSIS copy beside it) nor for a per-machine install when this user is no administrator (the
 * install at quit would fail on the elevation prompt). Staff are then told, as in `notify`.
 */
export function effectiveUpdateMode(
  policyValue: UpdateMode | undefined,
  managed: boolean,
  installer: InstallerKind,
  userIsAdministrator: boolean,
): { mode: UpdateMode; modeSource: UpdateStatus['modeSource'] } {
  const mode = updateModeFor(policyValue, managed);
  if (mode !== 'auto') return { mode, modeSource: policyValue === undefined ? 'default' : 'policy' };
  if (installer === 'msi') return { mode: 'notify', modeSource: 'msi' };
  if (installer === 'nsis-per-machine' && !userIsAdministrator) return { mode: 'notify', modeSource: 'needs-administrator' };
  if (installer === 'unpacked') return { mode: 'notify', modeSource: 'default' };
  return { mode, modeSource: policyValue === undefined ? 'default' : 'policy' };
}

const versionPattern = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function isVersion(value: unknown): value is string {
  return typeof value === 'string' && versionPattern.test(value);
}

/** Semantic-version order (semver.org §11): numbers first, then a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const left = versionPattern.exec(a);
  const right = versionPattern.exec(b);
  if (!left || !right) throw new Error(`not a version: ${left ? b : a}`);
  for (let index = 1; index <= 3; index += 1) {
    const difference = Number(left[index]) - Number(right[index]);
    if (difference !== 0) return Math.sign(difference);
  }
  return comparePreRelease(left[4], right[4]);
}

function comparePreRelease(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const left = a.split('.');
  const right = b.split('.');
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const x = left[index];
    const y = right[index];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const numeric = /^\d+$/;
    if (numeric.test(x) && numeric.test(y)) return Math.sign(Number(x) - Number(y));
    if (numeric.test(x)) return -1;
    if (numeric.test(y)) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** What to do with what the feed said, in a mode that reads it. */
export function planUpdate(mode: Exclude<UpdateMode, 'off'>, currentVersion: string, feed: FeedRelease, targetVersion: string | null = null): UpdatePlan {
  // IT's pin: a release past the target version is not for this PC (electron-updater installs only the feed's newest).
  const pinnedAway = targetVersion !== null && compareVersions(feed.version, targetVersion) > 0;
  const newer = !pinnedAway && compareVersions(feed.version, currentVersion) > 0;
  const tooOld = feed.minimumVersion !== null && compareVersions(currentVersion, feed.minimumVersion) < 0;
  const install = mode === 'auto' && newer;
  if (install) return { install, notice: tooOld ? 'too-old' : null, noticeWhenDownloaded: tooOld ? 'too-old-on-quit' : 'on-quit' };
  if (tooOld) return { install, notice: 'too-old', noticeWhenDownloaded: null };
  return { install, notice: mode === 'notify' && newer ? 'available' : null, noticeWhenDownloaded: null };
}

/** What staff are shown of an update decision (update:notice); kept here, beside the decision, so the contract imports no service. */
export interface UpdateNoticeView {
  notice: UpdateNotice;
  /** The feed's newest version. */
  version: string;
  /** The feed's minimum version (our convention), when it gives one. */
  minimumVersion: string | null;
}
