/**
 * The PC/SC addon against a real pcscd (a private one, vpcd's virtual reader, a virtual card) while another
 * program holds a transaction on the card (issue 27 item 13): reader calls run on threads of their own, so
 * calls that hang do not starve libuv's shared pool (file and crypto work); a bounded call gives up with
 * SCARD_E_TIMEOUT and ends the blocked SCardBeginTransaction by cancel and disconnect; of two disconnects only
 * one releases; only the addon's own handles are taken.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as addon from 'pcsc-transactions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scard } from '../../native/pcsc/pcsc-port';
import { timeoutCode, transactedCards } from '../../native/pcsc/transacted-card';
import { PrivatePcscd } from '../support/pcscd';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard, type InsertedCard } from '../support/vpcd-card';

const skip = skipWithout('een eigen pcscd met vpcd', PrivatePcscd.availability());
const pcscd = new PrivatePcscd();
// Before any PC/SC call of this process: libpcsclite reads it once (see PrivatePcscd).
process.env.PCSCLITE_CSOCK_NAME = pcscd.socketPath;
const entry = { name: 'Lezer T', port: 0x9d7b };
const reader = 'Lezer T 00 00';
const shared = [Scard.shareShared, Scard.protocolT0 | Scard.protocolT1] as const;

/** Another program with the addon: connects, begins a transaction and holds it until told to end it. */
const holderScript = `
const addon = require('pcsc-transactions');
(async () => {
  const card = await addon.connect(process.env.READER, 2, 3);
  await addon.beginTransaction(card);
  process.stdout.write('held\\n');
  process.stdin.once('data', async () => {
    await addon.endTransaction(card, 0);
    await addon.disconnect(card, 0);
    process.stdout.write('released\\n');
    process.exit(0);
  });
})().catch((error) => { process.stdout.write('failed ' + error.message + '\\n'); process.exit(1); });
`;

function startHolder(): Promise<{ child: ChildProcessWithoutNullStreams; release: () => Promise<string> }> {
  const child = spawn(process.execPath, ['-e', holderScript], { cwd: process.cwd(), env: { ...process.env, READER: reader } });
  const said = () => new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(String(chunk).trim())));
  return said().then((word) => {
    if (word !== 'held') throw new Error(`holder: ${word}`);
    return {
      child,
      release: () => {
        const answer = said();
        child.stdin.write('end\n');
        return answer;
      },
    };
  });
}

/** Settles with what the promise did, or 'pending' when it has not within the wait (a hang detector, not a timing). */
function outcome(promise: Promise<unknown>, waitMs: number): Promise<string> {
  return Promise.race([
    promise.then(
      () => 'resolved',
      (error: unknown) => `rejected ${(error as { pcscCode?: number }).pcscCode ?? (error as Error).message}`,
    ),
    new Promise<string>((resolve) => setTimeout(() => resolve('pending'), waitMs)),
  ]);
}

describe.skipIf(skip)('the PC/SC addon beside another program holding a transaction', () => {
  let card: InsertedCard | undefined;

  beforeAll(async () => {
    await pcscd.start([entry]);
    card = await insertVirtualCard({ atr: Buffer.from('3b9813400aa503010101ad1311', 'hex'), transmit: () => Buffer.from([0x90, 0x00]) }, 0, entry.port);
    // pcscd sees the card at its next poll of the reader.
    await expect.poll(() => addon.connect(reader, ...shared).then((handle) => addon.disconnect(handle, 0).then(() => true), () => false), { timeout: 10_000, interval: 200 }).toBe(true);
  }, 20_000);

  afterAll(async () => {
    await card?.remove();
    await pcscd.dispose();
  });

  it('blocked reader calls leave libuv\'s pool free, and a bounded one gives up with SCARD_E_TIMEOUT, ending the blocked call', { timeout: 60_000 }, async () => {
    const holder = await startHolder();
    try {
      // More blocked calls than libuv's pool has threads (4 by default): on the pool they would starve file I/O.
      const handles = await Promise.all(Array.from({ length: 6 }, () => addon.connect(reader, ...shared)));
      const blocked = handles.map((handle) => addon.beginTransaction(handle));
      expect(await outcome(Promise.all(blocked), 500)).toBe('pending');
      expect(await outcome(readFile(__filename), 10_000)).toBe('resolved');

      // The app's bounded handle: past its bound the call rejects, and the handle is let go.
      const bounded = await transactedCards(300)(reader, ...shared);
      expect(await outcome(bounded.beginTransaction(), 10_000)).toBe(`rejected ${timeoutCode}`);

      // Disconnecting ends a blocked SCardBeginTransaction (pcsc-lite's client polls with the handle).
      for (const handle of handles) await addon.disconnect(handle, 0);
      for (const call of blocked) expect(await outcome(call, 10_000)).toMatch(/^rejected /);
    } finally {
      expect(await holder.release()).toBe('released');
    }
    // The card is free again for a new handle and a transaction.
    const again = await transactedCards(5_000)(reader, ...shared);
    await again.beginTransaction();
    expect(await again.transmit(Buffer.from('00a4040c', 'hex'))).toEqual(Buffer.from([0x90, 0x00]));
    await again.endTransaction(0);
    await again.disconnect(0);
  });

  it('of two disconnects only one releases the handle: the second is refused, and calls after it too', async () => {
    const handle = await addon.connect(reader, ...shared);
    const first = addon.disconnect(handle, 0);
    expect(() => addon.disconnect(handle, 0)).toThrow('the card handle is closed');
    await first;
    expect(() => addon.transmit(handle, Buffer.from('00a4040c', 'hex'))).toThrow('the card handle is closed');
    // Another handle on the same reader still works: no context was released twice.
    const other = await addon.connect(reader, ...shared);
    expect(await addon.transmit(other, Buffer.from('00a4040c', 'hex'))).toEqual(Buffer.from([0x90, 0x00]));
    await addon.disconnect(other, 0);
  });

  it('takes only its own handles: anything else passed as one is refused', () => {
    const forged = [{}, { __brand: 'pcsc-transactions card' }, Buffer.alloc(8), null];
    for (const value of forged) expect(() => addon.transmit(value as never, Buffer.from([0]))).toThrow('the first argument must be a card from connect()');
  });
});
