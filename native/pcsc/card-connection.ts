/**
 * One connection to the card in a reader, for the duration of one read, as a
 * CardTransport.
 *
 * Shared, as eid-mw connects (cardcomm/pkcs11/src/cardlayer/pcsc.cpp Connect is
 * called with SCARD_SHARE_SHARED), so the eID Viewer, a signing tool or the
 * browser's eID module can keep their own handle while the app reads. eid-mw
 * then wraps each file read in SCardBeginTransaction/EndTransaction (card.cpp
 * CCard::Lock). npm `pcsclite` 1.0.1 exposes no transaction call (its
 * src/cardreader.cpp binds only SCardConnect, SCardTransmit, SCardControl,
 * SCardStatus and SCardDisconnect), so another program's SELECT could land
 * between ours and a READ BINARY. What stands in for the transaction: every
 * file the app uses is checked afterwards (signatures, photo hash, the RRN
 * certificate's chain), and the reader service reads a card again once when a
 * check fails (electron/eid/reader-service.ts). See docs/eid-apdus.md.
 *
 * When another program holds the card exclusively (SCARD_E_SHARING_VIOLATION on
 * connect, or on transmit while it holds a transaction), the connection waits
 * and tries again with backoff for a few seconds before giving up.
 */
import { EidReadError, type EidReadCause } from '../beid/errors';
import type { CardTransport } from '../beid/transport';
import type { PcscCardReader } from './pcsc-port';

export interface CardConnection extends CardTransport {
  /**
   * Frees the reader at once, leaving the card powered for the other programs
   * that use it; `resetCard` resets it instead (recovering a card that was swapped).
   */
  close(resetCard?: boolean): Promise<void>;
}

export interface ConnectOptions {
  /** Waits between attempts while another program holds the card; then "reader-in-use". */
  busyRetryDelaysMs?: readonly number[];
  /** Called once when the first attempt finds the card held by another program. */
  onWaiting?: () => void;
}

/** ~4 s in all: long enough for another program's read, short enough for a citizen at the counter. */
export const defaultBusyRetryDelaysMs: readonly number[] = [100, 200, 400, 800, 1200, 1500];

/** Room for 256 data bytes plus SW1 SW2. */
const responseBufferSize = 258;

export const PcscCode = {
  sharingViolation: 0x8010000b,
  noSmartcard: 0x8010000c,
  notTransacted: 0x80100016,
  removedCard: 0x80100069,
  resetCard: 0x80100068,
} as const;

export async function connectShared(reader: PcscCardReader, options: ConnectOptions = {}): Promise<CardConnection> {
  const whileBusy = busyRetry(options);
  const protocol = await whileBusy(() => connectOnce(reader));
  return {
    transmit: (apdu) => whileBusy(() => transmitOnce(reader, apdu, protocol)),
    close: (resetCard = false) =>
      new Promise((done) => {
        // A failed disconnect (card already gone) leaves nothing to clean up.
        reader.disconnect(resetCard ? reader.SCARD_RESET_CARD : reader.SCARD_LEAVE_CARD, () => done());
      }),
  };
}

/** Runs `attempt` again after each delay while it fails with a sharing violation. */
function busyRetry(options: ConnectOptions) {
  const delays = options.busyRetryDelaysMs ?? defaultBusyRetryDelaysMs;
  let announced = false;
  return async <T>(attempt: () => Promise<T>): Promise<T> => {
    for (let index = 0; ; index++) {
      try {
        return await attempt();
      } catch (error) {
        const failure = toEidReadError(error);
        if (failure.pcscCode !== PcscCode.sharingViolation || index >= delays.length) throw failure;
        if (!announced) options.onWaiting?.();
        announced = true;
        await sleep(delays[index]!);
      }
    }
  };
}

function connectOnce(reader: PcscCardReader): Promise<number> {
  return new Promise((resolve, reject) => {
    reader.connect({ share_mode: reader.SCARD_SHARE_SHARED, protocol: reader.SCARD_PROTOCOL_T0 | reader.SCARD_PROTOCOL_T1 }, (error, protocol) => {
      if (error) reject(toEidReadError(error));
      else resolve(protocol);
    });
  });
}

function transmitOnce(reader: PcscCardReader, apdu: Buffer, protocol: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    reader.transmit(apdu, responseBufferSize, protocol, (error, response) => {
      if (error) reject(toEidReadError(error));
      else resolve(response);
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// PC/SC return codes (winscard.h) and what they mean for the counter.
const causes: Readonly<Record<number, EidReadCause>> = {
  [PcscCode.sharingViolation]: 'reader-in-use', // SCARD_E_SHARING_VIOLATION
  [PcscCode.noSmartcard]: 'card-removed', // SCARD_E_NO_SMARTCARD
  [PcscCode.notTransacted]: 'card-removed', // SCARD_E_NOT_TRANSACTED (vpcd when the card goes mid-read)
  [PcscCode.removedCard]: 'card-removed', // SCARD_W_REMOVED_CARD
  [PcscCode.resetCard]: 'card-removed', // SCARD_W_RESET_CARD: another program reset the card; the service reconnects
  0x80100009: 'reader-gone', // SCARD_E_UNKNOWN_READER
  0x80100017: 'reader-gone', // SCARD_E_READER_UNAVAILABLE
  0x8010001d: 'pcsc-unavailable', // SCARD_E_NO_SERVICE
  0x8010001e: 'pcsc-unavailable', // SCARD_E_SERVICE_STOPPED
  0x80100013: 'pcsc-unavailable', // SCARD_F_COMM_ERROR (pcscd went away)
  0x80100066: 'unreadable-data', // SCARD_W_UNRESPONSIVE_CARD
  0x80100065: 'not-eid', // SCARD_W_UNSUPPORTED_CARD
};

/** pcsclite reports errors as text with the code in brackets: "SCardConnect error: Sharing violation. (0x8010000B)". */
export function toEidReadError(error: unknown): EidReadError {
  if (error instanceof EidReadError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = /\(0x([0-9a-f]{8})\)/i.exec(message)?.[1];
  const pcscCode = code ? Number.parseInt(code, 16) : undefined;
  const cause = pcscCode !== undefined ? causes[pcscCode] : undefined;
  return new EidReadError(cause ?? 'unreadable-data', message, pcscCode);
}
