/**
 * Real cards and real counter PCs, over a pcscd of the test's own (so readers
 * can come and go without touching the machine's pcscd) with vpcd's virtual
 * readers and the virtual card behind them: readers added and removed (pcscd
 * restarted with another reader set), pcscd stopped and started, the PC asleep
 * (pcscd frozen), other programs holding the card (shared, exclusive, resetting
 * it), a strict SELECT, a card swapped mid-read.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EidCard, EidReading, EventChannel, ReaderStatus } from '../../electron/ipc/contract';
import { CardService } from '../../electron/cards/card-service';
import { MainEvents } from '../../electron/ipc/main-events';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import type { VirtualBeidCard } from '../../native/beid/virtual-card/virtual-beid-card';
import { createPcscliteContext } from '../../native/pcsc/pcsclite-context';
import { testTrustAnchors, virtualCard } from '../support/card-fixtures';
import { PrivatePcscd, startOtherProgram, type OtherProgram } from '../support/pcscd';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard, type InsertedCard } from '../support/vpcd-card';

const skip = skipWithout('een eigen pcscd met vpcd', PrivatePcscd.availability());
const pcscd = new PrivatePcscd();
// Before any PC/SC call of this process: libpcsclite reads it once (see PrivatePcscd).
process.env.PCSCLITE_CSOCK_NAME = pcscd.socketPath;

const entryA = { name: 'Lezer A', port: 0x9c7b };
const entryB = { name: 'Lezer B', port: 0x9c7b };

describe.skipIf(skip)('eID readers as they come and go, and other programs beside the app', () => {
  let service: CardService | undefined;
  let seen: { channel: EventChannel; payload: unknown }[] = [];
  let log: string[] = [];
  const inserted: InsertedCard[] = [];
  const of = <T>(channel: EventChannel) => seen.filter((event) => event.channel === channel).map((event) => event.payload as T);
  const completeCards = () => of<EidCard>('eid:card').filter((card) => card.complete);
  const readerNames = () => service!.readers().readers.map((reader) => reader.name);

  beforeAll(() => pcscd.start([entryA]));
  afterAll(() => pcscd.dispose());

  afterEach(async () => {
    await Promise.all(inserted.splice(0).map((card) => card.remove()));
    service?.close();
    service = undefined;
  });

  async function startService(busyRetryDelaysMs?: readonly number[]) {
    seen = [];
    log = [];
    const events = new MainEvents();
    events.subscribe((channel, payload) => seen.push({ channel, payload }));
    service = new CardService({
      createPcscContext: createPcscliteContext,
      trustAnchors: testTrustAnchors(),
      events,
      log: { warn: (line: string) => log.push(line) },
      retryDelaysMs: [100, 200, 400],
      busyRetryDelaysMs,
    });
    service.start();
    await vi.waitFor(() => expect(readerNames().length).toBeGreaterThan(0), { timeout: 10_000 });
  }

  async function insert(card: Parameters<typeof insertVirtualCard>[0], port = entryA.port) {
    const handle = await insertVirtualCard(card, 0, port);
    inserted.push(handle);
    return handle;
  }

  it('sees readers removed and added while it runs (pcscd restarted with another reader set), and reads in the new one', { timeout: 60_000 }, async () => {
    await startService();
    expect(readerNames()).toEqual(['Lezer A 00 00', 'Lezer A 00 01']);
    await insert(virtualCard());
    await vi.waitFor(() => expect(completeCards()).toHaveLength(1), { timeout: 15_000 });

    await pcscd.stop();
    await vi.waitFor(() => expect(service!.readers().service).toBe('unavailable'), { timeout: 10_000 });
    expect(of('eid:removed')).toEqual([{ reader: 'Lezer A 00 00' }]);
    expect(service!.currentCards()).toEqual([]);

    // The same vpcd port under another name: both of A's readers leave, two new ones arrive.
    try {
      await pcscd.start([entryB]);
      await vi.waitFor(() => expect(readerNames()).toEqual(['Lezer B 00 00', 'Lezer B 00 01']), { timeout: 15_000 });
      await insert(virtualCard({ person: virtualPeople.zoe }));
      await vi.waitFor(() => expect(service!.currentCards()).toMatchObject([{ reader: 'Lezer B 00 00', complete: true, prefill: { name: 'Lambrecht', verified: true } }]), {
        timeout: 15_000,
      });
      await Promise.all(inserted.splice(0).map((card) => card.remove()));
    } finally {
      await pcscd.stop();
      await pcscd.start([entryA]);
    }
    await vi.waitFor(() => expect(readerNames()).toEqual(['Lezer A 00 00', 'Lezer A 00 01']), { timeout: 15_000 });
    expect(service!.currentCards()).toEqual([]);
    expect(of<ReaderStatus>('eid:readers').filter((status) => status.service === 'unavailable').length).toBeGreaterThanOrEqual(2);
  });

  it('survives the PC sleeping (pcscd frozen for 3 s) and waking (resume): the next card is read', { timeout: 60_000 }, async () => {
    await startService();
    pcscd.pause();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    pcscd.resume();
    service!.resume();
    await vi.waitFor(() => expect(service!.readers()).toEqual({ service: 'running', readers: [
      { name: 'Lezer A 00 00', cardPresent: false },
      { name: 'Lezer A 00 01', cardPresent: false },
    ] }), { timeout: 15_000 });
    await insert(virtualCard());
    await vi.waitFor(() => expect(completeCards()).toMatchObject([{ prefill: { verified: true } }]), { timeout: 15_000 });
  });

  it('reads while another program keeps a shared connection, and leaves that connection alone', { timeout: 30_000 }, async () => {
    await insert(virtualCard());
    const other = await startOtherProgram('Lezer A 00 00', 'shared', pcscd.socketPath);
    await startService();
    await vi.waitFor(() => expect(completeCards()).toMatchObject([{ prefill: { verified: true } }]), { timeout: 15_000 });
    await other.release();
    expect(of('eid:error')).toEqual([]);
  });

  it('waits while another program holds the card exclusively for 2 s, says so, then reads', { timeout: 30_000 }, async () => {
    await insert(virtualCard());
    const other = await startOtherProgram('Lezer A 00 00', 'exclusive', pcscd.socketPath);
    await startService();
    await vi.waitFor(() => expect(of<EidReading>('eid:reading')).toContainEqual({ reader: 'Lezer A 00 00', step: 'waiting', progress: 0 }), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await other.release();
    await vi.waitFor(() => expect(completeCards()).toMatchObject([{ prefill: { verified: true } }]), { timeout: 15_000 });
    expect(of('eid:error')).toEqual([]);
  });

  it('says "another program uses the card reader" only when the other program keeps it', { timeout: 30_000 }, async () => {
    await insert(virtualCard());
    const other = await startOtherProgram('Lezer A 00 00', 'exclusive', pcscd.socketPath);
    await startService([100, 200, 400]);
    await vi.waitFor(() => expect(of('eid:error')).toMatchObject([{ reader: 'Lezer A 00 00', cause: 'reader-in-use' }]), { timeout: 10_000 });
    await other.release();
  });

  // Inside our transaction pcsc-lite turns another handle's reset into a plain disconnect (winscard.c
  // SCardDisconnect: "if the card is locked by someone else we do not reset it"); between two of our
  // transactions the reset lands and the next one answers SCARD_W_RESET_CARD, and the service reads again.
  it('reads clean when another program resets the card in the middle of a read', { timeout: 30_000 }, async () => {
    const holder: { other?: OtherProgram; resetting?: Promise<void> } = {};
    await insert(slowFrom(virtualCard(), 8, 50, () => {
        holder.resetting = holder.other?.reset();
      }),
    );
    holder.other = await startOtherProgram('Lezer A 00 00', 'shared', pcscd.socketPath);
    await startService();
    await vi.waitFor(() => expect(completeCards()).toMatchObject([{ prefill: { verified: true } }]), { timeout: 15_000 });
    await holder.resetting;
    expect(of('eid:error')).toEqual([]);
    expect(completeCards()).toMatchObject([{ warnings: [], integrity: { identity: true, address: true, photo: true } }]);
  });

  it('walks the file identifiers on a card that answers 6A80 to SELECT by path, trying the path form once', { timeout: 30_000 }, async () => {
    await startService();
    const handle = await insert(virtualCard({ pathSelectAnswer: 0x6a80 }));
    await vi.waitFor(() => expect(completeCards()).toMatchObject([{ prefill: { verified: true } }]), { timeout: 15_000 });
    expect(handle.apdus.filter((apdu) => apdu[1] === 0xa4 && apdu[2] === 0x08)).toHaveLength(1);
  });

  it('reads the new card when one is pulled mid-read and another put in at once', { timeout: 30_000 }, async () => {
    await startService();
    const replacement = virtualCard({ person: virtualPeople.zoe });
    const first = virtualCard();
    const pulling: { handle?: InsertedCard } = {};
    pulling.handle = await insert({
      atr: first.atr,
      transmit: (apdu) => {
        if (pulling.handle && pulling.handle.apdus.length === 10) void pulling.handle.remove().then(() => insert(replacement));
        return first.transmit(apdu);
      },
    });
    await vi.waitFor(
      () => expect(service!.currentCards(), JSON.stringify({ errors: of('eid:error'), log })).toMatchObject([{ complete: true, prefill: { name: 'Lambrecht', verified: true } }]),
      { timeout: 15_000 },
    );
  });
});

/** A card that answers slowly from the `from`-th APDU on, leaving room for another program to step in. */
function slowFrom(card: VirtualBeidCard, from: number, delayMs: number, onSlow: () => void) {
  let sent = 0;
  return {
    atr: card.atr,
    reset: () => card.reset(),
    transmit: async (apdu: Buffer) => {
      sent += 1;
      if (sent === from) onSlow();
      if (sent >= from && sent < from + 6) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return card.transmit(apdu);
    },
  };
}
