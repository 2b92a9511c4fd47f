/**
 * The feed the release publishes, written from the signed installers (tools/release/write-feed.mjs): each
 * OS's file names its installer with the sha512 of the bytes published, the version and our
 * minimumVersion, and the app's own feed reader reads it back.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReleaseFeed } from '../../../electron/update/release-feed';
// @ts-expect-error a plain .mjs tool without types
import { writeFeeds } from '../../../tools/release/write-feed.mjs';

describe('the release feed', () => {
  it('is written from the files as published, with the minimum version from the repository', () => {
    const folder = mkdtempSync(join(tmpdir(), 'balie-feed-'));
    writeFileSync(join(folder, 'UiTPAS Balie Setup 1.2.0.exe'), 'signed exe');
    writeFileSync(join(folder, 'UiTPAS Balie 1.2.0.msi'), 'signed msi');
    writeFileSync(join(folder, 'UiTPAS Balie-1.2.0-arm64-mac.zip'), 'signed zip');
    writeFileSync(join(folder, 'UiTPAS Balie-1.2.0.AppImage'), 'appimage');
    const minimum = readFileSync(join(__dirname, '../../../build/minimum-version.txt'), 'utf8').trim();
    expect((writeFeeds as (f: string, v: string, m: string) => string[])(folder, '1.2.0', minimum)).toEqual(['latest.yml', 'latest-mac.yml', 'latest-linux.yml']);
    const windows = readFileSync(join(folder, 'latest.yml'), 'utf8');
    expect(parseReleaseFeed(windows)).toEqual({ version: '1.2.0', minimumVersion: minimum });
    expect(windows).toContain(`sha512: ${createHash('sha512').update('signed exe').digest('base64')}`);
    expect(windows).not.toContain('.msi');
    expect(readFileSync(join(folder, 'latest-mac.yml'), 'utf8')).toContain('-mac.zip');
  });
});
