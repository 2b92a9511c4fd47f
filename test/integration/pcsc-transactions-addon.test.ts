/**
 * The PC/SC addon against a real pcscd (a private one, vpcd's virtual reader, a virtual card; issue 27 item 13):
 * while another program (a second Node process with the addon) holds a transaction, reader calls wait on threads of
 * their own, so main's file and crypto work goes on, and the app's bounded calls (native/pcsc/transacted-card.ts,
 * with a short bound; production's is readerCallTimeoutMs) end with SCARD_E_TIMEOUT and leave no handle behind;
 * of two disconnects only one releases; only the addon's own handles are taken.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pbkdf2 } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
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
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += String(chunk)));
  const said = () =>
    new Promise<string>((resolve) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(String(chunk).trim()));
      child.once('exit', (code) => resolve(`exited ${code}: ${errors}`));
      setTimeout(() => resolve(`silent: ${errors}`), 8000);
    });
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

describe.skipIf(skip)('the PC/SC addon on a real pcscd', () => {
  let card: InsertedCard | undefined;

  beforeAll(async () => {
    await pcscd.start([entry]);
    card = await insertVirtualCard({ atr: Buffer.from('3b9813400aa503010101ad1311', 'hex'), transmit: () => Buffer.from([0x90, 0x00]) }, 0, entry.port);
    // pcscd sees the card at its next poll of the reader.
    for (let tries = 0; tries < 50; tries++) {
      const handle = await addon.connect(reader, ...shared).catch(() => undefined);
      if (handle) {
        await addon.disconnect(handle, 0);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the virtual card never reached pcscd');
  }, 20_000);

  afterAll(async () => {
    await card?.remove();
    await pcscd.dispose();
  });

  it('while another program holds the card: reader calls wait on threads of their own, file and crypto work goes on, and the bounded calls end with SCARD_E_TIMEOUT', { timeout: 60_000 }, async () => {
    // Handles taken before the other program begins its transaction; more than libuv's pool has threads (4 by default).
    const handles = await Promise.all(Array.from({ length: 6 }, () => addon.connect(reader, ...shared)));
    const bounded = await transactedCards(300)(reader, ...shared);
    const holder = await startHolder();
    let released = false;
    try {
      const blocked = handles.map((handle) => addon.beginTransaction(handle));
      expect(await outcome(Promise.all(blocked), 500)).toBe('pending');
      // On libuv's pool these six would leave no thread for main's file and crypto work.
      expect(await outcome(readFile(__filename), 10_000)).toBe('resolved');
      expect(await outcome(promisify(pbkdf2)('balie', 'zout', 1000, 32, 'sha256'), 10_000)).toBe('resolved');

      // The app's bounded calls give up past their bound, with the code card-connection.ts words as "reader in use",
      // while the other program still holds the card: a transaction, and a connect (pcsc-lite's daemon lets a
      // connect wait while another handle holds a transaction, as this test shows).
      expect(await outcome(bounded.beginTransaction(), 10_000)).toBe(`rejected ${timeoutCode}`);
      expect(await outcome(transactedCards(300)(reader, ...shared), 10_000)).toBe(`rejected ${timeoutCode}`);
      expect(await outcome(Promise.all(blocked), 0)).toBe('pending');

      // pcsc-lite's client polls SCardBeginTransaction holding the handle's context lock, so nothing ends it from this
      // side (a disconnect waits for that lock): once the other program lets go, each blocked call gets the card in
      // turn and the disconnect queued behind it hands the card on.
      const handedOn = blocked.map((call, index) => call.then(() => addon.disconnect(handles[index] as never, 0)));
      expect(await holder.release()).toBe('released');
      released = true;
      for (const call of handedOn) expect(await outcome(call, 10_000)).toBe('resolved');
    } finally {
      if (!released) await holder.release();
    }
    // No handle is left behind: not the timed-out one, not the connect that answered after its bound. An exclusive
    // connect gets the card once they are gone.
    let exclusive: Awaited<ReturnType<typeof addon.connect>> | undefined;
    for (let tries = 0; tries < 50 && !exclusive; tries++) {
      exclusive = await addon.connect(reader, Scard.shareExclusive, shared[1]).catch(() => undefined);
      if (!exclusive) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(exclusive).toBeDefined();
    if (exclusive) await addon.disconnect(exclusive, 0);
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
