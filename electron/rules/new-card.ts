/**
 * The reasons *Nieuwe kaart* offers, as the real counter offers them (NG
 * app/scripts/passholder/replace-pass-controller.js, refreshReasonOptions):
 * when the old and the new card are both kansenpassen or both not, the card
 * was lost or stolen, or is defect; when only one of the two is a kansenpas,
 * the kansenstatuut is lost or obtained, and that is the only reason offered.
 * CARD_UPGRADE and EXTRA_CARD, which the API also takes (DOC
 * pashouders/nieuwe-kaart-registreren.md), belong to joining another card
 * system, not to replacing a card.
 */
export const newCardReasons = ['LOSS_THEFT', 'DEFECT', 'LOSS_KANSENSTATUUT', 'OBTAIN_KANSENSTATUUT'] as const;

export type ReplacementReason = (typeof newCardReasons)[number];

/** The reasons to offer for replacing a card that is (or is not) a kansenpas by one that is (or is not). */
export function newCardReasonsFor(oldKansenpas: boolean, newKansenpas: boolean): readonly ReplacementReason[] {
  if (oldKansenpas === newKansenpas) return ['LOSS_THEFT', 'DEFECT'];
  return [newKansenpas ? 'OBTAIN_KANSENSTATUUT' : 'LOSS_KANSENSTATUUT'];
}

/**
 * The kansenstatuut end date that goes with a new card: the one staff chose
 * when the kansenstatuut is obtained; the current one, copied, when the old and
 * the new card are both kansenpassen (NG replace-pass-controller.js, submitForm);
 * none otherwise.
 */
export function newCardEndDate(reason: ReplacementReason, bothKansenpassen: boolean, chosen: string, current: string | undefined): string | undefined {
  if (reason === 'OBTAIN_KANSENSTATUUT') return chosen || undefined;
  if (reason === 'LOSS_KANSENSTATUUT') return undefined;
  return bothKansenpassen && current ? current.slice(0, 10) : undefined;
}
