/**
 * Decides whether a suite that needs a real part (pcscd + vpcd, Chromium) runs.
 * Under CI=true a missing part fails the run; locally the suite is skipped and
 * the reason printed.
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
  if (process.env.CI === 'true') throw new Error(`${message} (CI=true: deze suite moet draaien)`);
  console.warn(`overgeslagen: ${message}`);
  return true;
}
