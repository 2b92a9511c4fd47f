/**
 * A contactless UiTPAS card as a PC/SC reader presents it, for tests and the
 * demo: what the reader makes of the card, not the card's own protocol.
 *
 * - ATR 3B 81 80 01 80 80: the PC/SC part 3 ATR a reader builds for an
 *   ISO 14443-4 type A card whose ATS has the one historical byte 80, as for
 *   MIFARE DESFire (listed so in pcsc-tools' smartcard_list.txt).
 * - GET DATA FF CA 00 00 Le: answered by the reader with the 7-byte UID and
 *   9000 (Le 00 or ≥ 7), or 6C07 when Le is too short (PC/SC part 3 §3.2.2.1.3).
 * - A SELECT (the app asking for the eID applet): 6A82, file not found, as
 *   a DESFire card answers an ISO SELECT of an AID it does not hold.
 * - Anything else: 6D00, instruction not supported.
 */
export const contactlessAtr = Buffer.from('3B8180018080', 'hex');

export class VirtualUitpasCard {
  readonly atr = contactlessAtr;
  private readonly uid: Buffer;

  /** `chipNumber`: the UID as hex digits, 14 for a 7-byte UID. */
  constructor(readonly chipNumber: string) {
    if (!/^(?:[0-9A-F]{2}){4,10}$/.test(chipNumber)) throw new Error('chip number: 8 to 20 upper-case hex digits');
    this.uid = Buffer.from(chipNumber, 'hex');
  }

  transmit(apdu: Buffer): Buffer {
    if (apdu.length >= 5 && apdu[0] === 0xff && apdu[1] === 0xca && apdu[2] === 0x00 && apdu[3] === 0x00) {
      const le = apdu[4]!;
      if (le !== 0 && le < this.uid.length) return Buffer.from([0x6c, this.uid.length]);
      return Buffer.concat([this.uid, Buffer.from([0x90, 0x00])]);
    }
    if (apdu.length >= 2 && apdu[1] === 0xa4) return Buffer.from([0x6a, 0x82]);
    return Buffer.from([0x6d, 0x00]);
  }
}
