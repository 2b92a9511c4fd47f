/**
 * The PC/SC the app uses, declared as interfaces so the reader code can be
 * driven by the real libraries (against pcscd) or by a fake in unit tests:
 * npm `pcsclite` watches readers and cards (pcsclite's own typings do not
 * export these types); a card is opened through `ConnectCard`, which the
 * app's own addon implements (native/pcsc-transactions, see transacted-card.ts)
 * because pcsclite 1.0.1 has no PC/SC transactions.
 */
export interface PcscCardStatus {
  state: number;
  atr?: Buffer;
}

export interface PcscCardReader {
  readonly name: string;
  readonly SCARD_STATE_PRESENT: number;
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

/** winscard.h's values, the same on Linux (pcsc-lite), macOS and Windows. */
export const Scard = {
  shareExclusive: 1,
  shareShared: 2,
  protocolT0: 1,
  protocolT1: 2,
  leaveCard: 0,
  resetCard: 1,
} as const;

/** One open handle on the card in a reader. Calls on one handle never overlap. */
export interface CardChannel {
  transmit(apdu: Buffer): Promise<Buffer>;
  /** SCardBeginTransaction: other programs' APDUs wait until endTransaction. */
  beginTransaction(): Promise<void>;
  endTransaction(disposition: number): Promise<void>;
  disconnect(disposition: number): Promise<void>;
}

/** SCardConnect; rejects with pcsclite's message form ("… (0x8010000B)"). */
export type ConnectCard = (readerName: string, shareMode: number, protocols: number) => Promise<CardChannel>;
