/**
 * What UiTPAS did to a pass holder's other cards when a new card was
 * registered: newCard's answer names only the new card (DOC
 * pashouders/nieuwe-kaart-registreren.md), so each card the pass holder had
 * before is asked for again (uitpas/card), and the counter is told what
 * UiTPAS says now, never what we assume (a card of another card system
 * stays active, for one).
 */
import type { BalieApi, Passholder } from '../../electron/ipc/contract';

export interface CardAfter {
  number: string;
  systemName: string;
  /** The card's status now, or null when UiTPAS could not be asked. */
  status: string | null;
}

/** The current cards of a pass holder, as they were before an action. */
export function currentCards(holder: Passholder): Omit<CardAfter, 'status'>[] {
  return holder.cardSystems.flatMap((system) => (system.currentCard ? [{ number: system.currentCard.uitpasNumber, systemName: system.name }] : []));
}

export async function cardsAfter(api: BalieApi, before: Omit<CardAfter, 'status'>[], newNumber: string): Promise<CardAfter[]> {
  return Promise.all(
    before
      .filter((card) => card.number !== newNumber)
      .map(async (card) => {
        const answer = await api.getCard({ uitpasNumber: card.number });
        return { ...card, status: answer.ok ? answer.value.status : null };
      }),
  );
}
