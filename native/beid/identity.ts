/**
 * The identity (4031) and address (4033) files, parsed into typed records.
 * Tags per the official "ID_ADRESSE" table (eid-mw doc/sdk/documentation,
 * ID_ADRESSE_File_applet1_8_v5.pdf); text is UTF-8 and is decoded before
 * anything else (a German "MÄR" is four bytes).
 *
 * Each field is decoded on its own: one that fails is left empty and named in
 * `warnings`, and the rest of the card still fills the form. Whether the data is
 * genuine is decided elsewhere, over the raw files (integrity.ts).
 */
import { CardDateError, parseBirthDate, parseCardDate, type BirthDate } from './dates';
import { parseTlvPrefix } from './tlv';
import type { EidFieldWarning, EidFieldWarningCode } from './types';

export type Sex = 'male' | 'female';


export interface Identity {
  cardNumber: string;
  chipNumber: string;
  /** YYYY-MM-DD, or "" when the card's date could not be read (see warnings). */
  validityBegin: string;
  validityEnd: string;
  deliveryMunicipality: string;
  nationalNumber: string;
  surname: string;
  /** The first two given names, space-separated; may be "". */
  firstNames: string;
  /** The first letter of the third given name, "" when there is none. */
  thirdNameInitial: string;
  nationality: string;
  placeOfBirth: string;
  /** null when the card's birth date could not be read (see warnings). */
  dateOfBirth: BirthDate | null;
  sex: Sex | null;
  /** The sex code exactly as on the card (M, F, V or W). */
  sexCode: string;
  nobleCondition: string;
  /** The document type code (documentTypeCodes); 0 when the card's could not be read. */
  documentType: number;
  specialStatus: number;
  /** Hash of the photo file; its length says which algorithm (20 SHA-1, 32 SHA-256, 48 SHA-384). */
  photoHash: Buffer;
  duplicate: string;
  /** Tag 13: SHAPE, NATO, former blue card holder, researcher (foreigner cards). */
  specialOrganisation: (typeof specialOrganisationCodes)[number] | null;
  memberOfFamily: boolean;
  /** Tag 15 "dd.MM.yyyy-CC": date (YYYY-MM-DD) and ISO 3166 country of protection. */
  protection: { date: string; country: string } | null;
  /** Tag 16: access to the labour market. */
  workPermit: (typeof workPermitCodes)[number] | null;
  /** Tags 17 and 18. */
  employerVatNumbers: string[];
  /** Tag 19. */
  regionalFileNumber: string;
  /** Tag 1A (applet 1.8): SHA-384 of the basic public key file 4040; empty before 1.8. */
  basicKeyHash: Buffer;
  /** Tags 1B and 1C: Withdrawal Agreement mentions (B = art. 18(1), C = permanent stay). */
  brexitMentions: string[];
  /** Tags 1D and 1E: mentions on A cards (student, trainee, ..., K mobility). */
  cardAMentions: string[];
  /** Tag 1F: EU registration or permanent-stay date (EU and EU+ cards), YYYY-MM-DD or "". */
  euRegistrationDate: string;
}

export interface Address {
  streetAndNumber: string;
  postalCode: string;
  municipality: string;
}

export const IdentityTag = {
  fileStructureVersion: 0x00,
  cardNumber: 0x01,
  chipNumber: 0x02,
  validityBegin: 0x03,
  validityEnd: 0x04,
  deliveryMunicipality: 0x05,
  nationalNumber: 0x06,
  surname: 0x07,
  firstNames: 0x08,
  thirdNameInitial: 0x09,
  nationality: 0x0a,
  placeOfBirth: 0x0b,
  dateOfBirth: 0x0c,
  sex: 0x0d,
  nobleCondition: 0x0e,
  documentType: 0x0f,
  specialStatus: 0x10,
  photoHash: 0x11,
  duplicate: 0x12,
  specialOrganisation: 0x13,
  memberOfFamily: 0x14,
  protection: 0x15,
  workPermit: 0x16,
  employerVat1: 0x17,
  employerVat2: 0x18,
  regionalFileNumber: 0x19,
  basicKeyHash: 0x1a,
  brexitMention1: 0x1b,
  brexitMention2: 0x1c,
  cardAMention1: 0x1d,
  cardAMention2: 0x1e,
  euRegistrationDate: 0x1f,
} as const;

