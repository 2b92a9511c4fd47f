import { describe, expect, it } from 'vitest';
import { parseBirthDate } from '../../../native/beid/dates';
import type { Address, Identity } from '../../../native/beid/identity';
import { toPassholderPrefill } from '../../../electron/cards/prefill';

function identity(overrides: Partial<Identity>): Identity {
  return {
    cardNumber: '591043762159',
    chipNumber: '',
    validityBegin: '2021-03-15',
    validityEnd: '2031-03-15',
    deliveryMunicipality: 'Gent',
    nationalNumber: '85073003328',
    surname: 'Vermeulen',
    firstNames: 'Jonas Pieter',
    thirdNameInitial: 'M',
    nationality: 'Belg',
    placeOfBirth: 'Gent',
    dateOfBirth: parseBirthDate('30 JUL 1985'),
    sex: 'male',
    sexCode: 'M',
    nobleCondition: '',
    documentType: 1,
    specialStatus: 0,
    photoHash: Buffer.alloc(32),
    duplicate: '',
    specialOrganisation: null,
    memberOfFamily: false,
    protection: null,
    workPermit: null,
    employerVatNumbers: [],
    regionalFileNumber: '',
    basicKeyHash: Buffer.alloc(0),
    brexitMentions: [],
    cardAMentions: [],
    euRegistrationDate: '',
    ...overrides,
  };
}

const address: Address = { streetAndNumber: ' Kortrijksesteenweg 112 ', postalCode: '9000', municipality: 'Gent ' };

describe('toPassholderPrefill', () => {
  it('maps the card to the pass holder fields, trimmed', () => {
    expect(toPassholderPrefill(identity({ surname: ' Vermeulen ' }), address, true)).toEqual({
      name: 'Vermeulen',
      firstName: 'Jonas',
      secondName: 'Pieter M',
      inszNumber: '85073003328',
      dateOfBirth: '1985-07-30',
      gender: 'MALE',
      nationality: 'Belg',
      placeOfBirth: 'Gent',
      street: 'Kortrijksesteenweg 112',
      postalCode: '9000',
      city: 'Gent',
      verified: true,
    });
  });

  it.each([
    ['Zoë Anaïs', '', 'Zoë', 'Anaïs'],
    ['Lukas', '', 'Lukas', ''],
    ['Lukas', 'J', 'Lukas', 'J'],
    ['', '', '', ''],
    ['Jan  Karel Maria', 'P', 'Jan', 'Karel Maria P'],
  ])('splits given names %j with third initial %j', (firstNames, thirdNameInitial, firstName, secondName) => {
    expect(toPassholderPrefill(identity({ firstNames, thirdNameInitial }), address, false)).toMatchObject({ firstName, secondName });
  });

  it.each([
    ['M', 'male', 'MALE'],
    ['F', 'female', 'FEMALE'],
    ['V', 'female', 'FEMALE'],
    ['W', 'female', 'FEMALE'],
  ] as const)('maps sex code %s to %s', (sexCode, sex, gender) => {
    expect(toPassholderPrefill(identity({ sexCode, sex }), address, false).gender).toBe(gender);
  });

  it('leaves the birth date empty rather than inventing a day or month', () => {
    expect(toPassholderPrefill(identity({ dateOfBirth: parseBirthDate('        1962') }), address, true).dateOfBirth).toBeNull();
  });

  it('passes verified through exactly', () => {
    expect(toPassholderPrefill(identity({}), address, false).verified).toBe(false);
  });
});
