/**
 * Checking a card before anything is registered: is it in stock at this
 * balie, is it a kansenpas, and what does it cost (with the voucher). Every
 * flow that takes a card number (new pass holder, new card, another card
 * system) checks it the same way, so a scanner's Enter shows the price and
 * what to do before a second Enter sends.
 */
import type { BalieApi, BalieError, CardInfo, PriceReason, UitpasPrice } from '../../electron/ipc/contract';
import { isBelgianPostalCode, isIsoDate } from '../../electron/rules/fields';
import { uitpasNumberError } from '../../electron/rules/passholder-rules';
import { normaliseUitpasNumber } from '../../electron/rules/uitpas-number';
import { formatAmount } from '../format/numbers';
import { errorText, problemText, texts } from '../texts';

/** What was checked: the card, the voucher, the reason, and the birth date and postal code the price was asked with. */
interface Checked {
  number: string;
  voucher: string;
  reason: PriceReason;
  dateOfBirth: string;
  postalCode: string;
}

export type CardCheck = (Checked & { state: 'ok'; info: CardInfo; price: UitpasPrice | null; message: string }) | (Checked & { state: 'refused'; message: string; field?: string });

/** What the staff read when a card cannot be handed out here, per card status. */
export function cardStatusMessage(info: CardInfo): string | null {
  if (info.status === 'LOCAL_STOCK') return null;
  return texts.register.cardStatus[info.status] ?? texts.register.cardNotHere;
}

export interface CardInput {
  number: string;
  voucher: string;
  reason: PriceReason;
  /** The holder's birth date (YYYY-MM-DD) and postal code where known: prices depend on age and place. */
  dateOfBirth?: string;
  postalCode?: string;
  /** The cards the pass holder has now (a new card or another card system): one of these is not a new card. */
  heldCards?: readonly string[];
}

export async function checkCard(api: BalieApi, input: CardInput): Promise<CardCheck> {
  const number = normaliseUitpasNumber(input.number);
  const voucher = input.voucher.trim();
  const { dateOfBirth, postalCode } = priced(input);
  const base: Checked = { number, voucher, reason: input.reason, dateOfBirth, postalCode };
  const problem = uitpasNumberError(number);
  if (problem) return { ...base, state: 'refused', message: problemText(problem), field: 'uitpasNumber' };
  // UiTPAS would only call it ACTIVE, "in use by someone": staff typed the card the pass holder came to replace.
  if (input.heldCards?.includes(number)) return { ...base, state: 'refused', message: texts.register.heldCard, field: 'uitpasNumber' };
  const card = await api.getCard({ uitpasNumber: number });
  if (!card.ok) return refusedBy(base, card.error, 'uitpasNumber');
  const notHere = cardStatusMessage(card.value);
  if (notHere) return { ...base, state: 'refused', message: notHere, field: 'uitpasNumber' };
  // Whether the card is this balie's to hand out, only the price call says (BALIE_NOT_AUTHORIZED), as the real counter asks it
  // (NG app/scripts/utilities/uitpas-number-async-validation.directive.js).
  const price = await api.getPrice({
    uitpasNumber: number,
    reason: input.reason,
    ...(voucher ? { voucherNumber: voucher } : {}),
    ...(dateOfBirth ? { dateOfBirth } : {}),
    ...(postalCode ? { postalCode } : {}),
  });
  if (!price.ok) {
    // BALIE_NOT_AUTHORIZED at the price: the card is in stock, but another balie's.
    if (price.error.apiCode === 'BALIE_NOT_AUTHORIZED') return { ...base, state: 'refused', message: texts.register.otherBalie, field: 'uitpasNumber' };
    return refusedBy(base, price.error, price.error.field);
  }
  return { ...base, state: 'ok', info: card.value, price: price.value, message: texts.register.cardOk(card.value.cardSystem.name, card.value.kansenpas) };
}

function refusedBy(base: Checked, error: BalieError, field: string | undefined): CardCheck {
  return { ...base, state: 'refused', message: errorText(error), ...(field ? { field } : {}) };
}

/** Whether the check still holds for what is in the fields now. */
export function checkHolds(check: CardCheck | null, input: CardInput): check is CardCheck & { state: 'ok' } {
  if (check?.state !== 'ok') return false;
  const now = priced(input);
  return (
    check.number === normaliseUitpasNumber(input.number) &&
    check.voucher === input.voucher.trim() &&
    check.reason === input.reason &&
    check.dateOfBirth === now.dateOfBirth &&
    check.postalCode === now.postalCode
  );
}

/** What of the holder goes along with the price: a complete birth date and a Belgian postal code, or nothing. */
function priced(input: CardInput): { dateOfBirth: string; postalCode: string } {
  const dateOfBirth = input.dateOfBirth && isIsoDate(input.dateOfBirth) ? input.dateOfBirth : '';
  const postalCode = input.postalCode && isBelgianPostalCode(input.postalCode.trim()) ? input.postalCode.trim() : '';
  return { dateOfBirth, postalCode };
}

/** "€ 5,00" for the price of a checked card, or null when there is none. */
export function priceText(check: CardCheck | null): string | null {
  return check?.state === 'ok' && check.price ? formatAmount(check.price.price) : null;
}
