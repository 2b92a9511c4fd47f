/**
 * One connection to the card in a reader, for the duration of one read, as a
 * CardTransport.
 *
 * Shared, as eid-mw connects (cardcomm/pkcs11/src/cardlayer/pcsc.cpp Connect is
 * called with SCARD_SHARE_SHARED), so the eID Viewer, a signing tool or the
 * browser's eID module can keep their own handle while the app reads. And as
 * eid-mw does, each group of APDUs that must not be split (GET CARD DATA; one
 * file's SELECT and READ BINARYs) runs inside SCardBeginTransaction /
 * SCardEndTransaction(SCARD_LEAVE_CARD) (card.cpp: CAutoLock in CCard::ReadFile,
 * CCard::Lock/Unlock; pcsc.cpp BeginTransaction/EndTransaction), so another
 * program's SELECT never lands between ours and a READ BINARY, and no
 * transaction lasts longer than one file. npm `pcsclite` 1.0.1 binds no
 * transaction call, so the handle comes from the app's addon
 * (native/pcsc-transactions, via `ConnectCard`).
 *
 * When another program holds the card exclusively (SCARD_E_SHARING_VIOLATION on
 * connect, on transmit, or on SCardBeginTransaction where WinSCard answers so
 * rather than waiting), the connection waits and tries again with backoff for a
 * few seconds before giving up. pcsc-lite's own SCardBeginTransaction waits
 * while another program's transaction runs (winscard_clnt.c polls until it
 * ends); the panel is told after a moment.
 */
import { EidReadError, type EidReadCause } from '../beid/errors';
import type { CardTransport } from '../beid/transport';
import { Scard, type ConnectCard } from './pcsc-port';

export interface CardConnection extends CardTransport {
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Frees the reader at once, leaving the card powered for the other programs
   * that use it; `resetCard` resets it instead (recovering a card that was swapped).
   */
  close(resetCard?: boolean): Promise<void>;
  /** Transactions begun and APDUs sent on this connection (support: the reader test shows them). */
  readonly transactions: number;
  readonly apduCount: number;
}

export interface ConnectOptions {
  /** Waits between attempts while another program holds the card; then "reader-in-use". */
  busyRetryDelaysMs?: readonly number[];
  /** Called once when the card is found held by another program. */
  onWaiting?: () => void;
  /** How long SCardBeginTransaction may wait in silence before onWaiting is called. */
  waitingAfterMs?: number;
}

/** ~4 s in all: long enough for another program's read, short enough for a citizen at the counter. */
export const defaultBusyRetryDelaysMs: readonly number[] = [100, 200, 400, 800, 1200, 1500];

export const PcscCode = {
  sharingViolation: 0x8010000b,
  noSmartcard: 0x8010000c,
  notTransacted: 0x80100016,
  removedCard: 0x80100069,
  resetCard: 0x80100068,
} as const;

export async function connectShared(readerName: string, connectCard: ConnectCard, options: ConnectOptions = {}): Promise<CardConnection> {
  let announced = false;
  const announce = () => {
    if (!announced) options.onWaiting?.();
    announced = true;
  };
  const whileBusy = busyRetry(options.busyRetryDelaysMs ?? defaultBusyRetryDelaysMs, announce);
  const channel = await whileBusy(() => connectCard(readerName, Scard.shareShared, Scard.protocolT0 | Scard.protocolT1));
  let transactions = 0;
  let apduCount = 0;
  const call = <T>(attempt: () => Promise<T>) => whileBusy(() => attempt().catch((error: unknown) => Promise.reject(toEidReadError(error))));
  return {
    transmit: (apdu) =>
      call(() => {
        apduCount += 1;
        return channel.transmit(apdu);
      }),
    async transaction(work) {
      const quiet = setTimeout(announce, options.waitingAfterMs ?? 500);
      try {
        await call(() => channel.beginTransaction());
      } finally {
        clearTimeout(quiet);
      }
      transactions += 1;
      try {
        return await work();
      } finally {
        // As eid-mw: an end that fails (card gone) changes nothing for the read's own outcome.
        await channel.endTransaction(Scard.leaveCard).catch(() => undefined);
      }
    },
    get transactions() {
      return transactions;
    },
    get apduCount() {
      return apduCount;
    },
    close: async (resetCard = false) => {
      // A failed disconnect (card already gone) leaves nothing to clean up.
      await channel.disconnect(resetCard ? Scard.resetCard : Scard.leaveCard).catch(() => undefined);
    },
  };
}

/** Runs `attempt` again after each delay while it fails with a sharing violation. */
function busyRetry(delays: readonly number[], announce: () => void) {
  return async <T>(attempt: () => Promise<T>): Promise<T> => {
    for (let index = 0; ; index++) {
      try {
        return await attempt();
      } catch (error) {
        const failure = toEidReadError(error);
        if (failure.pcscCode !== PcscCode.sharingViolation || index >= delays.length) throw failure;
        announce();
        await sleep(delays[index]!);
      }
    }
  };
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
  0x8010000a: 'reader-in-use', // SCARD_E_TIMEOUT: a call transacted-card.ts gave up on (another program's transaction, a stuck reader)
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
