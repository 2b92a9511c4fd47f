/**
 * The identity (4031) and address (4033) files, parsed into typed records.
 * Tags per the official "ID_ADRESSE" table; text is UTF-8 and is decoded
 * before anything else (a German "MÄR" is four bytes).
 */
import { CardDateError, parseBirthDate, parseCardDate, type BirthDate } from './dates';
import { parseTlv } from './tlv';

export type Sex = 'male' | 'female';

export interface DocumentType {
  code: number;
  /** Dutch name of the card type, as the counter employee knows it. */
  label: string;
}

export interface Identity {
  cardNumber: string;
  chipNumber: string;
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
  dateOfBirth: BirthDate;
  sex: Sex | null;
  /** The sex code exactly as on the card (M, F, V or W). */
  sexCode: string;
  nobleCondition: string;
  documentType: DocumentType;
  specialStatus: number;
  /** Hash of the photo file; its length says which algorithm (20 SHA-1, 32 SHA-256, 48 SHA-384). */
  photoHash: Buffer;
  duplicate: string;
  memberOfFamily: boolean;
}

export interface Address {
  streetAndNumber: string;
  postalCode: string;
  municipality: string;
}

export class CardDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CardDataError';
  }
}

export const IdentityTag = {
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
  memberOfFamily: 0x14,
} as const;

export const AddressTag = { streetAndNumber: 0x01, postalCode: 0x02, municipality: 0x03 } as const;

const documentTypes: Readonly<Record<number, string>> = {
  1: 'Belgische identiteitskaart',
  6: 'Kids-ID',
  7: 'Bootstrapkaart',
  8: 'Habilitationkaart',
  11: 'Vreemdelingenkaart A',
  12: 'Vreemdelingenkaart B',
  13: 'Vreemdelingenkaart C',
  14: 'Vreemdelingenkaart D',
  15: 'Vreemdelingenkaart E',
  16: 'Vreemdelingenkaart E+',
  17: 'Vreemdelingenkaart F',
  18: 'Vreemdelingenkaart F+',
  19: 'Europese blauwe kaart H',
  20: 'Vreemdelingenkaart I',
  21: 'Vreemdelingenkaart J',
  22: 'Vreemdelingenkaart M',
  23: 'Vreemdelingenkaart N',
  27: 'Vreemdelingenkaart K',
  28: 'Vreemdelingenkaart L',
  31: 'EU-kaart',
  32: 'EU+-kaart',
  33: 'Vreemdelingenkaart A',
  34: 'Vreemdelingenkaart B',
  35: 'Vreemdelingenkaart F',
  36: 'Vreemdelingenkaart F+',
};

export function documentTypeOf(code: number): DocumentType {
  const label = documentTypes[code] ?? (code >= 61 && code <= 69 ? 'Kids-ID voor vreemdelingen' : `Kaarttype ${code}`);
  return { code, label };
}

/** M is male; F (French), V (Dutch "vrouw") and W (German "weiblich") are female. */
export function parseSex(code: string): Sex | null {
  if (code === 'M') return 'male';
  if (code === 'F' || code === 'V' || code === 'W') return 'female';
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseIdentity(file: Uint8Array): Identity {
  const fields = parseTlv(file);
  const text = (tag: number) => decodeText(fields.get(tag));
  const required = (tag: number, name: string) => {
    const value = text(tag);
    if (!value) throw new CardDataError(`identity file lacks ${name}`);
    return value;
  };
  const sexCode = text(IdentityTag.sex);
  return {
    cardNumber: required(IdentityTag.cardNumber, 'the card number'),
    chipNumber: (fields.get(IdentityTag.chipNumber) ?? Buffer.alloc(0)).toString('hex').toUpperCase(),
    validityBegin: cardDate(required(IdentityTag.validityBegin, 'the validity begin')),
    validityEnd: cardDate(required(IdentityTag.validityEnd, 'the validity end')),
    deliveryMunicipality: text(IdentityTag.deliveryMunicipality),
    nationalNumber: required(IdentityTag.nationalNumber, 'the national number'),
    surname: required(IdentityTag.surname, 'the surname'),
    firstNames: text(IdentityTag.firstNames),
    thirdNameInitial: text(IdentityTag.thirdNameInitial),
    nationality: text(IdentityTag.nationality),
    placeOfBirth: text(IdentityTag.placeOfBirth),
    dateOfBirth: birthDate(fields.get(IdentityTag.dateOfBirth)),
    sex: parseSex(sexCode),
    sexCode,
    nobleCondition: text(IdentityTag.nobleCondition),
    documentType: documentTypeOf(Number(text(IdentityTag.documentType) || '0')),
    specialStatus: Number(text(IdentityTag.specialStatus) || '0'),
    photoHash: Buffer.from(fields.get(IdentityTag.photoHash) ?? Buffer.alloc(0)),
    duplicate: text(IdentityTag.duplicate),
    memberOfFamily: fields.has(IdentityTag.memberOfFamily),
  };
}

export function parseAddress(file: Uint8Array): Address {
  const fields = parseTlv(file);
  return {
    streetAndNumber: decodeText(fields.get(AddressTag.streetAndNumber)),
    postalCode: decodeText(fields.get(AddressTag.postalCode)),
    municipality: decodeText(fields.get(AddressTag.municipality)),
  };
}

function decodeText(value: Buffer | undefined): string {
  if (!value) return '';
  try {
    return utf8.decode(value).trim();
  } catch {
    throw new CardDataError('text field is not UTF-8');
  }
}

function birthDate(value: Buffer | undefined): BirthDate {
  // Not trimmed before parsing: blanks stand for an unknown day or month.
  const raw = value ? decodeRaw(value) : '';
  try {
    return parseBirthDate(raw);
  } catch (error) {
    if (error instanceof CardDateError) throw new CardDataError(`birth date: ${error.message}`);
    throw error;
  }
}

function decodeRaw(value: Buffer): string {
  try {
    return utf8.decode(value);
  } catch {
    throw new CardDataError('birth date is not UTF-8');
  }
}

function cardDate(text: string): string {
  try {
    return parseCardDate(text);
  } catch (error) {
    if (error instanceof CardDateError) throw new CardDataError(`validity date: ${error.message}`);
    throw error;
  }
}
