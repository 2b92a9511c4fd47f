/**
 * Each field on its own: one that cannot be read is left empty with a named
 * warning, the rest still fills the form, and the signatures are still judged
 * over the raw files. Tags and document types per the official ID_ADRESSE table
 * (reference §5, §7) and commons-eid's DocumentType, SpecialOrganisation, WorkPermit.
 */
import { describe, expect, it } from 'vitest';
import { AddressTag, documentTypeCodes, IdentityTag, parseIdentity, specialOrganisationCodes, workPermitCodes } from '../../../native/beid/identity';
import { fr } from '../../../renderer/messages/fr';
import { nl } from '../../../renderer/messages/nl';
import { isGenuine } from '../../../native/beid/integrity';
import { readEid } from '../../../native/beid/read-eid';
import { encodeTlv } from '../../../native/beid/tlv';
import { texts } from '../../../renderer/texts';
import { testTrustAnchors, virtualCard } from '../../support/card-fixtures';

const read = (fields: Record<number, Uint8Array | string>, address: Record<number, Uint8Array | string> = {}) =>
  readEid(virtualCard({ identityFields: fields, addressFields: address }).asTransport(), { trustAnchors: testTrustAnchors() });
const badUtf8 = Buffer.from([0x56, 0x65, 0xc3, 0x28, 0x6d]);

describe('one field that cannot be read', () => {
  it.each([
    ['a surname that is not UTF-8', { [IdentityTag.surname]: badUtf8 }, 'surname', 'not-utf8'],
    ['a validity end not in DD.MM.YYYY', { [IdentityTag.validityEnd]: '2031-03-15' }, 'validityEnd', 'bad-date'],
    ['a birth date with an unknown month spelling', { [IdentityTag.dateOfBirth]: '30 JULI 1985' }, 'dateOfBirth', 'unknown-month'],
    ['a birth date that is no date', { [IdentityTag.dateOfBirth]: '31 FEB 1985' }, 'dateOfBirth', 'bad-date'],
    ['an unknown document type', { [IdentityTag.documentType]: '99' }, 'documentType', 'unknown-value'],
    ['an unknown sex code', { [IdentityTag.sex]: 'X' }, 'sex', 'unknown-value'],
    ['a tag the app does not know', { 0x42: 'x' }, 'tag-42', 'unknown-tag'],
  ] as const)('%s: that field is empty and named, the others fill in, the card still verifies', async (_name, fields, field, code) => {
    const result = await read(fields);
    expect(result.warnings).toEqual([{ file: 'identity', field, code }]);
    expect(result.identity.nationalNumber).toBe('85073003328');
    expect(result.address.municipality).toBe('Gent');
    expect(isGenuine(result.integrity)).toBe(true);
  });

  it('an address field that is not UTF-8 leaves the street empty and keeps the rest', async () => {
    const result = await read({}, { 0x01: badUtf8 });
    expect(result.address).toEqual({ streetAndNumber: '', postalCode: '9000', municipality: 'Gent' });
    expect(result.warnings).toEqual([{ file: 'address', field: 'streetAndNumber', code: 'not-utf8' }]);
    expect(isGenuine(result.integrity)).toBe(true);
  });

  it('an unreadable validity begin still lets the chain be judged (now)', async () => {
    const result = await read({ [IdentityTag.validityBegin]: '15/03/2021' });
    expect(result.identity.validityBegin).toBe('');
    expect(result.integrity.certificate).toBe('trusted');
  });

  it('a file cut off mid-field keeps every field before the cut', () => {
    const file = Buffer.concat([encodeTlv([[IdentityTag.cardNumber, Buffer.from('591043762159')], [IdentityTag.surname, Buffer.from('Vermeulen')]]), Buffer.from([0x08, 0x20, 0x41])]);
    const { value, warnings } = parseIdentity(file);
    expect(value.surname).toBe('Vermeulen');
    expect(value.firstNames).toBe('');
    expect(warnings).toContainEqual({ file: 'identity', field: 'file', code: 'file-cut-off' });
  });
});

