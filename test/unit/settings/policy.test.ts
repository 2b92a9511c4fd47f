/**
 * The machine-wide policy: its place on every OS (under a temporary root, as the browser host and tests
 * use it), the one schema that checks it, and the file as IT might get it wrong.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy, policyKeys, validatePolicy } from '../../../electron/settings/policy';
import { PolicySource, policyFile, readPolicy } from '../../../electron/settings/policy-source';

const fullPolicy = {
  environment: 'production',
  consumerKey: 'made-up-key',
  consumerSecret: 'made-up-secret',
  uitidV2: { clientId: 'made-up-client', issuer: 'https://account.example.org' },
  balie: 'balie-1',
  language: 'fr',
  readerRoles: { eidreader: ['Virtual PCD 00 00'], nfcreader: ['Virtual PCD 00 01'] },
  storeEidPhoto: false,
  proxy: { mode: 'fixed_servers', proxyRules: 'http://proxy.example:8080', proxyBypassRules: '<local>' },
  updates: 'notify',
  channel: 'beta',
  targetVersion: '1.4.0',
  logLevel: 'info',
  logFolder: 'C:\\ProgramData\\UiTPAS Balie\\logs',
};

describe('where the policy lives', () => {
  it.each([
    ['win32', 'D:\\ProgramData', 'D:\\ProgramData\\UiTPAS Balie\\policy.json'],
    ['win32', undefined, 'C:\\ProgramData\\UiTPAS Balie\\policy.json'],
    ['darwin', undefined, '/Library/Application Support/UiTPAS Balie/policy.json'],
    ['linux', undefined, '/etc/uitpas-balie/policy.json'],
  ])('on %s it is the machine place (known folder %s)', (platform, programData, expected) => {
    expect(policyFile(platform, undefined, programData)).toBe(expected);
  });

  it.each([
    ['win32', ['ProgramData', 'UiTPAS Balie', 'policy.json']],
    ['darwin', ['Library', 'Application Support', 'UiTPAS Balie', 'policy.json']],
    ['linux', ['etc', 'uitpas-balie', 'policy.json']],
  ])('on %s under a temporary root, it is read from there', async (platform, parts) => {
    const root = mkdtempSync(join(tmpdir(), 'balie-policy-root-'));
    const file = policyFile(platform, root, 'C:\\Elsewhere');
    expect(file).toBe(join(root, ...parts));
    expect(await readPolicy(file)).toEqual({ status: 'absent', file });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(fullPolicy));
    expect(await readPolicy(file)).toMatchObject({ status: 'valid', file, policy: fullPolicy, ignored: [] });
  });
});

describe('the schema', () => {
  it('takes every key it documents, and Notepad’s BOM', () => {
    expect(parsePolicy('p.json', `\uFEFF${JSON.stringify(fullPolicy)}`)).toMatchObject({ status: 'valid', policy: fullPolicy });
    expect(Object.keys(fullPolicy).sort()).toEqual([...policyKeys].sort());
    for (const mode of ['system', 'direct', 'auto_detect']) expect(validatePolicy({ proxy: { mode } })).toHaveProperty('policy');
    expect(validatePolicy({ proxy: { mode: 'pac_script', pacScript: 'https://wpad.example/proxy.pac' } })).toHaveProperty('policy');
    expect(validatePolicy({ proxy: { mode: 'pac_script', pacScript: 'file:///etc/proxy.pac' } })).toHaveProperty('policy');
  });

  it.each([
    ['an unknown environment', { environment: 'prod' }, 'environment'],
    ['an empty consumer key', { consumerKey: ' ' }, 'consumerKey'],
    ['an http issuer', { uitidV2: { clientId: 'c', issuer: 'http://account.example.org' } }, 'uitidV2.issuer'],
    ['a v2 client without id', { uitidV2: { issuer: 'https://account.example.org' } }, 'uitidV2.clientId'],
  ])('stops the app, naming the key, for %s (it decides where data goes)', (_name, policy, key) => {
    expect(parsePolicy('/etc/uitpas-balie/policy.json', JSON.stringify({ language: 'fr', ...policy }))).toEqual({ status: 'broken', file: '/etc/uitpas-balie/policy.json', key, problem: 'wrong-value', language: 'fr' });
  });

  it.each([
    ['a key this version does not know', { enviroment: 'production' }, 'enviroment', 'unknown-key'],
    ['a typo inside reader roles', { readerRoles: { eidreader: [], nfcreaders: [] } }, 'readerRoles.nfcreader', 'wrong-value'],
    ['a reader role that is not a list', { readerRoles: { eidreader: 'Reader', nfcreader: [] } }, 'readerRoles.eidreader', 'wrong-value'],
    ['a proxy without mode', { proxy: { proxyRules: 'http://p:1' } }, 'proxy.mode', 'wrong-value'],
    ['a fixed proxy without rules', { proxy: { mode: 'fixed_servers' } }, 'proxy.proxyRules', 'wrong-value'],
    ['proxy rules that are no rules', { proxy: { mode: 'fixed_servers', proxyRules: 'not a proxy at all' } }, 'proxy.proxyRules', 'wrong-value'],
    ['a PAC over plain http', { proxy: { mode: 'pac_script', pacScript: 'http://wpad/proxy.pac' } }, 'proxy.pacScript', 'wrong-value'],
    ['a PAC that is not a URL', { proxy: { mode: 'pac_script', pacScript: 'not a url' } }, 'proxy.pacScript', 'wrong-value'],
    ['an unknown update mode', { updates: 'sometimes' }, 'updates', 'wrong-value'],
    ['a language nobody speaks here', { language: 'de' }, 'language', 'wrong-value'],
    ['a log level as a number', { logLevel: 3 }, 'logLevel', 'wrong-value'],
    ['a relative log folder', { logFolder: 'logs' }, 'logFolder', 'wrong-value'],
    ['a photo decision as text', { storeEidPhoto: 'no' }, 'storeEidPhoto', 'wrong-value'],
  ])('obeys the rest and lists %s', (_name, policy, key, problem) => {
    const state = parsePolicy('/etc/uitpas-balie/policy.json', JSON.stringify({ environment: 'test', ...policy }));
    expect(state).toMatchObject({ status: 'valid', policy: { environment: 'test' }, ignored: [{ origin: '/etc/uitpas-balie/policy.json', key, problem, level: 'mandatory' }] });
  });

  it('takes recommendations for what staff may change, and lists one for a locked-only key', () => {
    const state = parsePolicy('p.json', JSON.stringify({ environment: 'test', recommended: { language: 'fr', storeEidPhoto: false, updates: 'auto' } }));
    expect(state).toMatchObject({ status: 'valid', policy: { environment: 'test' }, recommended: { language: 'fr', storeEidPhoto: false }, ignored: [{ key: 'updates', problem: 'unknown-key', level: 'recommended' }] });
  });

  it.each([
    ['broken JSON', '{"environment": "production",', 'not-json'],
    ['a list', '["production"]', 'not-object'],
    ['a bare string', '"production"', 'not-object'],
  ])('names the whole file for %s', (_name, text, problem) => {
    expect(parsePolicy('p.json', text)).toEqual({ status: 'broken', file: 'p.json', key: null, problem });
  });

  it('a policy path that cannot be read (here: a folder) is broken, not absent', async () => {
    const root = mkdtempSync(join(tmpdir(), 'balie-policy-root-'));
    const file = policyFile('linux', root);
    mkdirSync(file, { recursive: true });
    expect(await readPolicy(file)).toEqual({ status: 'broken', file, key: null, problem: 'unreadable' });
  });

  it('the IT guide documents every key', () => {
    const readme = readFileSync(join(__dirname, '../../../docs/it-guide.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### The machine policy'));
    for (const key of policyKeys) expect(section, key).toContain(`\`${key}\``);
  });
});

describe('the policy on change', () => {
  it('is read again when IT creates, breaks or mends the file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'balie-policy-root-'));
    const file = policyFile('linux', root);
    const source = new PolicySource(file, 100);
    expect(await source.load()).toMatchObject({ status: 'absent' });
    const seen: string[] = [];
    source.onChange((state) => seen.push(state.status));
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ environment: 'test' }));
      await expect.poll(() => seen.at(-1), { timeout: 15_000, interval: 200 }).toBe('valid');
      expect(source.policy).toEqual({ environment: 'test' });
      writeFileSync(file, '{ "environment": ');
      await expect.poll(() => seen.at(-1), { timeout: 15_000, interval: 200 }).toBe('broken');
      expect(source.broken).toBe(true);
      expect(source.policy).toEqual({});
    } finally {
      source.close();
    }
  }, 40_000);
});
