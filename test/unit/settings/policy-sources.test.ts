/**
 * The policy's sources as IT writes them: a file saved as UTF-16 by Windows PowerShell 5.1, a file caught
 * half written, a file or folder others could write (refused, named), the Group Policy registry key (a fake
 * registry-js answer: registry-js reads nothing off Windows) winning over the file, a macOS profile's
 * managed preferences, and Windows access lists judged as policy-access.ts does.
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { managedPreferencesFile, managedPreferencesOrigin, registryOrigin, registryPolicyKey, registryRecommendedKey, type RegistryValue } from '../../../electron/settings/machine-sources';
import { posixAccess, windowsAccessProblem } from '../../../electron/settings/policy-access';
import { PolicySource, policyFile, readPolicy } from '../../../electron/settings/policy-source';

function policyAt(content: string | Buffer, mode = 0o644): string {
  const root = mkdtempSync(join(tmpdir(), 'balie-policy-sources-'));
  const file = policyFile('linux', root);
  mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
  chmodSync(dirname(file), 0o755);
  writeFileSync(file, content, { mode });
  chmodSync(file, mode);
  return file;
}
const trusted = posixAccess([0, process.getuid?.() ?? 0]);

describe('the policy file as IT saves it', () => {
  it('reads UTF-16 with a BOM (PowerShell 5.1) and UTF-8 with a BOM', async () => {
    const text = JSON.stringify({ environment: 'test', language: 'fr' });
    const utf16 = policyAt(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await readPolicy(utf16, { access: trusted })).toMatchObject({ status: 'valid', policy: { environment: 'test', language: 'fr' } });
    const utf16be = policyAt(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    expect(await readPolicy(utf16be, { access: trusted })).toMatchObject({ status: 'valid', policy: { environment: 'test' } });
    expect(await readPolicy(policyAt(`\uFEFF${text}`), { access: trusted })).toMatchObject({ status: 'valid', policy: { language: 'fr' } });
  });

  it('reads a half-written file again before it counts as broken', async () => {
    const file = policyAt('{ "environment": "te');
    const reading = readPolicy(file, { access: trusted, settleMs: 200 });
    setTimeout(() => writeFileSync(file, JSON.stringify({ environment: 'test' })), 50);
    expect(await reading).toMatchObject({ status: 'valid', policy: { environment: 'test' } });
    expect(await readPolicy(policyAt(''), { settleMs: 10 })).toMatchObject({ status: 'broken', problem: 'not-json', key: null });
  });

  it('obeys a policy with a key this version does not know, and lists the key', async () => {
    const file = policyAt(JSON.stringify({ environment: 'test', kioskMode: true }));
    const source = new PolicySource(file, 100, { access: trusted });
    await source.load();
    expect(source.policy).toEqual({ environment: 'test' });
    expect(source.ignored).toEqual([{ origin: file, key: 'kioskMode', problem: 'unknown-key', level: 'mandatory' }]);
  });

  it('stops, naming the file, when others may write it, and the folder when others may write that', async () => {
    const file = policyAt(JSON.stringify({ environment: 'test', language: 'fr' }), 0o666);
    expect(await readPolicy(file, { access: trusted })).toEqual({ status: 'broken', file, key: null, problem: 'writable-by-others' });
    const inOpenFolder = policyAt(JSON.stringify({ environment: 'test' }));
    chmodSync(dirname(inOpenFolder), 0o777);
    expect(await readPolicy(inOpenFolder, { access: trusted })).toEqual({ status: 'broken', file: dirname(inOpenFolder), key: null, problem: 'writable-by-others' });
  });

  it.skipIf(process.getuid?.() !== 0)('stops when the file is not root’s (a user made it)', async () => {
    const file = policyAt(JSON.stringify({ environment: 'demo' }));
    chownSync(file, 1000, 1000);
    expect(await readPolicy(file, { access: posixAccess([0]) })).toEqual({ status: 'broken', file, key: null, problem: 'not-admin-owner' });
  });
});

describe('Windows access lists', () => {
  const admins = 'S-1-5-32-544';
  const users = 'S-1-5-32-545';
  it('accepts administrators-only write, and refuses a user owner, Users who may add files, or no DACL', () => {
    const readOnlyForUsers = [
      { type: 'allow' as const, sid: admins, mask: 0x1f01ff, flags: 0 },
      { type: 'allow' as const, sid: 'S-1-5-18', mask: 0x1f01ff, flags: 0 },
      { type: 'allow' as const, sid: users, mask: 0x1200a9, flags: 0 },
    ];
    expect(windowsAccessProblem({ owner: admins, entries: readOnlyForUsers })).toBeNull();
    expect(windowsAccessProblem({ owner: 'S-1-5-21-1-2-3-1001', entries: readOnlyForUsers })).toBe('not-admin-owner');
    // C:\ProgramData's default: Users may create files in new subfolders (FILE_ADD_FILE | FILE_APPEND_DATA …).
    expect(windowsAccessProblem({ owner: admins, entries: [...readOnlyForUsers, { type: 'allow', sid: users, mask: 0x116, flags: 0x2 }] })).toBe('writable-by-others');
    // CREATOR OWNER's entry is inherit-only: it does not apply to the folder itself.
    expect(windowsAccessProblem({ owner: admins, entries: [...readOnlyForUsers, { type: 'allow', sid: 'S-1-3-0', mask: 0x10000000, flags: 0x8 | 0x2 }] })).toBeNull();
    expect(windowsAccessProblem({ owner: admins, entries: null })).toBe('writable-by-others');
  });
});

describe('Group Policy and configuration profiles', () => {
  const registry = (keys: Record<string, RegistryValue[]>) => (subkey: string) => keys[subkey] ?? [];

  it('reads the registry key (DWORD booleans, JSON objects) and its Recommended subkey, winning over the file per key', async () => {
    const file = policyAt(JSON.stringify({ environment: 'demo', logLevel: 'debug' }));
    const read = registry({
      [registryPolicyKey]: [
        { name: 'environment', type: 'REG_SZ', data: 'test' },
        { name: 'storeEidPhoto', type: 'REG_DWORD', data: 0 },
        { name: 'proxy', type: 'REG_SZ', data: '{"mode":"fixed_servers","proxyRules":"127.0.0.1:3128"}' },
        { name: 'futureKey', type: 'REG_SZ', data: 'x' },
      ],
      [registryRecommendedKey]: [{ name: 'language', type: 'REG_SZ', data: 'fr' }],
    });
    const source = new PolicySource(file, 100, { before: [registryOrigin(read)], access: trusted });
    await source.load();
    expect(source.policy).toEqual({ environment: 'test', storeEidPhoto: false, proxy: { mode: 'fixed_servers', proxyRules: '127.0.0.1:3128' }, logLevel: 'debug' });
    expect(source.recommended).toEqual({ language: 'fr' });
    expect(source.ignored).toEqual([{ origin: `HKLM\\${registryPolicyKey}`, key: 'futureKey', problem: 'unknown-key', level: 'mandatory' }]);
    expect(source.current).toMatchObject({ origins: { environment: `HKLM\\${registryPolicyKey}`, logLevel: file } });
  });

  it('a wrong environment in the registry stops the app, naming the key', async () => {
    const source = new PolicySource('', 100, { before: [registryOrigin(registry({ [registryPolicyKey]: [{ name: 'environment', type: 'REG_SZ', data: 'prod' }] }))] });
    expect(await source.load()).toEqual({ status: 'broken', file: `HKLM\\${registryPolicyKey}`, key: 'environment', problem: 'wrong-value' });
  });

  it('reads a profile’s managed preferences (XML plist) under a temporary root', async () => {
    const root = mkdtempSync(join(tmpdir(), 'balie-managed-'));
    const file = managedPreferencesFile('be.uitpas.balie', root);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
  <key>PayloadUUID</key><string>0000</string>
  <key>environment</key><string>acceptance</string>
  <key>storeEidPhoto</key><false/>
  <key>readerRoles</key><dict><key>eidreader</key><array><string>Virtual PCD 00 00</string></array><key>nfcreader</key><array/></dict>
  <key>recommended</key><dict><key>language</key><string>fr</string></dict>
</dict></plist>`,
    );
    const source = new PolicySource('', 100, { before: [managedPreferencesOrigin(file)] });
    await source.load();
    expect(source.policy).toEqual({ environment: 'acceptance', storeEidPhoto: false, readerRoles: { eidreader: ['Virtual PCD 00 00'], nfcreader: [] } });
    expect(source.recommended).toEqual({ language: 'fr' });
  });
});
