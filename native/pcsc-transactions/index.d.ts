/** An open card handle, with its own PC/SC context; opaque to JavaScript. */
export interface CardHandle {
  readonly __brand: 'pcsc-transactions card';
}

/** A rejected call carries pcsclite's message form ("SCardTransmit error: Card was removed. (0x80100069)") and the code. */
export interface PcscCallError extends Error {
  pcscCode: number;
}

export function connect(readerName: string, shareMode: number, protocols: number): Promise<CardHandle>;
export function transmit(card: CardHandle, apdu: Buffer): Promise<Buffer>;
export function beginTransaction(card: CardHandle): Promise<void>;
export function endTransaction(card: CardHandle, disposition: number): Promise<void>;
export function disconnect(card: CardHandle, disposition: number): Promise<void>;
/** SCardCancel on the handle's context, on a thread of its own: ends a call blocked on it where PC/SC allows. */
export function cancel(card: CardHandle): Promise<void>;
