/**
 * One complete eID read, in the order the counter needs it: identity and
 * address first (the form can be filled while the rest is read), then the
 * signatures, the photo and the certificate, then the integrity verdict.
 */
import type { X509Certificate } from 'node:crypto';
import { BeidProtocol, type CardInfo, type SelectMemory } from './beid-protocol';
import { CardFiles, type CardFileName } from './card-files';
import { parseAddress, parseIdentity, type Address, type Identity } from './identity';
import { checkIntegrity, type IntegrityReport } from './integrity';
import { parseTlvPrefix } from './tlv';
import type { CardTransport } from './transport';

import type { EidFieldWarning, EidReadStep } from './types';

export type { EidReadStep } from './types';

export interface EidReadProgress {
  step: EidReadStep;
  /** 0…1 over the whole read, by bytes: the photo is most of it. */
  fraction: number;
}

export interface EidIdentityRead {
  card: CardInfo;
  identity: Identity;
  address: Address;
  /** Fields that could not be read: left empty, the rest still used. */
  warnings: EidFieldWarning[];
  /** The card's validity ended before today (local date). An expired card is never vouched for. */
  expired: boolean;
}

export interface EidRead extends EidIdentityRead {
  photo: Buffer;
  integrity: IntegrityReport;
  /** APDUs this read sent, re-sends included. */
  apduCount: number;
}

export interface ReadEidOptions {
  trustAnchors: readonly X509Certificate[];
  onProgress?: (progress: EidReadProgress) => void;
  /** Called as soon as identity and address are parsed, before signatures and photo are read. */
  onIdentityAndAddress?: (read: EidIdentityRead) => void;
  /** Which SELECT form each card (by chip serial) answered to, kept across reads by the caller. */
  selectMemory?: SelectMemory;
  /** The clock for expiry and certificate validity; tests set it. */
  now?: () => Date;
}

// Typical sizes, only to weigh the progress bar.
const expectedBytes: Readonly<Record<CardFileName, number>> = {
  identity: 200,
  address: 117,
  identitySignature: 256,
  addressSignature: 256,
  rrnCertificate: 1000,
  photo: 3000,
};
/** Reads after the first of a TLV file that does not parse; then its fields are decoded as far as they go. */
const tlvRereads = 2;

const totalExpected = Object.values(expectedBytes).reduce((sum, bytes) => sum + bytes, 0);

export async function readEid(transport: CardTransport, options: ReadEidOptions): Promise<EidRead> {
  const protocol = new BeidProtocol(transport, options.selectMemory);
  const now = options.now?.() ?? new Date();
  let bytesBefore = 0;
  const report = (step: EidReadStep, bytes: number) =>
    options.onProgress?.({ step, fraction: Math.min(1, (bytesBefore + bytes) / totalExpected) });
  const read = async (name: CardFileName, step: EidReadStep) => {
    const file = await protocol.readFile(CardFiles[name], (bytes) => report(step, Math.min(bytes, expectedBytes[name])));
    bytesBefore += expectedBytes[name];
    return file;
  };

  /**
   * A TLV file whose bytes do not add up (a tag without its length, a value
   * running past the end: cut off, or another program's file) is read again
   * before any of its fields is called unreadable.
   */
  const readTlvFile = async (name: 'identity' | 'address') => {
    let file = await read(name, name);
    for (let again = 0; again < tlvRereads && parseTlvPrefix(file).error !== null; again++) {
      bytesBefore -= expectedBytes[name];
      file = await read(name, name);
    }
    return file;
  };

  // Four PC/SC transactions, none longer than eid-mw's longest (its one for the photo file, CCard::ReadFile):
  // what fills the form (card data, identity, address), the two signatures, the photo, the certificate.
  report('card', 0);
  const { card, identityFile, addressFile } = await protocol.transaction(async () => ({
    card: await protocol.identify(),
    identityFile: await readTlvFile('identity'),
    addressFile: await readTlvFile('address'),
  }));
  const { value: identity, warnings: identityWarnings } = parseIdentity(identityFile);
  const { value: address, warnings: addressWarnings } = parseAddress(addressFile);
  const identityRead: EidIdentityRead = {
    card,
    identity,
    address,
    warnings: [...identityWarnings, ...addressWarnings],
    expired: identity.validityEnd !== '' && identity.validityEnd < localDate(now),
  };
  options.onIdentityAndAddress?.(identityRead);

  const [identitySignature, addressSignature] = await protocol.transaction(async () => [
    await read('identitySignature', 'signatures'),
    await read('addressSignature', 'signatures'),
  ]);
  // The photo before the certificate: both in DF01 beside the signatures, so a card that needs the
  // file-identifier walk (beid-protocol.ts) walks to DF00 only once, at the end.
  const photo = await read('photo', 'photo');
  const rrnCertificate = await read('rrnCertificate', 'signatures');

  const integrity = checkIntegrity(
    { identity: identityFile, identitySignature, address: addressFile, addressSignature, rrnCertificate, photo },
    identity.photoHash,
    options.trustAnchors,
    { cardValidFrom: identity.validityBegin ? new Date(`${identity.validityBegin}T12:00:00Z`) : null, now },
  );
  return { ...identityRead, photo, integrity, apduCount: protocol.apduCount };
}

/** YYYY-MM-DD of the counter's own calendar day: a card valid "until 15.03.2031" is valid all that day. */
function localDate(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
