import * as addon from 'pcsc-transactions';
import type { ConnectCard } from './pcsc-port';

/** SCARD_E_TIMEOUT (winscard.h): what a reader call that took too long rejects with. */
export const timeoutCode = 0x8010000a;

/**
 * How long one reader call may take. An eID file's SELECT and READ BINARYs take well under a second; another
 * program's transaction may hold the card a while (pcsc-lite's SCardBeginTransaction polls until it ends, and its
 * daemon lets SCardConnect wait meanwhile: test/integration/pcsc-transactions-addon.test.ts), a stuck reader forever. After this the call is cancelled and the handle let go, so the read ends in words.
 */
export const readerCallTimeoutMs = 10_000;

type Addon = Pick<typeof addon, 'connect' | 'transmit' | 'beginTransaction' | 'endTransaction' | 'disconnect' | 'cancel'>;

/**
 * The real card handle: the app's addon over WinSCard, PCSC.framework or pcsc-lite (native/pcsc-transactions),
 * every call on its own thread and bounded by `timeoutMs`: past it, SCardCancel and SCardDisconnect end the
 * blocked call from other threads, and the call rejects with SCARD_E_TIMEOUT.
 */
export function transactedCards(timeoutMs = readerCallTimeoutMs, calls: Addon = addon): ConnectCard {
  return async (readerName, shareMode, protocols) => {
    // A connect that answers after its bound (pcsc-lite lets it wait while another program holds a transaction) is let go at once.
    const card = await bounded(() => calls.connect(readerName, shareMode, protocols), timeoutMs, 'SCardConnect', () => undefined, (late) => {
      void Promise.resolve()
        .then(() => calls.disconnect(late, 0))
        .catch(() => undefined);
    });
    const giveUp = () => {
      // Both may find the handle closed already; that is what they were for.
      void Promise.resolve()
        .then(() => calls.cancel(card))
        .catch(() => undefined);
      void Promise.resolve()
        .then(() => calls.disconnect(card, 0))
        .catch(() => undefined);
    };
    return {
      transmit: (apdu) => bounded(() => calls.transmit(card, apdu), timeoutMs, 'SCardTransmit', giveUp),
      beginTransaction: () => bounded(() => calls.beginTransaction(card), timeoutMs, 'SCardBeginTransaction', giveUp),
      endTransaction: (disposition) => bounded(() => calls.endTransaction(card, disposition), timeoutMs, 'SCardEndTransaction', giveUp),
      disconnect: (disposition) => bounded(() => calls.disconnect(card, disposition), timeoutMs, 'SCardDisconnect', () => undefined),
    };
  };
}

export const connectTransacted: ConnectCard = transactedCards();

/** The call as a promise (a closed handle throws at once: that becomes a rejection), rejected with SCARD_E_TIMEOUT past `timeoutMs`. */
function bounded<T>(start: () => Promise<T>, timeoutMs: number, name: string, onTimeout: () => void, onLate?: (value: T) => void): Promise<T> {
  const call = Promise.resolve().then(start);
  let timedOut = false;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      timedOut = true;
      onTimeout();
      // pcsclite's message form, so the same parser reads it.
      reject(Object.assign(new Error(`${name} error: Command timeout. (0x${timeoutCode.toString(16).toUpperCase()})`), { pcscCode: timeoutCode }));
    }, timeoutMs);
    call.then(
      (value) => {
        clearTimeout(timer);
        if (timedOut) onLate?.(value);
        else resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        // The addon's own rejection (an Error with pcscCode), passed on as it came.
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
