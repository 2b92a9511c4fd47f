/**
 * Checking a card before anything is registered: is it in stock at this
 * balie, is it a kansenpas, and what does it cost (with the voucher). Every
 * flow that takes a card number (new pass holder, new card, another card
 * system) checks it the same way, so a scanner's Enter shows the price and
 * what to do before a second Enter sends.
 */
import type { BalieApi, BalieError, CardInfo, PriceReason, UitpasPrice } from '../../electron/ipc/contract';
import { uitpasNumberError } from '../../electron/rules/passholder-rules';
import { normaliseUitpasNumber } from '../../electron/rules/uitpas-number';
import { formatAmount } from '../format/numbers';
import { texts } from '../texts';

export type CardCheck =
  | { state: 'ok'; number: string; voucher: string; reason: PriceReason; info: CardInfo; price: UitpasPrice | null; message: string }
  | { state: 'refused'; number: string; voucher: string; reason: PriceReason; message: string; field?: string };

/** What the staff read when a card cannot be handed out here, per card status. */
export function cardStatusMessage(info: CardInfo): string | null {
  if (info.status === 'LOCAL_STOCK') return null;
  return texts.register.cardStatus[info.status] ?? texts.register.cardNotHere;
}

export interface CardInput {
  number: string;
  voucher: string;
  reason: PriceReason;
}

export async function checkCard(api: BalieApi, input: CardInput): Promise<CardCheck> {
  const number = normaliseUitpasNumber(input.number);
  const voucher = input.voucher.trim();
  const base = { number, voucher, reason: input.reason };
  const problem = uitpasNumberError(number);
  if (problem) return { ...base, state: 'refused', message: problem, field: 'uitpasNumber' };
  const card = await api.getCard({ uitpasNumber: number });
  if (!card.ok) return refusedBy(base, card.error, 'uitpasNumber');
  const notHere = cardStatusMessage(card.value);
  if (notHere) return { ...base, state: 'refused', message: notHere, field: 'uitpasNumber' };
  const price = await api.getPrice({ uitpasNumber: number, reason: input.reason, ...(voucher ? { voucherNumber: voucher } : {}) });
  if (!price.ok) return refusedBy(base, price.error, price.error.field);
  return { ...base, state: 'ok', info: card.value, price: price.value, message: texts.register.cardOk(card.value.cardSystem.name, card.value.kansenpas) };
}

function refusedBy(base: Omit<CardCheck, 'state' | 'message'>, error: BalieError, field: string | undefined): CardCheck {
  return { ...base, state: 'refused', message: error.message, ...(field ? { field } : {}) };
}

/** Whether the check still holds for what is in the fields now. */
export function checkHolds(check: CardCheck | null, input: CardInput): check is CardCheck & { state: 'ok' } {
  return check?.state === 'ok' && check.number === normaliseUitpasNumber(input.number) && check.voucher === input.voucher.trim() && check.reason === input.reason;
}

/** "€ 5,00" for the price of a checked card, or null when there is none. */
export function priceText(check: CardCheck | null): string | null {
  return check?.state === 'ok' && check.price ? formatAmount(check.price.price) : null;
}
