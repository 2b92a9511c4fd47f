/**
 * The PC/SC addon against a real pcscd (a private one, vpcd's virtual reader, a virtual card; issue 27 item 13):
 * of two disconnects only one releases; only the addon's own handles are taken.
 */
import * as addon from 'pcsc-transactions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scard } from '../../native/pcsc/pcsc-port';
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
