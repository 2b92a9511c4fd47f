/** The support log: codes and timings at the policy's level, values cut to a safe alphabet, rotated by size. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SupportLog } from '../../electron/support/support-log';

const at = () => new Date('2026-12-05T08:00:00.000Z');

describe('the support log', () => {
  it('writes what its level lets through, one line per event, readable by this user only', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'balie-log-')), 'logs', 'support.log');
    const log = new SupportLog(file, { level: 'warn', now: at });
    log.write('info', 'read', { ms: 12 });
    log.write('warn', 'failure', { channel: 'uitpas:getCard', code: 'uitpas-unreachable', detail: 'ECONNREFUSED', ms: 31 });
    log.setLevel('debug');
    log.write('debug', 'call', { channel: 'session:get', ms: 2, absent: undefined });
    await log.flushed();
    expect(readFileSync(file, 'utf8')).toBe(
      '2026-12-05T08:00:00.000Z warn failure channel=uitpas:getCard code=uitpas-unreachable detail=ECONNREFUSED ms=31\n2026-12-05T08:00:00.000Z debug call channel=session:get ms=2\n',
    );
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('cuts anything free-form to a code: no spaces, no line breaks, no markup, bounded', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'balie-log-')), 'support.log');
    const log = new SupportLog(file, { level: 'info', now: at });
    log.write('info', 'read', { reader: 'Virtual PCD 00 00', sneaky: 'a\nfake line <b>&amp;', long: 'x'.repeat(500) });
    await log.flushed();
    const [line, ...rest] = readFileSync(file, 'utf8').split('\n');
    expect(rest).toEqual(['']);
    expect(line).toContain('reader=Virtual_PCD_00_00 sneaky=a_fake_line_b_amp_ long=');
    expect(line?.length).toBeLessThan(200);
  });

  it('rotates by size and keeps three old files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'balie-log-'));
    const file = join(folder, 'support.log');
    const log = new SupportLog(file, { level: 'info', maxBytes: 300, keep: 3, now: at });
    for (let index = 0; index < 40; index += 1) log.write('info', 'call', { n: index });
    await log.flushed();
    expect(readdirSync(folder).sort()).toEqual(['support.log', 'support.log.1', 'support.log.2', 'support.log.3']);
    for (const name of readdirSync(folder)) expect(statSync(join(folder, name)).size).toBeLessThanOrEqual(300);
    expect(readFileSync(file, 'utf8')).toContain('n=39');
    expect(existsSync(`${file}.4`)).toBe(false);
  });
});
