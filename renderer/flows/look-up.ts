/** Looking pass holders up to settle an unknown outcome: did what we sent arrive? */
import type { BalieApi, Passholder } from '../../electron/ipc/contract';
import { normaliseUitpasNumber } from '../../electron/rules/uitpas-number';

/** The pass holders UiTPAS knows by this number or INSZ; a failed look-up throws (it settles nothing). */
export async function findHolders(api: BalieApi, query: string): Promise<Passholder[]> {
  const result = await api.findPassholders({ query });
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

/** The pass holder whose current card (in any card system) is this number. */
export function holderWithCard(holders: Passholder[], uitpasNumber: string): Passholder | null {
  const number = normaliseUitpasNumber(uitpasNumber);
  return holders.find((holder) => holder.cardSystems.some((system) => system.currentCard?.uitpasNumber === number)) ?? null;
}
