/**
 * *Nieuwe kaart*'s reason and end date, from the old and the new card
 * (electron/rules/new-card.ts): staff pick loss/theft or defect; when only one
 * of the two cards is a kansenpas the reason is forced, and the staff's pick
 * comes back when the number changes again.
 */
import type { Passholder } from '../../electron/ipc/contract';
import { newCardEndDate, newCardReasonsFor, type ReplacementReason } from '../../electron/rules/new-card';
import { isKansenpas, normaliseUitpasNumber, uitpasNumberProblem } from '../../electron/rules/uitpas-number';

export interface ReasonChoice {
  /** What the form offers. */
  reasons: readonly ReplacementReason[];
  /** What is sent. */
  reason: ReplacementReason;
  /** Only one of the two cards is a kansenpas: no other reason is possible. */
  forced: boolean;
}

/** The card system whose card is replaced: the pass holder's first with a current card. */
export function replacedSystem(holder: Passholder): Passholder['cardSystems'][number] | undefined {
  return holder.cardSystems.find((system) => system.currentCard);
}

/** The reasons offered for a new card number (complete or still being typed) and the one that goes. */
export function reasonChoice(holder: Passholder, newNumber: string, picked: ReplacementReason): ReasonChoice {
  const old = replacedSystem(holder)?.currentCard;
  const number = normaliseUitpasNumber(newNumber);
  const known = old !== undefined && uitpasNumberProblem(number) === null;
  const reasons = newCardReasonsFor(old?.kansenpas ?? false, known ? isKansenpas(number) : (old?.kansenpas ?? false));
  const reason = reasons.includes(picked) ? picked : (reasons[0] ?? 'LOSS_THEFT');
  return { reasons, reason, forced: reasons.length === 1 };
}

/** The end date sent with the new card: the chosen one when obtaining, the current one copied when both are kansenpassen. */
export function endDateFor(holder: Passholder, newNumber: string, reason: ReplacementReason, chosen: string): string | undefined {
  const system = replacedSystem(holder);
  const both = system?.currentCard?.kansenpas === true && isKansenpas(newNumber);
  return newCardEndDate(reason, both, chosen, system?.kansenStatuutEndDate);
}
