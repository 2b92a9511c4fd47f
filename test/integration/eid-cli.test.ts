/** The eID diagnostic command (out-dev/eid-cli.js, built by pretest) against pcscd + vpcd. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import { VirtualUitpasCard } from '../../native/contactless/virtual-uitpas-card';
import { fr } from '../../renderer/messages/fr';
import { virtualCard } from '../support/card-fixtures';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard } from '../support/vpcd-card';

const cli = resolve(import.meta.dirname, '../../out-dev/eid-cli.js');
/** What `npm run eid` runs: the built command, built first only when stale. */
const launcher = resolve(import.meta.dirname, '../../electron/cards/run-cli.mjs');
const skip = skipWithout('pcscd met vpcd', inject('pcscd'));

function run(args: string[], until?: (stdout: string) => boolean, lang = 'C.UTF-8', script = cli): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    // The messages' language follows --lang, else LANG: the shell's own LANG must not decide the test.
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, LANG: lang } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (until?.(stdout)) child.kill('SIGINT');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe.skipIf(skip)('npm run eid', () => {
  it('reads the card and prints one JSON document, with the pass holder fields', async () => {
    const card = virtualCard({ person: virtualPeople.aylin });
    const inserted = await insertVirtualCard(card, 1);
    const photo = join(mkdtempSync(join(tmpdir(), 'eid-')), 'photo.jpg');
    const { code, stdout, stderr } = await run(['read', '--reader', 'Virtual PCD 00 01', '--photo', photo]);
    await inserted.remove();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Record<string, Record<string, unknown>>;
    expect(report.reader).toBe('Virtual PCD 00 01');
    expect(report.card).toMatchObject({ atr: '3B9813400AA503010101AD1311', appletVersion: '1.7', cardNumber: '594002031884' });
    expect(report.identity).toMatchObject({ surname: 'Kaya', dateOfBirth: { raw: '        1962', iso: null } });
    expect(report.address).toEqual({ streetAndNumber: 'Turnhoutsebaan 230 bus 3', postalCode: '2140', municipality: 'Antwerpen' });
    // The virtual card's root is not a Belgian root: the command says so instead of vouching for it.
    expect(report.integrity).toMatchObject({ certificate: 'untrusted', genuine: false, photoHashMatches: true });
    expect(report.passholderFields).toEqual({
      name: 'Kaya',
      firstName: 'Aylin',
      secondName: 'Derya S',
      inszNumber: '62000001229',
      dateOfBirth: null,
      gender: 'FEMALE',
      nationality: 'Turkse',
      placeOfBirth: 'Ankara',
      street: 'Turnhoutsebaan 230 bus 3',
      postalCode: '2140',
      city: 'Antwerpen',
      verified: false,
    });
    expect(readFileSync(photo)).toEqual(card.files.get('photo'));
  });

  it('fails with a clear message when there is no card', async () => {
    const { code, stdout, stderr } = await run(['read', '--wait', '1']);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Geen kaart in de lezer/);
  });

  it("prints a tapped UiTPAS card's kind and chip number, and nothing else", async () => {
    const inserted = await insertVirtualCard(new VirtualUitpasCard('04A1B2C3D4E580'), 0);
    const { code, stdout, stderr } = await run(['read', '--reader', 'Virtual PCD 00 00']);
    await inserted.remove();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      reader: 'Virtual PCD 00 00',
      card: { kind: 'uitpas', atr: '3B8180018080', chipNumber: '04A1B2C3D4E580' },
      apduCount: 1,
      transactions: 1,
    });
  });

  it('fails with a clear message for a card that is not an eID', async () => {
    const inserted = await insertVirtualCard({ atr: Buffer.from('3b00', 'hex'), transmit: () => Buffer.from([0x6d, 0x00]) }, 0);
    const { code, stderr } = await run(['read', '--reader', 'Virtual PCD 00 00']);
    await inserted.remove();
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/geen Belgische eID/);
  });

  it('speaks French with --lang fr, or when the shell does (LANG), from the same catalogue as the page', async () => {
    expect((await run(['read', '--wait', '1', '--lang', 'fr'])).stderr).toBe(`${fr.cli.noCard}\n`);
    const inserted = await insertVirtualCard({ atr: Buffer.from('3b00', 'hex'), transmit: () => Buffer.from([0x6d, 0x00]) }, 0);
    const { stderr } = await run(['read', '--reader', 'Virtual PCD 00 00'], undefined, 'fr_BE.UTF-8');
    await inserted.remove();
    expect(stderr).toBe(`${fr.eidCauses['not-eid']}\n`);
  });

  it('watch prints one JSON line per event, without the photo', async () => {
    const watching = run(['watch'], (stdout) => stdout.includes('"complete":true'));
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 1000));
    const inserted = await insertVirtualCard(virtualCard(), 0);
    const { stdout } = await watching;
    await inserted.remove();
    const events = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { event: string; complete?: boolean });
    const names = events.map((event) => event.event);
    expect(names[0]).toBe('eid:readers');
    expect(names.indexOf('eid:reading')).toBeLessThan(names.indexOf('eid:card'));
    const complete = events.find((event) => event.event === 'eid:card' && event.complete);
    expect(complete).toMatchObject({ reader: 'Virtual PCD 00 00', prefill: { name: 'Vermeulen' } });
    expect(complete).not.toHaveProperty('photo');
  });

  it('npm run eid runs the built command, and builds it only when a source is newer', { timeout: 60_000 }, async () => {
    const builtAt = () => statSync(cli).mtimeMs;
    const first = await run(['read', '--wait', '0.3'], undefined, 'C.UTF-8', launcher);
    expect(first.stderr).toMatch(/Geen kaart in de lezer/);
    const before = builtAt();
    const second = await run(['read', '--wait', '0.3'], undefined, 'C.UTF-8', launcher);
    expect(second.stderr).toMatch(/Geen kaart in de lezer/);
    expect(builtAt()).toBe(before);

    const source = resolve(import.meta.dirname, '../../electron/cards/cli.ts');
    const later = new Date();
    utimesSync(source, later, later);
    const third = await run(['read', '--wait', '0.3'], undefined, 'C.UTF-8', launcher);
    expect(third.code).not.toBe(0);
    expect(third.stdout).toBe('');
    expect(builtAt()).toBeGreaterThan(before);
  });
});
