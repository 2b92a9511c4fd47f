/**
 * `electron-builder --dir` offline, with a stand-in Electron (no Electron binary can be had here),
 * then what landed in app.asar and beside it. Fuses and the native rebuild need the real binary
 * and run on the release workflow; everything else about packaging is checked here.
 */
import { extractFile, listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

// The stand-in Electron is a shell script: this check runs on Linux (here and on the Linux release leg).
describe.skipIf(process.platform !== 'linux')('packaged app (electron-builder --dir)', () => {
  const work = mkdtempSync(join(tmpdir(), 'balie-package-'));
  const output = join(work, 'dist');
  let files: string[] = [];
  let resources = '';

  beforeAll(() => {
    const stub = join(work, 'electron-stub');
    mkdirSync(stub);
    writeFileSync(join(stub, 'electron'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(stub, 'electron'), 0o755);
    const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
    const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
    // The stand-in has no fuse sentinel and no Electron headers: fuses and the rebuild stay for the real runners.
    const offline = { ...config, electronDist: stub, electronVersion, npmRebuild: false, electronFuses: undefined, directories: { output } };
    writeFileSync(join(work, 'builder.yml'), yaml.dump(JSON.parse(JSON.stringify(offline))));
    const run = spawnSync(join(root, 'node_modules/.bin/electron-builder'), ['--dir', '--linux', '--x64', '--config', join(work, 'builder.yml')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (run.status !== 0) throw new Error(`electron-builder failed:\n${run.stdout}\n${run.stderr}`);
    resources = join(output, 'linux-unpacked/resources');
    files = listPackage(join(resources, 'app.asar'), { isPack: false });
  }, 150_000);

  it('holds main, preload and renderer', () => {
    expect(files).toEqual(expect.arrayContaining(['/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html', '/package.json']));
    expect(files.some((file) => /^\/out\/renderer\/assets\/index-.*\.js$/.test(file))).toBe(true);
  });

  it('holds the production dependencies only', () => {
    const packages = new Set(files.filter((file) => file.startsWith('/node_modules/')).map((file) => file.split('/')[2]));
    for (const needed of ['pcsclite', 'pcsc-transactions', 'fast-xml-parser', 'oauth-1.0a', 'bindings', 'electron-updater', 'js-yaml']) expect(packages).toContain(needed);
    for (const devOnly of ['react', 'react-dom', 'zustand', 'ws', 'vitest', 'playwright-core', 'electron', 'typescript', 'vite']) expect(packages).not.toContain(devOnly);
  });

  it('leaves out tests, the browser host, sources and source maps', () => {
    expect(files.filter((file) => /^\/(test|out-dev|electron|renderer|native)\//.test(file) || file.endsWith('.map') || file.endsWith('.ts'))).toEqual([]);
  });

  it("unpacks pcsclite.node and the app's transaction addon from the archive", () => {
    expect(existsSync(join(resources, 'app.asar.unpacked/node_modules/pcsclite/build/Release/pcsclite.node'))).toBe(true);
    expect(existsSync(join(resources, 'app.asar.unpacked/node_modules/pcsc-transactions/build/Release/pcsc_transactions.node'))).toBe(true);
  });

  it('carries the demo simulator inside the main bundle', () => {
    const main = extractFile(join(resources, 'app.asar'), 'out/main/index.js').toString('utf8');
    expect(main).toContain('Aanmelden als demo-medewerker');
    expect(main).toContain('oauth_callback_confirmed');
  });

  it('ships the Belgian root CAs beside the archive', () => {
    expect(readdirSync(join(resources, 'belgium-root-ca')).sort()).toEqual(readdirSync(join(root, 'build/belgium-root-ca')).filter((name) => name.endsWith('.pem')).sort());
  });
});
