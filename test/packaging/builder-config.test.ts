/** electron-builder.yml against electron-builder's own JSON schema (pinned version), and what it must say. */
import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { policyFile } from '../../electron/settings/policy-source';
import { windowsAccessProblem } from '../../electron/settings/policy-access';

const root = resolve(import.meta.dirname, '../..');
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  files: string[];
  electronFuses: Record<string, boolean>;
  deb: { depends: string[] };
  mac: { target: { target: string; arch: string[] }[]; hardenedRuntime: boolean; entitlements: string; icon: string };
  win: { target: { target: string; arch: string[] }[] };
  msi: { oneClick: boolean; perMachine: boolean; runAfterFinish: boolean; upgradeCode: string };
  linux: { target: string[] };
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
};
const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema);

describe('electron-builder config', () => {
  it('is checked against the schema of the pinned electron-builder', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies['electron-builder']).toBe('26.17.0');
    expect(validate(config)).toBe(true);
  });

  it('the schema check bites: a misspelt option is refused', () => {
    expect(validate({ ...config, nsis: { oneclick: false } })).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain('oneclick');
  });

  it('builds NSIS x64, dmg x64 + arm64 with the hardened runtime, AppImage and deb', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ]);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(existsSync(join(root, config.mac.entitlements))).toBe(true);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.deb.depends).toEqual(expect.arrayContaining(['pcscd', 'libpcsclite1', 'libsecret-1-0']));
    expect(existsSync(join(root, config.mac.icon))).toBe(true);
  });

  it('builds an MSI IT can push: per machine, silent, never starting the app, with the upgrade code electron-builder derives', async () => {
    expect(config.msi).toMatchObject({ oneClick: true, perMachine: true, runAfterFinish: false });
    // A fixed upgrade code is what makes a new MSI replace the old version instead of installing beside it.
    const { UUID } = await import('builder-util-runtime');
    const namespace = UUID.parse('d752fe43-5d44-44d5-9fc9-6dd1bf19d5cc');
    const derived: string = UUID.v5(config.appId as string, namespace);
    expect(config.msi.upgradeCode).toBe(derived.toUpperCase());
    expect(validate({ ...config, msi: { ...config.msi, perMachien: true } })).toBe(false);
  });

  it('(issue 25) the MSI makes no desktop shortcut, only the Start menu entry', () => {
    expect(config.msi).toMatchObject({ createDesktopShortcut: false, createStartMenuShortcut: true });
  });

  it('(issue 25) the NSIS installer makes the policy folder, owned by Administrators, writable by Administrators and SYSTEM only', () => {
    const nsis = config.nsis as { include: string; perMachine: boolean };
    expect(nsis.perMachine).toBe(true);
    const script = readFileSync(join(root, nsis.include), 'utf8');
    // Only where the installer runs elevated, in ProgramData (SetShellVarContext all), the folder the app reads.
    expect(script).toMatch(/\$\{if\} \$installMode == "all"\s+SetShellVarContext all\s+CreateDirectory "\$APPDATA\\UiTPAS Balie"/);
    expect(policyFile('win32')).toBe('C:\\ProgramData\\UiTPAS Balie\\policy.json');
    // The rights the script sets, read back as the app reads a folder's security: the app obeys such a folder.
    const owner = /\/setowner \*(S-[\d-]+)/.exec(script)?.[1] ?? '';
    const grants = [...(/\/inheritance:r \/grant:r ([^']+)'/.exec(script)?.[1] ?? '').matchAll(/\*(S-[\d-]+):\(OI\)\(CI\)(F|RX)/g)];
    expect(grants.map(([, sid, right]) => `${sid}:${right}`)).toEqual(['S-1-5-32-544:F', 'S-1-5-18:F', 'S-1-5-32-545:RX']);
    // icacls F = FILE_ALL_ACCESS 0x1F01FF, RX = 0x1200A9; (OI)(CI) = OBJECT_INHERIT 0x1 | CONTAINER_INHERIT 0x2.
    const entries = grants.map(([, sid, right]) => ({ type: 'allow' as const, sid: sid ?? '', mask: right === 'F' ? 0x1f01ff : 0x1200a9, flags: 0x3 }));
    expect(windowsAccessProblem({ owner, entries })).toBeNull();
    // …and the check bites: Users with Modify would not be obeyed.
    expect(windowsAccessProblem({ owner, entries: [...entries, { type: 'allow', sid: 'S-1-5-32-545', mask: 0x1301bf, flags: 0x3 }] })).toBe('writable-by-others');
    expect(script).toMatch(/\$\{GetOptions\} \$R0 "--policy=" \$R1/);
    expect(script).toMatch(/CopyFiles \/SILENT "\$R1" "\$APPDATA\\UiTPAS Balie\\policy\.json"/);
  });

  it('(issue 25) publishing a feed implies the Windows publisher name electron-updater checks the installer against', () => {
    // electron-updater verifies a downloaded installer's Authenticode signer against publisherName (written to
    // app-update.yml); without it, it installs whatever the feed points at.
    const publishRule = (candidate: Record<string, unknown>) => {
      const win = candidate.win as { signtoolOptions?: { publisherName?: unknown } } | undefined;
      return candidate.publish == null || (Array.isArray(win?.signtoolOptions?.publisherName) ? win.signtoolOptions.publisherName.length > 0 : typeof win?.signtoolOptions?.publisherName === 'string');
    };
    expect(publishRule(config)).toBe(true);
    const feed = { provider: 'generic', url: 'https://releases.example.org/uitpas-balie' };
    expect(publishRule({ ...config, publish: feed })).toBe(false);
    expect(publishRule({ ...config, publish: feed, win: { ...config.win, signtoolOptions: { publisherName: 'publiq vzw' } } })).toBe(true);
    expect(validate({ ...config, publish: feed, win: { ...config.win, signtoolOptions: { publisherName: 'publiq vzw' } } })).toBe(true);
  });

  it('flips the fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs only the built app, unpacks native addons, and ships the Belgian roots', () => {
    expect(config.files.filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
    expect(config.files).toEqual(expect.arrayContaining(['!**/*.map', '!**/*.d.ts']));
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.extraResources).toEqual([{ from: 'build/belgium-root-ca', to: 'belgium-root-ca', filter: ['*.pem'] }]);
  });
});
