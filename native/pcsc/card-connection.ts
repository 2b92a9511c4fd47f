/**
 * One exclusive connection to the card in a reader, for the duration of one
 * read, as a CardTransport. Exclusive, so another program (a browser with the
 * eID middleware, say) cannot slip its own SELECT between ours and a READ.
 */
import { EidReadError, type EidReadCause } from '../beid/errors';
import type { CardTransport } from '../beid/transport';
import type { PcscCardReader } from './pcsc-port';

export interface CardConnection extends CardTransport {
  close(): Promise<void>;
}

/** Room for 256 data bytes plus SW1 SW2. */
const responseBufferSize = 258;

export function connectExclusive(reader: PcscCardReader): Promise<CardConnection> {
  return new Promise((resolve, reject) => {
    reader.connect(
      { share_mode: reader.SCARD_SHARE_EXCLUSIVE, protocol: reader.SCARD_PROTOCOL_T0 | reader.SCARD_PROTOCOL_T1 },
      (error, protocol) => {
        if (error) {
          reject(toEidReadError(error));
          return;
        }
        resolve({
          transmit: (apdu) =>
            new Promise((done, fail) => {
              reader.transmit(apdu, responseBufferSize, protocol, (transmitError, response) => {
                if (transmitError) fail(toEidReadError(transmitError));
                else done(response);
              });
            }),
          close: () =>
            new Promise((done) => {
              // A failed disconnect (card already gone) leaves nothing to clean up.
              reader.disconnect(reader.SCARD_UNPOWER_CARD, () => done());
            }),
        });
      },
    );
  });
}

// PC/SC return codes (winscard.h) and what they mean for the counter.
const causes: Readonly<Record<number, EidReadCause>> = {
  0x8010000b: 'reader-in-use', // SCARD_E_SHARING_VIOLATION
  0x8010000c: 'card-removed', // SCARD_E_NO_SMARTCARD
  0x80100016: 'card-removed', // SCARD_E_NOT_TRANSACTED (vpcd when the card goes mid-read)
  0x80100069: 'card-removed', // SCARD_W_REMOVED_CARD
  0x80100068: 'card-removed', // SCARD_W_RESET_CARD
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
  const cause = code ? causes[Number.parseInt(code, 16)] : undefined;
  return new EidReadError(cause ?? 'unreadable-data', message);
}
