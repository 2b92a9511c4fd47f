/**
 * The chip number of a contactless card: its UID, read with the PC/SC part 3
 * pseudo-APDU GET DATA (FF CA 00 00 00), which the reader answers itself for
 * any contactless card (Supplemental Document §3.2.2.1.3: 9000 with the UID;
 * 6A81 when the card has none; 6Cxx with the right Le on some readers).
 *
 * UiTPAS knows a card by this UID as hex digits, upper case: the counter's
 * desktop shell hands it to the web front end as the "NFC number"
 * (uitpas-beheer-angular app/scripts/utilities/nfc.service.js, window.readNfc),
 * which looks it up with uitpas/retrieve?identification= (uit-documentatie,
 * uitpas_api/latest/uitpas/ophalen-van-pashouder-dmv-uitpasnummer-chipnummer-insz-of-insz-barcode.md);
 * its cards' 7-byte UIDs make the 14 hex digits of the manual.
 */
import type { CardTransport } from '../beid/transport';

export const getUid = Buffer.from([0xff, 0xca, 0x00, 0x00, 0x00]);

export interface ChipNumberRead {
  /** Upper-case hex of the UID, or null when the card or reader gives none. */
  chipNumber: string | null;
  apduCount: number;
}

/** UIDs per ISO/IEC 14443-3: single (4), double (7) or triple (10) size; type B's PUPI is 4. */
const uidLengths = new Set([4, 7, 10]);

export async function readChipNumber(transport: CardTransport): Promise<ChipNumberRead> {
  let apduCount = 0;
  const send = async (apdu: Buffer) => {
    apduCount += 1;
    return transport.transmit(apdu);
  };
  const work = async (): Promise<string | null> => {
    let response = await send(getUid);
    if (response.length === 2 && response[0] === 0x6c) response = await send(Buffer.from([0xff, 0xca, 0x00, 0x00, response[1]!]));
    const sw = response.length >= 2 ? response.readUInt16BE(response.length - 2) : 0;
    const uid = response.subarray(0, response.length - 2);
    return sw === 0x9000 && uidLengths.has(uid.length) ? uid.toString('hex').toUpperCase() : null;
  };
  const chipNumber = await (transport.transaction ? transport.transaction(work) : work());
  return { chipNumber, apduCount };
}
