/**
 * What kind of card is in a reader, told by the card itself, never by the
 * reader's name: a dual reader's contact and contactless slots, or two plain
 * readers, may each hold an eID or a UiTPAS card.
 *
 * A contactless card has no ATR of its own; the reader makes one up as PC/SC
 * part 3 (Supplemental Document, §3.1.3.2.3) prescribes: 3B 8n 80 01, then the
 * n historical bytes (the card's ATS or ATQB, or for a memory card the RID
 * A0 00 00 03 06 with the card standard and name), then TCK. Nothing a contact
 * card answers looks like that: its TD1 never announces T=0 followed by a TD2
 * of T=1 with no interface bytes at all.
 */
export type CardKind = 'eid' | 'uitpas' | 'unknown';

export function isContactlessAtr(atr: Uint8Array | undefined): boolean {
  if (!atr || atr.length < 5) return false;
  const historical = atr[1]! & 0x0f;
  return atr[0] === 0x3b && (atr[1]! & 0xf0) === 0x80 && atr[2] === 0x80 && atr[3] === 0x01 && atr.length === 4 + historical + 1;
}
