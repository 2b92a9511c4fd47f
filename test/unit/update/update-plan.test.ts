/**
 * What the app does about updates (electron/update/update-plan.ts): the mode from the policy and whether
 * the PC is managed, the version order, and the plan for each mode and feed.
 */
import { describe, expect, it } from 'vitest';
import { compareVersions, isVersion, planUpdate, updateModeFor } from '../../../electron/update/update-plan';

describe('the update mode', () => {
  it("follows the policy's value on a managed PC", () => {
    expect(updateModeFor('off', true)).toBe('off');
    expect(updateModeFor('notify', true)).toBe('notify');
    expect(updateModeFor('auto', true)).toBe('auto');
  });

  it('only tells staff on a managed PC whose policy does not say, and installs on an unmanaged one', () => {
    expect(updateModeFor(undefined, true)).toBe('notify');
    expect(updateModeFor(undefined, false)).toBe('auto');
  });
});

describe('versions', () => {
  it('orders by number, not by text', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
    expect(compareVersions('0.9.0', '1.0.0')).toBe(-1);
  });

  it('puts a pre-release before its release, and orders pre-releases as semver.org §11 does', () => {
    expect(compareVersions('1.0.0-beta.1', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0-beta.2', '1.0.0-beta.10')).toBe(-1);
    expect(compareVersions('1.0.0-alpha', '1.0.0-alpha.1')).toBe(-1);
    expect(compareVersions('1.0.0-1', '1.0.0-alpha')).toBe(-1);
    expect(compareVersions('1.0.0+build.5', '1.0.0')).toBe(0);
  });

  it('tells a version from anything else, and refuses to compare what is not one', () => {
    expect(isVersion('2.3.4')).toBe(true);
    expect(isVersion('2.3')).toBe(false);
    expect(isVersion('v2.3.4')).toBe(false);
    expect(isVersion(2.3)).toBe(false);
    expect(() => compareVersions('latest', '1.0.0')).toThrow(/not a version: latest/);
  });
});

describe('the plan', () => {
  const feed = (version: string, minimumVersion: string | null = null) => ({ version, minimumVersion });

  it('installs a newer version in auto mode, and says so once it is downloaded', () => {
    expect(planUpdate('auto', '1.2.0', feed('1.3.0'))).toEqual({ install: true, notice: null, noticeWhenDownloaded: 'on-quit' });
  });

  it('only tells staff about a newer version in notify mode', () => {
    expect(planUpdate('notify', '1.2.0', feed('1.3.0'))).toEqual({ install: false, notice: 'available', noticeWhenDownloaded: null });
  });

  it('does nothing when this build is the newest, or newer than the feed', () => {
    for (const mode of ['auto', 'notify'] as const) {
      expect(planUpdate(mode, '1.3.0', feed('1.3.0', '1.0.0'))).toEqual({ install: false, notice: null, noticeWhenDownloaded: null });
      expect(planUpdate(mode, '1.4.0', feed('1.3.0'))).toEqual({ install: false, notice: null, noticeWhenDownloaded: null });
    }
  });

  it('says a build older than the minimum version is too old, in both modes', () => {
    expect(planUpdate('notify', '1.0.0', feed('1.3.0', '1.2.0'))).toEqual({ install: false, notice: 'too-old', noticeWhenDownloaded: null });
    expect(planUpdate('auto', '1.0.0', feed('1.3.0', '1.2.0'))).toEqual({ install: true, notice: 'too-old', noticeWhenDownloaded: 'too-old-on-quit' });
  });

  it('counts the minimum version itself as new enough', () => {
    expect(planUpdate('notify', '1.2.0', feed('1.3.0', '1.2.0')).notice).toBe('available');
  });

  it('says too old even when the feed has nothing newer to install (a feed whose minimum is its own version, this build behind)', () => {
    expect(planUpdate('auto', '1.2.0-beta.1', feed('1.2.0', '1.2.0'))).toEqual({ install: true, notice: 'too-old', noticeWhenDownloaded: 'too-old-on-quit' });
    expect(planUpdate('auto', '1.5.0', feed('1.2.0', '1.6.0'))).toEqual({ install: false, notice: 'too-old', noticeWhenDownloaded: null });
  });
});
