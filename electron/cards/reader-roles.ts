/**
 * Readers IT pinned to a kind of card, by name, as the counter's desktop shell
 * lets them (uit-documentatie, uitpas-handleidingen/latest/balie/balie-browser.md:
 * `{"nfcreader": [...], "eidreader": [...]}` in the user's balieappconfig.json).
 * Without pinning, every reader takes every card and the card says what it is.
 */
import type { CardKind } from '../../native/contactless/card-kind';

export interface ReaderRoles {
  eidreader: string[];
  nfcreader: string[];
}

export const noReaderRoles: ReaderRoles = { eidreader: [], nfcreader: [] };

/** Whether a card of `kind` in `readerName` is used: its kind's list is empty (not pinned) or names the reader. */
export function readerTakes(roles: ReaderRoles, readerName: string, kind: Exclude<CardKind, 'unknown'>): boolean {
  const pinned = kind === 'eid' ? roles.eidreader : roles.nfcreader;
  return pinned.length === 0 || pinned.includes(readerName);
}
