/** What the eID panel tells the counter about a card that is expired, not the Register's, or has unreadable fields. */
import { describe, expect, it } from 'vitest';
import type { EidCard } from '../../electron/ipc/contract';
import { notVerifiedReason, unreadableFields } from '../../renderer/components/EidPanel';
import { texts } from '../../renderer/texts';

const card = (overrides: Partial<EidCard> = {}): EidCard => ({
  reader: 'R',
  readId: 'read-1',
  complete: true,
  card: { appletVersion: '1.8', cardNumber: '1', documentType: 1, validityBegin: '2021-03-15', validityEnd: '2031-03-15', expired: false },
  prefill: { name: 'V', firstName: 'J', secondName: '', inszNumber: '85073003328', dateOfBirth: null, gender: null, nationality: '', placeOfBirth: '', street: '', postalCode: '', city: '', verified: false },
  dateOfBirthRaw: '',
  photo: null,
  integrity: { identity: true, address: true, photo: true, certificate: 'trusted' },
  warnings: [],
  ...overrides,
});

describe('the eID panel', () => {
  it('says an expired card is why a genuine card is not verified', () => {
    expect(notVerifiedReason(card({ card: { ...card().card, expired: true } }))).toBe(texts.eid.notVerifiedWhy.expired);
  });

  it('says a certificate that is not the Register\'s is why', () => {
    expect(notVerifiedReason(card({ integrity: { identity: false, address: false, photo: false, certificate: 'not-rrn' } }))).toBe(texts.eid.notVerifiedWhy.notRrn);
  });

  it('names each field the card could not give, in Dutch', () => {
    const lines = unreadableFields(
      card({
        warnings: [
          { file: 'identity', field: 'dateOfBirth', code: 'unknown-month' },
          { file: 'address', field: 'streetAndNumber', code: 'not-utf8' },
          { file: 'identity', field: 'tag-42', code: 'unknown-tag' },
        ],
      }),
    );
    expect(lines).toEqual(['geboortedatum: onbekende maand', 'straat en nummer: onleesbare tekens', 'onbekend veld 42: onbekend veld, genegeerd']);
  });
});
