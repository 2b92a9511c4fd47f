/**
 * From what the card says to the UiTPAS pass holder fields (values trimmed):
 * name ← surname; firstName ← the first given name; secondName ← the other given
 * names, then the third name's initial; gender MALE for M, FEMALE for F, V, W;
 * dateOfBirth only when day and month are known.
 */
import type { Address, Identity } from '../../native/beid/identity';
import type { PassholderPrefill } from '../ipc/contract';

export function toPassholderPrefill(identity: Identity, address: Address, verified: boolean): PassholderPrefill {
  const [firstName = '', ...otherGivenNames] = identity.firstNames.trim().split(/\s+/).filter(Boolean);
  const secondName = [...otherGivenNames, identity.thirdNameInitial.trim()].filter(Boolean).join(' ');
  return {
    name: identity.surname.trim(),
    firstName,
    secondName,
    inszNumber: identity.nationalNumber.trim(),
    dateOfBirth: identity.dateOfBirth?.iso ?? null,
    gender: identity.sex === 'male' ? 'MALE' : identity.sex === 'female' ? 'FEMALE' : null,
    nationality: identity.nationality.trim(),
    placeOfBirth: identity.placeOfBirth.trim(),
    street: address.streetAndNumber.trim(),
    postalCode: address.postalCode.trim(),
    city: address.municipality.trim(),
    verified,
  };
}
