/**
 * From what the card says to the UiTPAS pass holder fields (values trimmed):
 * name ← surname; firstName ← the first given name; secondName ← the other given
 * names, then the third name's initial; gender MALE for M, FEMALE for F, V, W;
 * dateOfBirth only when day and month are known. Text in NFC, as the forms send
 * it, so a name the card gives decomposed is still "as read" when submitted.
 */
import type { Address, Identity } from '../../native/beid/identity';
import type { PassholderPrefill } from '../ipc/contract';
import { normaliseText } from '../rules/limits';

export function toPassholderPrefill(identity: Identity, address: Address, verified: boolean): PassholderPrefill {
  const text = (value: string) => normaliseText(value.trim());
  const [firstName = '', ...otherGivenNames] = text(identity.firstNames).split(/\s+/).filter(Boolean);
  const secondName = [...otherGivenNames, text(identity.thirdNameInitial)].filter(Boolean).join(' ');
  return {
    name: text(identity.surname),
    firstName,
    secondName,
    inszNumber: identity.nationalNumber.trim(),
    dateOfBirth: identity.dateOfBirth?.iso ?? null,
    gender: identity.sex === 'male' ? 'MALE' : identity.sex === 'female' ? 'FEMALE' : null,
    nationality: text(identity.nationality),
    placeOfBirth: text(identity.placeOfBirth),
    street: text(address.streetAndNumber),
    postalCode: text(address.postalCode),
    city: text(address.municipality),
    verified,
  };
}
