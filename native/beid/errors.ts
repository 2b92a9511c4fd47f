/** A failed eID read. The Dutch text for each cause is declared once, in the page's catalogue (renderer/messages/). */
import type { EidReadCause } from './types';

export type { EidReadCause } from './types';

export class EidReadError extends Error {
  constructor(
    readonly reason: EidReadCause,
    /** Technical detail for the log: status words and PC/SC codes only, never card data. */
    readonly detail: string,
    /** The PC/SC return code behind it, when there is one (winscard.h), so the caller can recover. */
    readonly pcscCode?: number,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'EidReadError';
  }
}