export const AddressTag = { fileStructureVersion: 0x00, streetAndNumber: 0x01, postalCode: 0x02, municipality: 0x03 } as const;

const knownIdentityTags = new Set<number>(Object.values(IdentityTag));
const knownAddressTags = new Set<number>(Object.values(AddressTag));

// Document types per the content document v5 and commons-eid DocumentType.java.
/** The document type codes a card can carry; the page names them (renderer/messages/, eid.documentTypes). */
export const documentTypeCodes: readonly number[] = [1, 6, 7, 8, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 27, 28, 31, 32, 33, 34, 35, 36, 61, 62, 63, 64, 65, 66, 67, 68, 69];

// commons-eid SpecialOrganisation.java and WorkPermit.java; the content document's tag 13 and 16. Named by the page.
export const specialOrganisationCodes = ['1', '2', '4', '5'] as const;
export const workPermitCodes = ['7', '8', '9', 'A'] as const;

export function isKnownDocumentType(code: number): boolean {
  return documentTypeCodes.includes(code);
}

/** M is male; F (French), V (Dutch "vrouw") and W (German "weiblich") are female. */
export function parseSex(code: string): Sex | null {
  if (code === 'M') return 'male';
  if (code === 'F' || code === 'V' || code === 'W') return 'female';
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

class FieldError extends Error {
  constructor(readonly code: EidFieldWarningCode) {
    super(code);
  }
}

/** Reads one file's fields, each on its own; every failure becomes a named warning. */
class FieldReader {
  readonly warnings: EidFieldWarning[] = [];
  readonly fields: Map<number, Buffer>;

  constructor(
    private readonly file: EidFieldWarning['file'],
    bytes: Uint8Array,
    knownTags: ReadonlySet<number>,
  ) {
    const { fields, error } = parseTlvPrefix(bytes);
    this.fields = fields;
    if (error) this.warn('file', 'file-cut-off');
    for (const tag of fields.keys()) if (!knownTags.has(tag)) this.warn(`tag-${tag.toString(16).toUpperCase().padStart(2, '0')}`, 'unknown-tag');
  }

  /** The decoded field, or `fallback` with a warning when it cannot be. */
  field<T>(name: string, tag: number, decode: (value: Buffer) => T, fallback: T, required = false): T {
    const value = this.fields.get(tag);
    if (value === undefined) {
      if (required) this.warn(name, 'missing');
      return fallback;
    }
    try {
      return decode(value);
    } catch (error) {
      if (error instanceof FieldError || error instanceof CardDateError) {
        this.warn(name, error.code);
        return fallback;
      }
      throw error;
    }
  }

  text(name: string, tag: number, required = false): string {
    return this.field(name, tag, decodeText, '', required);
  }

  warn(field: string, code: EidFieldWarningCode): void {
    this.warnings.push({ file: this.file, field, code });
  }
}

function decodeText(value: Buffer): string {
  return decodeRaw(value).trim();
}

function decodeRaw(value: Buffer): string {
  try {
    return utf8.decode(value);
  } catch {
    throw new FieldError('not-utf8');
  }
}

function cardDate(value: Buffer): string {
  return parseCardDate(decodeRaw(value));
}

function coded<const C extends readonly string[]>(codes: C) {
  return (value: Buffer): C[number] => {
    const code = decodeText(value);
    if (!codes.includes(code)) throw new FieldError('unknown-value');
    return code;
  };
}

function documentType(value: Buffer): number {
  const text = decodeText(value);
  const code = Number(text);
  if (!/^\d{1,2}$/.test(text) || !isKnownDocumentType(code)) throw new FieldError('unknown-value');
  return code;
}

function protection(value: Buffer): { date: string; country: string } {
  const match = /^(\d{2}\.\d{2}\.\d{4})-([A-Z]{2})$/.exec(decodeText(value));
  if (!match) throw new FieldError('unknown-value');
  return { date: parseCardDate(match[1]!), country: match[2]! };
}

function digit(value: Buffer): number {
  const text = decodeText(value);
  if (!/^\d$/.test(text)) throw new FieldError('unknown-value');
  return Number(text);
}

export interface Parsed<T> {
  value: T;
  warnings: EidFieldWarning[];
}

export function parseIdentity(file: Uint8Array): Parsed<Identity> {
  const r = new FieldReader('identity', file, knownIdentityTags);
  const T = IdentityTag;
  const binary = (value: Buffer) => Buffer.from(value);
  const sexCode = r.text('sex', T.sex);
  const sex = parseSex(sexCode);
  if (sexCode && !sex) r.warn('sex', 'unknown-value');
  const texts = (...entries: [string, number][]) => entries.map(([name, tag]) => r.text(name, tag)).filter(Boolean);
  const value: Identity = {
    cardNumber: r.text('cardNumber', T.cardNumber, true),
    chipNumber: r.field('chipNumber', T.chipNumber, (v) => v.toString('hex').toUpperCase(), ''),
    validityBegin: r.field('validityBegin', T.validityBegin, cardDate, '', true),
    validityEnd: r.field('validityEnd', T.validityEnd, cardDate, '', true),
    deliveryMunicipality: r.text('deliveryMunicipality', T.deliveryMunicipality),
    nationalNumber: r.text('nationalNumber', T.nationalNumber, true),
    surname: r.text('surname', T.surname, true),
    firstNames: r.text('firstNames', T.firstNames),
    thirdNameInitial: r.text('thirdNameInitial', T.thirdNameInitial),
    nationality: r.text('nationality', T.nationality),
    placeOfBirth: r.text('placeOfBirth', T.placeOfBirth),
    // Not trimmed before parsing: blanks stand for an unknown day or month.
    dateOfBirth: r.field('dateOfBirth', T.dateOfBirth, (v) => parseBirthDate(decodeRaw(v)), null, true),
    sex,
    sexCode,
    nobleCondition: r.text('nobleCondition', T.nobleCondition),
    documentType: r.field('documentType', T.documentType, documentType, 0, true),
    specialStatus: r.field('specialStatus', T.specialStatus, digit, 0),
    photoHash: r.field('photoHash', T.photoHash, binary, Buffer.alloc(0), true),
    duplicate: r.text('duplicate', T.duplicate),
    specialOrganisation: r.field('specialOrganisation', T.specialOrganisation, coded(specialOrganisationCodes), null),
    memberOfFamily: r.fields.has(T.memberOfFamily),
    protection: r.field('protection', T.protection, protection, null),
    workPermit: r.field('workPermit', T.workPermit, coded(workPermitCodes), null),
    employerVatNumbers: texts(['employerVat1', T.employerVat1], ['employerVat2', T.employerVat2]),
    regionalFileNumber: r.text('regionalFileNumber', T.regionalFileNumber),
    basicKeyHash: r.field('basicKeyHash', T.basicKeyHash, binary, Buffer.alloc(0)),
    brexitMentions: texts(['brexitMention1', T.brexitMention1], ['brexitMention2', T.brexitMention2]),
    cardAMentions: texts(['cardAMention1', T.cardAMention1], ['cardAMention2', T.cardAMention2]),
    euRegistrationDate: r.field('euRegistrationDate', T.euRegistrationDate, cardDate, ''),
  };
  return { value, warnings: r.warnings };
}

export function parseAddress(file: Uint8Array): Parsed<Address> {
  const r = new FieldReader('address', file, knownAddressTags);
  const value: Address = {
    streetAndNumber: r.text('streetAndNumber', AddressTag.streetAndNumber, true),
    postalCode: r.text('postalCode', AddressTag.postalCode, true),
    municipality: r.text('municipality', AddressTag.municipality, true),
  };
  return { value, warnings: r.warnings };
}
