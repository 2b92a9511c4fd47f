/** Turns a read (partial or complete) into the EidCard the page receives. */
import type { EidIdentityRead, EidRead } from '../../native/beid/read-eid';
import { isGenuine } from '../../native/beid/integrity';
import type { EidCard } from '../ipc/contract';
import { toPassholderPrefill } from './prefill';

export function partialCardView(reader: string, readId: string, read: EidIdentityRead): EidCard {
  return {
    reader,
    readId,
    complete: false,
    card: {
      appletVersion: read.card.appletVersion,
      cardNumber: read.identity.cardNumber,
      documentType: read.identity.documentType,
      validityBegin: read.identity.validityBegin,
      validityEnd: read.identity.validityEnd,
      expired: read.expired,
    },
    prefill: toPassholderPrefill(read.identity, read.address, false),
    dateOfBirthRaw: read.identity.dateOfBirth?.raw ?? '',
    photo: null,
    integrity: null,
    warnings: read.warnings,
  };
}

export function completeCardView(reader: string, readId: string, read: EidRead): EidCard {
  const { integrity } = read;
  return {
    ...partialCardView(reader, readId, read),
    complete: true,
    // An expired card is shown and prefilled, but UiTPAS is never told it is a verified identity.
    prefill: toPassholderPrefill(read.identity, read.address, isGenuine(integrity) && !read.expired),
    photo: { jpegBase64: read.photo.toString('base64'), hashMatches: integrity.photoHashMatches },
    integrity: { identity: integrity.identity, address: integrity.address, photo: integrity.photo, certificate: integrity.certificate },
  };
}
