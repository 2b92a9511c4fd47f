/** An in-memory pcsclite for unit tests of the reader code; the integration suites use the real one. */
import { EventEmitter } from 'node:events';
import type { PcscCardReader, PcscContext } from '../../native/pcsc/pcsc-port';

const PRESENT = 0x20;
const EMPTY = 0x10;

export class FakeReader extends EventEmitter implements PcscCardReader {
  readonly SCARD_STATE_PRESENT = PRESENT;
  closed = false;
  constructor(readonly name: string) {
    super();
  }
  insertCard(): void {
    this.emit('status', { state: PRESENT | 0x2, atr: Buffer.from([0x3b]) });
  }
  removeCard(): void {
    this.emit('status', { state: EMPTY | 0x2 });
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
  addReader(name: string): FakeReader {
    const reader = new FakeReader(name);
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
