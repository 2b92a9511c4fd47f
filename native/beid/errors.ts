/** A failed eID read. The Dutch text for each cause is declared once, in electron/ipc/contract.ts. */
import type { EidReadCause } from './types';

export type { EidReadCause } from './types';

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
