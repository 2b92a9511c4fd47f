/** Plain types of the eID read that cross into the contract (no Node types, so the page can see them). */

/** Why an eID read failed, as a cause the app can act on. */
export type EidReadCause =
  | 'not-eid'
  /** A contactless card that gives no chip number: neither an eID nor a UiTPAS card. */
  | 'unknown-card'
  | 'card-removed'
  | 'reader-in-use'
  | 'reader-gone'
  | 'pcsc-unavailable'
  | 'unreadable-data';

/** 'waiting': another program holds the card; the read waits for it (see native/pcsc/card-connection.ts). */
export type EidReadStep = 'waiting' | 'card' | 'identity' | 'address' | 'signatures' | 'photo';

/**
 * Why one field of the card could not be read. The field is left empty and the
 * rest of the card is still used (eid-mw's eid-viewer converts each field on its
 * own too: plugins_tools/eid-viewer/conversions/).
 */
export type EidFieldWarningCode =
  | 'not-utf8'
  | 'bad-date'
  | 'unknown-month'
  | 'unknown-value'
  | 'unknown-tag'
  | 'missing'
  | 'file-cut-off';

export interface EidFieldWarning {
  file: 'identity' | 'address';
  /** The Identity/Address field name, or `tag-XX` for a tag the app does not know. */
  field: string;
  code: EidFieldWarningCode;
}
