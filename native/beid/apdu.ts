/** ISO 7816-4 command APDUs the BEID protocol sends, and response parsing. */
import { EidReadError } from './errors';

export interface ResponseApdu {
  data: Buffer;
  /** SW1 SW2 as one number, e.g. 0x9000. */
  sw: number;
  sw1: number;
  sw2: number;
}

/**
 * No status word at all: the card (or the reader's link to it) stopped
 * answering, e.g. a card swapped faster than the reader polls. Worth a
 * reconnect with a reset, as eid-mw's CPCSC::Recover does for a card that "is
 * not responding properly anymore" (cardlayer/pcsc.cpp).
 */
export class NoResponseError extends EidReadError {
  constructor(length: number) {
    super('unreadable-data', `response of ${length} bytes`);
    this.name = 'NoResponseError';
  }
}

export function parseResponse(raw: Buffer): ResponseApdu {
  if (raw.length < 2) throw new NoResponseError(raw.length);
  const sw1 = raw[raw.length - 2]!;
  const sw2 = raw[raw.length - 1]!;
  return { data: raw.subarray(0, raw.length - 2), sw: (sw1 << 8) | sw2, sw1, sw2 };
}

export const maxReadLength = 252;

export const Apdu = {
  selectAid: (aid: Buffer) => Buffer.concat([Buffer.from([0x00, 0xa4, 0x04, 0x0c, aid.length]), aid]),
  /** Absolute path below the MF, no FCI returned. */
  selectPath: (path: readonly number[]) => Buffer.concat([Buffer.from([0x00, 0xa4, 0x08, 0x0c, path.length * 2]), fids(path)]),
  /** One file identifier relative to the current DF (the fallback walk). */
  selectFid: (fid: number) => Buffer.concat([Buffer.from([0x00, 0xa4, 0x02, 0x0c, 0x02]), fids([fid])]),
  readBinary: (offset: number, length: number) =>
    Buffer.from([0x00, 0xb0, (offset >> 8) & 0x7f, offset & 0xff, length === 256 ? 0 : length]),
  /** GET CARD DATA: 28 bytes on every applet version. */
  getCardData: () => Buffer.from([0x80, 0xe4, 0x00, 0x00, 0x1c]),
  getResponse: (length: number) => Buffer.from([0x00, 0xc0, 0x00, 0x00, length]),
};

function fids(path: readonly number[]): Buffer {
  const bytes = Buffer.alloc(path.length * 2);
  path.forEach((fid, index) => bytes.writeUInt16BE(fid, index * 2));
  return bytes;
}

export function hexSw(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}
