/**
 * One complete eID read, in the order the counter needs it: identity and
 * address first (the form can be filled while the rest is read), then the
 * signatures and certificate, then the photo, then the integrity verdict.
 */
import type { X509Certificate } from 'node:crypto';
import { BeidProtocol, type CardInfo } from './beid-protocol';
import { CardFiles, type CardFileName } from './card-files';
import { EidReadError } from './errors';
import { CardDataError, parseAddress, parseIdentity, type Address, type Identity } from './identity';
import { checkIntegrity, type IntegrityReport } from './integrity';
import { TlvError } from './tlv';
import type { CardTransport } from './transport';

import type { EidReadStep } from './types';

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
const totalExpected = Object.values(expectedBytes).reduce((sum, bytes) => sum + bytes, 0);

export async function readEid(transport: CardTransport, options: ReadEidOptions): Promise<EidRead> {
  const protocol = new BeidProtocol(transport);
  let bytesBefore = 0;
  const report = (step: EidReadStep, bytes: number) =>
    options.onProgress?.({ step, fraction: Math.min(1, (bytesBefore + bytes) / totalExpected) });
  const read = async (name: CardFileName, step: EidReadStep) => {
    const file = await protocol.readFile(CardFiles[name], (bytes) => report(step, Math.min(bytes, expectedBytes[name])));
    bytesBefore += expectedBytes[name];
    return file;
  };

  report('card', 0);
  const card = await protocol.identify();
  const identityFile = await read('identity', 'identity');
  const addressFile = await read('address', 'address');
  const identity = parsed(() => parseIdentity(identityFile));
  const address = parsed(() => parseAddress(addressFile));
  options.onIdentityAndAddress?.({ card, identity, address });

  const identitySignature = await read('identitySignature', 'signatures');
  const addressSignature = await read('addressSignature', 'signatures');
  const rrnCertificate = await read('rrnCertificate', 'signatures');
  const photo = await read('photo', 'photo');

  const integrity = checkIntegrity(
    { identity: identityFile, identitySignature, address: addressFile, addressSignature, rrnCertificate, photo },
    identity.photoHash,
    options.trustAnchors,
    new Date(`${identity.validityBegin}T12:00:00Z`),
  );
  return { card, identity, address, photo, integrity, apduCount: protocol.apduCount };
}

function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TlvError || error instanceof CardDataError) {
      throw new EidReadError('unreadable-data', error.message);
    }
    throw error;
  }
}
