import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivatePcscd } from '../support/pcscd';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard, type InsertedCard } from '../support/vpcd-card';

const skip = skipWithout('een eigen pcscd met vpcd', PrivatePcscd.availability());
const pcscd = new PrivatePcscd();
process.env.PCSCLITE_CSOCK_NAME = pcscd.socketPath;
const entry = { name: 'Lezer T', port: 0x9d7b };
const reader = 'Lezer T 00 00';

describe.skipIf(skip)('probe', () => {
  let inserted: InsertedCard;
  beforeAll(async () => {
    await pcscd.start([entry]);
    inserted = await insertVirtualCard({ atr: Buffer.from('3b9813400aa503010101ad1311', 'hex'), transmit: () => Buffer.from([0x90, 0]) }, 0, entry.port);
    await new Promise((r) => setTimeout(r, 1500));
  });
  afterAll(async () => {
    await inserted?.remove();
    await pcscd.dispose();
  });
  it('probe', { timeout: 60_000 }, async () => {
    const holder = spawn(process.execPath, ['/tmp/i27-probe.mjs', 'holder'], { env: { ...process.env, READER: reader }, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => { holder.stdout.on('data', (c) => { console.log('holder:', String(c)); if (String(c).includes('held')) resolve(); }); holder.on('exit', (code, signal) => { console.log('holder exit', code, signal); resolve(); }); });
    for (const mode of ['cancel', 'plain']) {
      const out = await new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ['/tmp/i27-probe.mjs', 'waiter', mode], { env: { ...process.env, READER: reader }, stdio: ['ignore', 'pipe', 'inherit'] });
        let text = '';
        child.stdout.on('data', (c) => (text += String(c)));
        child.on('exit', () => resolve(text));
      });
      console.log(mode, out);
    }
    holder.kill();
    expect(true).toBe(true);
  });
});
