/**
 * What a pass holder's own eID says differently from their UiTPAS record,
 * field by field: the counter sees old → new before taking it over. Pure.
 */
import type { EidCard, Passholder } from '../../electron/ipc/contract';
import { eidFields, type EidField } from './passholder-form';

export interface EidDifference {
  field: EidField;
  /** In UiTPAS now ('' when empty). */
  old: string;
  /** On the eID. */
  new: string;
}

export const addressFields: readonly EidField[] = ['street', 'postalCode', 'city'];

const same = (a: string, b: string) => a.trim().localeCompare(b.trim(), 'nl', { sensitivity: 'accent' }) === 0;

/** The fields the eID fills and says otherwise (a field the card leaves empty says nothing). */
export function eidDifferences(holder: Passholder, card: EidCard): EidDifference[] {
  return eidFields.flatMap((field) => {
    const fromCard = card.prefill[field] ?? '';
    const recorded = holder[field as keyof Passholder];
    const inRecord = typeof recorded === 'string' ? recorded : '';
    return fromCard !== '' && !same(fromCard, inRecord) ? [{ field, old: inRecord, new: fromCard }] : [];
  });
}

/** Whether the eID's address is not the one in the record. */
export function addressDiffers(holder: Passholder, card: EidCard): boolean {
  return eidDifferences(holder, card).some((difference) => addressFields.includes(difference.field));
}
