/**
 * The part of npm `pcsclite` the app uses, declared as interfaces so the reader
 * code can be driven by the real library (against pcscd) or by a fake in unit
 * tests. pcsclite's own typings do not export these types.
 */
export interface PcscCardStatus {
  state: number;
  atr?: Buffer;
}

type Callback<T = void> = (error: unknown, result: T) => void;

export interface PcscCardReader {
  readonly name: string;
  readonly SCARD_STATE_PRESENT: number;
  readonly SCARD_SHARE_SHARED: number;
  readonly SCARD_SHARE_EXCLUSIVE: number;
  readonly SCARD_PROTOCOL_T0: number;
  readonly SCARD_PROTOCOL_T1: number;
  readonly SCARD_LEAVE_CARD: number;
  readonly SCARD_RESET_CARD: number;
  readonly SCARD_UNPOWER_CARD: number;
  connect(options: { share_mode?: number; protocol?: number }, callback: Callback<number>): void;
  transmit(data: Buffer, responseLength: number, protocol: number, callback: Callback<Buffer>): void;
  disconnect(disposition: number, callback: (error: unknown) => void): void;
  on(type: 'status', listener: (status: PcscCardStatus) => void): this;
  on(type: 'end', listener: () => void): this;
  on(type: 'error', listener: (error: unknown) => void): this;
  removeListener(type: 'status', listener: (status: PcscCardStatus) => void): this;
  removeAllListeners(): this;
  listenerCount(type: string): number;
  close(): void;
}

export interface PcscContext {
  on(type: 'reader', listener: (reader: PcscCardReader) => void): this;
  on(type: 'error', listener: (error: unknown) => void): this;
  removeAllListeners(): this;
  close(): void;
}

/** `require('pcsclite')` itself: it throws at once when the PC/SC service is not running. */
export type CreatePcscContext = () => PcscContext;
