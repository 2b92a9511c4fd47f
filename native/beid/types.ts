/** Plain types of the eID read that cross into the contract (no Node types, so the page can see them). */

/** Why an eID read failed, as a cause the app can act on. */
export type EidReadCause =
  | 'not-eid'
  | 'card-removed'
  | 'reader-in-use'
  | 'reader-gone'
  | 'pcsc-unavailable'
  | 'unreadable-data';

export type EidReadStep = 'card' | 'identity' | 'address' | 'signatures' | 'photo';
