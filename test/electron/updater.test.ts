/**
 * The updater's Electron side (electron/update/updater.ts): the policy and the feed decide, electron-updater
 * only installs. Electron is mocked, and so is electron-updater (it cannot reach a feed here); the policy is a
 * real file in a temporary folder and the feed a real HTTP server on 127.0.0.1 in latest.yml's format.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PolicySource } from '../../electron/settings/policy-source';
import type { UpdateNoticeView } from '../../electron/update/update-plan';

// electron-updater's autoUpdater as far as the updater uses it: an emitter with its switches and checkForUpdates.
const updater = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  return Object.assign(new EventEmitter(), {
    logger: {},
    autoDownload: false,
    autoInstallOnAppQuit: false,
    checkForUpdates: vi.fn(() => Promise.resolve(null)),
  });
});
vi.mock('electron', async () => (await import('./electron-mock')).electronMock());
vi.mock('electron-updater', () => ({ autoUpdater: updater }));

const { checkForUpdates } = await import('../../electron/update/updater');
type UpdaterOptions = import('../../electron/update/updater').UpdaterOptions;

let feed = { version: '1.3.0', minimumVersion: null as string | null };
let server: Server;
let feedUrl: string;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request.url ?? '');
    const minimum = feed.minimumVersion ? `minimumVersion: ${feed.minimumVersion}\n` : '';
    response.writeHead(200).end(`version: ${feed.version}\npath: UiTPAS-Balie-Setup-${feed.version}.exe\nsha512: AAAA\nreleaseDate: '2026-12-01T07:00:00.000Z'\n${minimum}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/releases`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  asked.length = 0;
  feed = { version: '1.3.0', minimumVersion: null };
  updater.removeAllListeners();
  updater.checkForUpdates.mockClear();
  updater.autoInstallOnAppQuit = false;
});

/** A run of the updater on a PC with this policy text (undefined: no policy file) and this build's resources. */
async function run(policyText: string | undefined, options: { currentVersion?: string; appUpdate?: string | null; proxyLogin?: UpdaterOptions['proxyLogin'] } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'balie-updater-'));
  const policyPath = join(folder, 'policy.json');
  if (policyText !== undefined) writeFileSync(policyPath, policyText);
  const appUpdateFile = join(folder, 'app-update.yml');
  const appUpdate = options.appUpdate === undefined ? `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: uitpas-balie-updater\n` : options.appUpdate;
  if (appUpdate !== null) writeFileSync(appUpdateFile, appUpdate);
  const policy = new PolicySource(policyPath);
  await policy.load();
  const notices: UpdateNoticeView[] = [];
  const log = { warn: vi.fn() };
  const outcome = await checkForUpdates({
    policy,
    currentVersion: options.currentVersion ?? '1.2.0',
    platform: 'win32',
    appUpdateFile,
    transport: fetch,
    show: (notice) => notices.push(notice),
    log,
    allowLoopbackHttp: true,
    proxyLogin: options.proxyLogin,
  });
  policy.close();
  return { outcome, notices, log };
}

describe('updates', () => {
  it('on an unmanaged PC: reads the feed, lets electron-updater download and install at quitting, and says so once downloaded', async () => {
    const { outcome, notices } = await run(undefined);
    expect(outcome).toBe('installing');
    expect(asked).toEqual(['/releases/latest.yml']);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, logger: null });
    expect(notices).toEqual([]);
    updater.emit('update-downloaded', { version: '1.3.0' });
    expect(notices).toEqual([{ notice: 'on-quit', version: '1.3.0', minimumVersion: null }]);
  });

  it("a proxy asking the download for credentials gets staff's answer from the app's dialog, or nothing on cancel", async () => {
    const proxyLogin = vi.fn((authInfo: { isProxy: boolean }, callback: (username?: string, password?: string) => void) => (authInfo.isProxy ? callback('balie1', 'verzonnen') : callback()));
    await run(undefined, { proxyLogin });
    const answered = await new Promise<unknown[]>((resolve) => updater.emit('login', { isProxy: true, host: 'proxy.gemeente.test', port: 8080, realm: 'r', scheme: 'basic' }, (...args: unknown[]) => resolve(args)));
    expect(answered).toEqual(['balie1', 'verzonnen']);
    const refused = await new Promise<unknown[]>((resolve) => updater.emit('login', { isProxy: false, host: 'feed.example.org', port: 443, realm: 'r', scheme: 'basic' }, (...args: unknown[]) => resolve(args)));
    expect(refused).toEqual([]);
    // A second check does not answer twice.
    await run(undefined, { proxyLogin });
    expect(updater.listenerCount('login')).toBe(1);
  });

  it("with the policy's updates: off, sends nothing anywhere", async () => {
    const { outcome, notices } = await run('{ "updates": "off" }');
    expect(outcome).toBe('off');
    expect(asked).toEqual([]);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(notices).toEqual([]);
  });

  it('with notify, or a policy that does not say: tells staff and installs nothing', async () => {
    for (const policy of ['{ "updates": "notify" }', '{ "language": "nl" }']) {
      const { outcome, notices } = await run(policy);
      expect(outcome).toBe('notice');
      expect(notices).toEqual([{ notice: 'available', version: '1.3.0', minimumVersion: null }]);
    }
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('says at once that a build older than the minimum version is too old, and that the update waits once downloaded', async () => {
    feed = { version: '1.3.0', minimumVersion: '1.2.5' };
    const managed = await run('{ "updates": "notify" }');
    expect(managed.notices).toEqual([{ notice: 'too-old', version: '1.3.0', minimumVersion: '1.2.5' }]);
    const unmanaged = await run(undefined);
    expect(unmanaged.notices).toEqual([{ notice: 'too-old', version: '1.3.0', minimumVersion: '1.2.5' }]);
    updater.emit('update-downloaded', { version: '1.3.0' });
    expect(unmanaged.notices.at(-1)).toEqual({ notice: 'too-old-on-quit', version: '1.3.0', minimumVersion: '1.2.5' });
  });

  it('does nothing when this build is the newest', async () => {
    const { outcome, notices } = await run(undefined, { currentVersion: '1.3.0' });
    expect(outcome).toBe('up-to-date');
    expect(notices).toEqual([]);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('with a broken policy, or a build without a feed, sends nothing', async () => {
    expect((await run('{ "environment": "prod" }')).outcome).toBe('policy-broken');
    expect((await run(undefined, { appUpdate: null })).outcome).toBe('no-feed');
    expect((await run(undefined, { appUpdate: 'provider: github\nowner: x\nrepo: y\n' })).outcome).toBe('no-feed');
    expect(asked).toEqual([]);
  });

  it('survives a feed that cannot be read and a download that fails, with codes in the log', async () => {
    const unreachable = await run(undefined, { appUpdate: 'provider: generic\nurl: http://127.0.0.1:9/releases\n' });
    expect(unreachable.outcome).toBe('feed-failed');
    expect(unreachable.log.warn).toHaveBeenCalledWith(expect.stringMatching(/^update feed-failed release feed unreachable/));
    const failing = await run(undefined);
    expect(() => updater.emit('error', new Error('net::ERR_CONNECTION_RESET'))).not.toThrow();
    expect(failing.log.warn).toHaveBeenCalledWith('update install-failed Error');
    updater.checkForUpdates.mockRejectedValueOnce(new TypeError('no app-update.yml'));
    expect((await run(undefined)).outcome).toBe('install-failed');
  });
});
