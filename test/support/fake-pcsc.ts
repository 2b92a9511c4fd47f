/** An in-memory pcsclite for unit tests of the reader code; the integration suites use the real one. */
import { EventEmitter } from 'node:events';
import type { CardChannel, ConnectCard, PcscCardReader, PcscContext } from '../../native/pcsc/pcsc-port';

const PRESENT = 0x20;
const EMPTY = 0x10;

/** A card as the fake reader sees it: the virtual card's synchronous APDU responder. */
export interface FakeCard {
  atr: Buffer;
  transmit(apdu: Buffer): Buffer;
}

export class FakeReader extends EventEmitter implements PcscCardReader {
  readonly SCARD_STATE_PRESENT = PRESENT;
  readonly SCARD_SHARE_SHARED = 2;
  readonly SCARD_SHARE_EXCLUSIVE = 1;
  readonly SCARD_PROTOCOL_T0 = 1;
  readonly SCARD_PROTOCOL_T1 = 2;
  readonly SCARD_LEAVE_CARD = 0;
  readonly SCARD_RESET_CARD = 1;
  readonly SCARD_UNPOWER_CARD = 2;
  closed = false;
  card: FakeCard | undefined;
  connected = false;
  /** Another program holds the card exclusively: connect and transmit answer a sharing violation. */
  busy = false;
  /** Another program reset the card: the next transmit answers SCARD_W_RESET_CARD, as pcsc-lite does once per handle. */
  resetPending = false;
  disconnects = 0;
  /** PC/SC transactions begun and ended, and the APDUs sent inside one / outside any. */
  transactionsBegun = 0;
  transactionsEnded = 0;
  apdusInTransaction = 0;
  apdusOutsideTransaction = 0;
  private inTransaction = false;
  shareModes: number[] = [];
  dispositions: number[] = [];
  /** pcsc-lite's insert/remove counter (upper 16 bits of the state). */
  private events = 0;
  constructor(readonly name: string) {
    super();
  }
  insertCard(card: FakeCard = { atr: Buffer.from([0x3b]), transmit: () => Buffer.from([0x6d, 0x00]) }): void {
    this.card = card;
    this.events += 1;
    this.emit('status', { state: (this.events << 16) | PRESENT | 0x2, atr: card.atr });
  }
  removeCard(): void {
    this.card = undefined;
    this.events += 1;
    this.emit('status', { state: (this.events << 16) | EMPTY | 0x2 });
  }
  /** Pulled and put back between two polls: pcscd reports only a present card with a counter two higher. */
  swapCard(card: FakeCard): void {
    this.card = card;
    this.events += 2;
    this.emit('status', { state: (this.events << 16) | PRESENT | 0x2, atr: card.atr });
  }
  connect(options: { share_mode?: number }, callback: (error: unknown, protocol: number) => void): void {
    this.shareModes.push(options.share_mode ?? this.SCARD_SHARE_EXCLUSIVE);
    setImmediate(() => {
      if (this.busy) callback(new Error('SCardConnect error: Sharing violation. (0x8010000B)'), 0);
      else if (!this.card) callback(new Error('SCardConnect error: No smart card inserted. (0x8010000C)'), 0);
      else {
        this.connected = true;
        callback(undefined, 1);
      }
    });
  }
  transmit(data: Buffer, _length: number, _protocol: number, callback: (error: unknown, response: Buffer) => void): void {
    setImmediate(() => {
      if (!this.card) callback(new Error('SCardTransmit error: Transaction failed. (0x80100016)'), Buffer.alloc(0));
      else if (this.busy) callback(new Error('SCardTransmit error: Sharing violation. (0x8010000B)'), Buffer.alloc(0));
      else if (this.resetPending) {
        this.resetPending = false;
        callback(new Error('SCardTransmit error: Card was reset. (0x80100068)'), Buffer.alloc(0));
      } else {
        if (this.inTransaction) this.apdusInTransaction += 1;
        else this.apdusOutsideTransaction += 1;
        callback(undefined, this.card.transmit(data));
      }
    });
  }
  beginTransaction(callback: (error: unknown) => void): void {
    setImmediate(() => {
      if (!this.card) callback(new Error('SCardBeginTransaction error: No smart card inserted. (0x8010000C)'));
      else if (this.busy) callback(new Error('SCardBeginTransaction error: Sharing violation. (0x8010000B)'));
      else {
        this.inTransaction = true;
        this.transactionsBegun += 1;
        callback(undefined);
      }
    });
  }
  endTransaction(callback: (error: unknown) => void): void {
    this.inTransaction = false;
    this.transactionsEnded += 1;
    setImmediate(() => callback(undefined));
  }
  disconnect(disposition: number, callback: (error: unknown) => void): void {
    this.dispositions.push(disposition);
    this.connected = false;
    this.disconnects += 1;
    setImmediate(() => callback(undefined));
  }
  unplug(): void {
    this.emit('end');
  }
  close(): void {
    this.closed = true;
  }
}

export class FakePcscContext extends EventEmitter implements PcscContext {
  closed = false;
  readonly readers = new Map<string, FakeReader>();
  addReader(name: string): FakeReader {
    const reader = new FakeReader(name);
    this.readers.set(name, reader);
    this.emit('reader', reader);
    reader.emit('status', { state: EMPTY });
    return reader;
  }
  /** What pcsclite does when pcscd goes away: the context errors, then each reader errors and ends. */
  serviceDied(readers: FakeReader[]): void {
    this.emit('error', new Error('SCardGetStatusChange error: RPC transport error (0x80100013)'));
    for (const reader of readers) {
      reader.emit('error', new Error('RPC transport error'));
      reader.emit('end');
    }
  }
  close(): void {
    this.closed = true;
    this.emit('error', new Error('Command cancelled (0x80100002)'));
  }
}

/** The card handles of the fake readers of `contexts` (the newest context's reader wins), as the addon's ConnectCard. */
export function fakeConnectCard(contexts: () => readonly FakePcscContext[]): ConnectCard {
  return (readerName, shareMode) =>
    new Promise((resolve, reject) => {
      const reader = [...contexts()].reverse().find((context) => context.readers.has(readerName))?.readers.get(readerName);
      if (!reader) {
        reject(new Error('SCardConnect error: Unknown reader. (0x80100009)'));
        return;
      }
      reader.connect({ share_mode: shareMode }, (error, protocol) => {
        if (error) reject(error instanceof Error ? error : new Error('SCardConnect error'));
        else resolve(fakeChannel(reader, protocol));
      });
    });
}

function fakeChannel(reader: FakeReader, protocol: number): CardChannel {
  const settle = <T>(resolve: (value: T) => void, reject: (error: Error) => void) => (error: unknown, value: T) => {
    if (error) reject(error as Error);
    else resolve(value);
  };
  return {
    transmit: (apdu) => new Promise((resolve, reject) => reader.transmit(apdu, 258, protocol, settle(resolve, reject))),
    beginTransaction: () => new Promise((resolve, reject) => reader.beginTransaction((error) => settle(resolve, reject)(error, undefined))),
    endTransaction: () => new Promise((resolve, reject) => reader.endTransaction((error) => settle(resolve, reject)(error, undefined))),
    disconnect: (disposition) => new Promise((resolve, reject) => reader.disconnect(disposition, (error) => settle(resolve, reject)(error, undefined))),
  };
}
