/**
 * Why an eID read failed, as a cause the app can act on. The Dutch text for
 * each cause is declared once, in electron/contract.ts.
 */
export type EidReadCause =
  | 'not-eid'
  | 'card-removed'
  | 'reader-in-use'
  | 'reader-gone'
  | 'pcsc-unavailable'
  | 'unreadable-data';

export class EidReadError extends Error {
  constructor(
    readonly reason: EidReadCause,
    /** Technical detail for the log: status words and PC/SC codes only, never card data. */
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'EidReadError';
  }
}
