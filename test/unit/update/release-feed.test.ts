/**
 * Reading the release feed (electron/update/release-feed.ts) from an HTTP server on 127.0.0.1 that
 * serves files in electron-builder's latest.yml format (what electron-builder 26 writes for an NSIS
 * build: version, files with sha512 and size, path, sha512, releaseDate), plus our `minimumVersion`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedFileName, feedUrlFromAppUpdate, parseReleaseFeed, readReleaseFeed } from '../../../electron/update/release-feed';

const latestYml = (version: string, extra = '') => `version: ${version}
files:
  - url: UiTPAS-Balie-Setup-${version}.exe
    sha512: 3ZC1hQ7tUGIHZ0wy0eF1jBZZXdTAO8XGbTbr1fq/ax5I6X4W0J4ZQqlv1xYQf3dS6XQx7gTDnCq8dE4vZ0HhOw==
    size: 98765432
path: UiTPAS-Balie-Setup-${version}.exe
sha512: 3ZC1hQ7tUGIHZ0wy0eF1jBZZXdTAO8XGbTbr1fq/ax5I6X4W0J4ZQqlv1xYQf3dS6XQx7gTDnCq8dE4vZ0HhOw==
releaseDate: '2026-11-30T08:15:42.123Z'
${extra}`;

const files: Record<string, { status: number; body: string }> = {
  '/feed/latest.yml': { status: 200, body: latestYml('1.10.0', 'minimumVersion: 1.9.2\n') },
  '/feed/latest-linux.yml': { status: 200, body: latestYml('1.10.0') },
  '/broken/latest.yml': { status: 200, body: 'version: [1, 2\n' },
  '/moved/latest.yml': { status: 302, body: '' },
  '/huge/latest.yml': { status: 200, body: latestYml('1.10.0', `padding: ${'x'.repeat(70_000)}\n`) },
};
const asked: string[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request.url ?? '');
    const file = files[request.url ?? ''];
    if (!file) return void response.writeHead(404).end();
    if (file.status === 302) return void response.writeHead(302, { Location: 'http://127.0.0.1:9/latest.yml' }).end();
    response.writeHead(200, { 'Content-Type': 'text/yaml' }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the release feed over HTTP', () => {
  it("reads the newest version and our minimumVersion from Windows' latest.yml (1.10.0 stays a string)", async () => {
    await expect(readReleaseFeed(`${base}/feed`, 'win32', fetch, { allowLoopbackHttp: true })).resolves.toEqual({ version: '1.10.0', minimumVersion: '1.9.2' });
    expect(asked.at(-1)).toBe('/feed/latest.yml');
  });

  it("reads each OS's own file, and a feed without minimumVersion has none", async () => {
    await expect(readReleaseFeed(`${base}/feed/`, 'linux', fetch, { allowLoopbackHttp: true })).resolves.toEqual({ version: '1.10.0', minimumVersion: null });
    expect(asked.at(-1)).toBe('/feed/latest-linux.yml');
    expect(feedFileName('darwin')).toBe('latest-mac.yml');
  });

  it('fails typed on a missing file, a redirect, a file that is not YAML, one far too large, and no server', async () => {
    await expect(readReleaseFeed(`${base}/feed`, 'darwin', fetch, { allowLoopbackHttp: true })).rejects.toMatchObject({ reason: 'http-status', message: /404/ });
    await expect(readReleaseFeed(`${base}/moved`, 'win32', fetch, { allowLoopbackHttp: true })).rejects.toMatchObject({ reason: 'http-status' });
    await expect(readReleaseFeed(`${base}/broken`, 'win32', fetch, { allowLoopbackHttp: true })).rejects.toMatchObject({ reason: 'not-a-feed' });
    await expect(readReleaseFeed(`${base}/huge`, 'win32', fetch, { allowLoopbackHttp: true })).rejects.toMatchObject({ reason: 'too-large' });
    await expect(readReleaseFeed('http://127.0.0.1:9/feed', 'win32', fetch, { allowLoopbackHttp: true })).rejects.toMatchObject({ reason: 'unreachable' });
  });
});

describe('the feed text', () => {
  it('refuses a feed whose version or minimumVersion is not a version', () => {
    expect(() => parseReleaseFeed(latestYml('1.2'))).toThrow(/version/);
    expect(() => parseReleaseFeed(latestYml('1.2.0', 'minimumVersion: soon\n'))).toThrow(/minimumVersion/);
    expect(() => parseReleaseFeed('just text')).toThrow(/no mapping/);
  });
});

describe("electron-builder's app-update.yml", () => {
  it("gives a generic provider's url, and nothing for another provider or no url", () => {
    expect(feedUrlFromAppUpdate('provider: generic\nurl: https://updates.example.test/balie\nupdaterCacheDirName: uitpas-balie-updater\n')).toBe(
      'https://updates.example.test/balie',
    );
    expect(feedUrlFromAppUpdate('provider: github\nowner: someone\nrepo: balie\n')).toBeNull();
    expect(feedUrlFromAppUpdate('provider: generic\n')).toBeNull();
    expect(feedUrlFromAppUpdate('provider: [generic\n')).toBeNull();
  });
});
