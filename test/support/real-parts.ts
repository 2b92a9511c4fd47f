/**
 * Decides whether a suite that needs a real part (pcscd + vpcd, Chromium) runs.
 * Under CI=true a missing part fails the run; locally the suite is skipped and
 * the reason printed. BALIE_REAL_PARTS=optional lets a CI runner without them
 * (the Windows and macOS release legs) skip too.
 */
import type { PartAvailability } from './pcscd';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by global-setup.ts: whether pcscd with vpcd's readers is there for this run. */
    pcscd: PartAvailability;
  }
}

export function skipWithout(part: string, availability: PartAvailability): boolean {
  if (availability.available) return false;
  const message = `${part} niet beschikbaar: ${availability.reason ?? 'onbekende reden'}`;
  if (process.env.CI === 'true' && process.env.BALIE_REAL_PARTS !== 'optional') {
    throw new Error(`${message} (CI=true: deze suite moet draaien)`);
  }
  console.warn(`overgeslagen: ${message}`);
  return true;
}
