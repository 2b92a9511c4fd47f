import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noReaderRoles, readerTakes } from '../../../electron/cards/reader-roles';
import { SettingsStore } from '../../../electron/settings/settings-store';

describe('reader roles', () => {
  it('without pinning every reader takes every card; a pinned kind only in its readers', () => {
    expect(readerTakes(noReaderRoles, 'ACS ACR1252 PICC', 'eid')).toBe(true);
    const roles = { eidreader: ['Alcor Micro AU9540'], nfcreader: [] };
    expect(readerTakes(roles, 'ACS ACR1252 PICC', 'eid')).toBe(false);
    expect(readerTakes(roles, 'Alcor Micro AU9540', 'eid')).toBe(true);
    expect(readerTakes(roles, 'ACS ACR1252 PICC', 'uitpas')).toBe(true);
  });

  it("come from the settings file in the real shell's shape, and anything else there means no pinning", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'roles-')), 'settings.json');
    const store = new SettingsStore(file);
    writeFileSync(file, JSON.stringify({ environment: 'demo', readerRoles: { nfcreader: ['ACS ACR1252 PICC'], eidreader: 'Alcor' } }));
    expect((await store.load()).readerRoles).toEqual({ eidreader: [], nfcreader: ['ACS ACR1252 PICC'] });
    writeFileSync(file, JSON.stringify({ environment: 'demo' }));
    expect((await store.load()).readerRoles).toEqual(noReaderRoles);
  });
});
