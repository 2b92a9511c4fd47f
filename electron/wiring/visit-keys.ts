/**
 * What each of the visit's writes concerns, as keys for the write gate and the pending outcomes (write-wiring.ts):
 * the look-up that shows what UiTPAS did settles them (issue 24 item 6; reference counter-day.md §2.2, §3.3, §4.3).
 * A card number and an event id are all a key holds: nothing about the person.
 */
import { normaliseUitpasNumber } from '../rules/uitpas-number';

const card = (uitpasNumber: string) => normaliseUitpasNumber(uitpasNumber);

export const visitKeys = {
  /** A check-in on one event: the activity's re-read (its checkinConstraintReason) shows whether it counted. */
  checkin: (uitpasNumber: string, cdbid: string) => `checkin:${card(uitpasNumber)}:${cdbid}`,
  /** Sales and cancellations of a card: its sale history shows them (A14; for a group pass, its tickets left). */
  sales: (uitpasNumber: string) => `sales:${card(uitpasNumber)}`,
  /** Welcome advantages cashed on a card: the advantages re-read show them cashed (a welcome advantage is cashed once). */
  advantages: (uitpasNumber: string) => `advantages:${card(uitpasNumber)}`,
  /**
   * Points promotions cashed on a card: only the cashed promotions (A12, each with its promotion and cashing date)
   * show them; the advantages list cannot, a promotion that can be cashed again stays POSSIBLE.
   */
  promotions: (uitpasNumber: string) => `promotions:${card(uitpasNumber)}`,
  /** Every write on a card waits for the one before it (memory only). */
  card: (uitpasNumber: string) => `card:${card(uitpasNumber)}`,
};