describe('the remaining identity tags', () => {
  it('decodes the foreigner-card tags 13, 15–1F and the 1.8 basic key hash', async () => {
    const keyHash = Buffer.alloc(48, 0xab);
    const result = await read({
      [IdentityTag.documentType]: '31',
      [IdentityTag.specialOrganisation]: '2',
      [IdentityTag.memberOfFamily]: Buffer.alloc(0),
      [IdentityTag.protection]: '13.08.2014-IT',
      [IdentityTag.workPermit]: 'A',
      [IdentityTag.employerVat1]: '0123.456.789',
      [IdentityTag.employerVat2]: '0987.654.321',
      [IdentityTag.regionalFileNumber]: 'RF-2023-000123',
      [IdentityTag.basicKeyHash]: keyHash,
      [IdentityTag.brexitMention1]: 'B',
      [IdentityTag.brexitMention2]: 'C',
      [IdentityTag.cardAMention1]: 'A',
      [IdentityTag.cardAMention2]: 'K',
      [IdentityTag.euRegistrationDate]: '01.02.2020',
    });
    expect(result.warnings).toEqual([]);
    expect(result.identity).toMatchObject({
      documentType: 31,
      specialOrganisation: '2',
      memberOfFamily: true,
      protection: { date: '2014-08-13', country: 'IT' },
      workPermit: 'A',
      employerVatNumbers: ['0123.456.789', '0987.654.321'],
      regionalFileNumber: 'RF-2023-000123',
      brexitMentions: ['B', 'C'],
      cardAMentions: ['A', 'K'],
      euRegistrationDate: '2020-02-01',
    });
    expect(result.identity.basicKeyHash).toEqual(keyHash);
  });

  it('names odd values of the coded tags without losing the card', async () => {
    const result = await read({ [IdentityTag.specialOrganisation]: '3', [IdentityTag.protection]: '2014-08-13 IT', [IdentityTag.workPermit]: 'Z' });
    expect(result.warnings.map((warning) => `${warning.field}:${warning.code}`)).toEqual([
      'specialOrganisation:unknown-value',
      'protection:unknown-value',
      'workPermit:unknown-value',
    ]);
    expect(result.identity.surname).toBe('Vermeulen');
  });

  it.each([
    [1, 'Belgische identiteitskaart'],
    [6, 'Kids-ID'],
    [7, 'Bootstrapkaart'],
    [8, 'Habilitationkaart'],
    [11, 'Vreemdelingenkaart A'],
    [12, 'Vreemdelingenkaart B'],
    [13, 'Vreemdelingenkaart C'],
    [14, 'Vreemdelingenkaart D'],
    [15, 'Vreemdelingenkaart E'],
    [16, 'Vreemdelingenkaart E+'],
    [17, 'Vreemdelingenkaart F'],
    [18, 'Vreemdelingenkaart F+'],
    [19, 'Europese blauwe kaart H'],
    [20, 'Vreemdelingenkaart I'],
    [21, 'Vreemdelingenkaart J'],
    [22, 'Vreemdelingenkaart M'],
    [23, 'Vreemdelingenkaart N'],
    [27, 'Vreemdelingenkaart K'],
    [28, 'Vreemdelingenkaart L'],
    [31, 'EU-kaart'],
    [32, 'EU+-kaart'],
    [33, 'Vreemdelingenkaart A'],
    [34, 'Vreemdelingenkaart B'],
    [35, 'Vreemdelingenkaart F'],
    [36, 'Vreemdelingenkaart F+'],
    [61, 'Kids-ID voor vreemdelingen (EU)'],
    [62, 'Kids-ID voor vreemdelingen (EU+)'],
    [63, 'Kids-ID voor vreemdelingen (A)'],
    [64, 'Kids-ID voor vreemdelingen (B)'],
    [65, 'Kids-ID voor vreemdelingen (K)'],
    [66, 'Kids-ID voor vreemdelingen (L)'],
    [67, 'Kids-ID voor vreemdelingen (F)'],
    [68, 'Kids-ID voor vreemdelingen (F+)'],
    [69, 'Kids-ID voor vreemdelingen (M)'],
  ])('document type %i is "%s" at the counter', (code, label) => {
    expect(documentTypeCodes).toContain(code);
    expect(nl.eid.documentTypes[code]).toBe(label);
  });

  it('names every document type, special organisation and work permit a card can carry, in every language', () => {
    for (const messages of [nl, fr]) {
      for (const code of documentTypeCodes) expect(messages.eid.documentTypes[code], `${code}`).toBeTruthy();
      for (const code of specialOrganisationCodes) expect(messages.eid.specialOrganisations[code], code).toBeTruthy();
      for (const code of workPermitCodes) expect(messages.eid.workPermits[code], code).toBeTruthy();
    }
  });
});

describe('the panel can name every field', () => {
  it('has a Dutch name for each identity and address field a warning can name', () => {
    const names = [...Object.keys(IdentityTag), ...Object.keys(AddressTag)].filter((name) => !['fileStructureVersion', 'memberOfFamily'].includes(name));
    for (const name of names) expect(texts.eid.fieldNames[name], name).toBeTruthy();
  });
});
