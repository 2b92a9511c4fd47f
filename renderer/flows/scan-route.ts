/**
 * Where a scan leads: one rule for a tapped card, a scanned barcode and a
 * typed number, as the real counter routes what uitpas/retrieve found
 * (uitpas-beheer-angular app/scripts/utilities/uitpas-router.service.js: a
 * pass holder opens, a group opens its group view, a deleted card its own
 * error, any other card a registration; fixes UBR-312, UBR-422, UBR-431).
 * Here a registration starts only for a card in this balie's own stock (the
 * register page would refuse any other), and the rest says what to do.
 */
import { uitpasNumberProblem } from '../../electron/rules/uitpas-number';
import type { CardInfo, GroupPass, Identification, Passholder } from '../../electron/ipc/contract';

export type Refusal = 'blocked' | 'deleted' | 'other-balie' | 'not-available';

export type ScanRoute =
  /** `uitpasNumber`: the card that was scanned (or the holder's best match), for the visit's calls. */
  | { to: 'passholder'; passholder: Passholder; uitpasNumber?: string }
  | { to: 'groupPass'; groupPass: GroupPass; card?: CardInfo }
  | { to: 'register'; uitpasNumber: string }
  | { to: 'refused'; why: Refusal; uitpasNumber: string; status: string; balieName?: string }
  | { to: 'unknown'; identification: string; chip: boolean };

/** A chip number is hex with at least one letter or 14 digits read off a chip (UiTPAS numbers have 13, INSZ 11). */
export const looksLikeChip = (identification: string) => /^[0-9A-F]{8,20}$/i.test(identification) && !/^\d{11}$|^\d{13}$/.test(identification);

/**
 * The card number a scan or tap brought, for an open form's card field: a card in stock or refused, or a card
 * UiTPAS knows as a pass holder's (their own current card, said so by the form's check), when what was scanned is a
 * card (a UiTPAS number or a chip), not an INSZ, which names a person. Not a group pass.
 */
export function scannedCardNumber(route: ScanRoute, identification: string): string | undefined {
  if (route.to === 'register' || route.to === 'refused') return route.uitpasNumber;
  const isCard = looksLikeChip(identification) || uitpasNumberProblem(identification) === null;
  return route.to === 'passholder' && isCard ? route.uitpasNumber : undefined;
}

export function scanRoute(found: Identification | null, identification: string, balieId: string | undefined): ScanRoute {
  if (found?.passholder) return { to: 'passholder', passholder: found.passholder, ...(found.uitpasNumber ? { uitpasNumber: found.uitpasNumber } : {}) };
  if (found?.groupPass) return { to: 'groupPass', groupPass: found.groupPass, card: found.card ?? found.groupPass.card };
  const card = found?.card;
  if (!card) return { to: 'unknown', identification, chip: looksLikeChip(identification) };
  const refused = (why: Refusal): ScanRoute => ({ to: 'refused', why, uitpasNumber: card.uitpasNumber, status: card.status, balieName: card.balie?.name });
  if (card.status === 'DELETED') return refused('deleted');
  if (card.status === 'BLOCKED' || found.notice === 'INVALID_CARD_STATUS_BLOCKED') return refused('blocked');
  if (card.status === 'LOCAL_STOCK') return card.balie && balieId !== undefined && card.balie.id !== balieId ? refused('other-balie') : { to: 'register', uitpasNumber: card.uitpasNumber };
  return refused('not-available');
}
