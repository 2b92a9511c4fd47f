/**
 * How long each value the page sends may be, and what shape an identifier has,
 * declared once: main's payload guards (electron/ipc/payload-guards.ts) refuse
 * anything beyond these, and the page's fields carry the same maxLength, so a
 * counter employee can never type what main would refuse. Lengths count UTF-16
 * code units, as String.length and an input's maxLength do.
 */

/** The longest value per field name, as the forms and the contract name it. */
export const maxLength = {
  // Names and places: the longest real Belgian names are far shorter; 200 leaves room without inviting megabytes.
  name: 200,
  firstName: 200,
  secondName: 200,
  street: 200,
  city: 200,
  foreignCity: 200,
  placeOfBirth: 200,
  nationality: 200,
  // RFC 5321 §4.5.3.1.3: a forward path is at most 256 octets including the angle brackets.
  email: 254,
  telephone: 32,
  gsm: 32,
  moreInfo: 2048,
  // As typed: 85.07.30-033.28 is 15 characters, a UiTPAS number with spaces between groups fits 32.
  inszNumber: 20,
  uitpasNumber: 32,
  query: 32,
  postalCode: 16,
  dateOfBirth: 10,
  kansenStatuutEndDate: 10,
  voucherNumber: 64,
  schoolConsumerKey: 64,
  uid: 64,
  balieId: 64,
  cardSystemId: 12,
  consumerKey: 256,
  consumerSecret: 256,
} as const satisfies Record<string, number>;

export type LimitedField = keyof typeof maxLength;

/** The limit for a form field, or undefined for a field that has none (a select, a checkbox). */
export function maxLengthOf(field: string): number | undefined {
  return Object.hasOwn(maxLength, field) ? maxLength[field as LimitedField] : undefined;
}

/**
 * Identifier formats. Each is anchored and uses single character classes only,
 * so matching is linear; none admits "/" or ".", so no identifier can change the
 * path of a signed UiTPAS request.
 */
export const identifierFormats = {
  /** A UiTiD uid (a UUID in UiTPAS; the simulator's are readable names). */
  uid: /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
  /** A balie id or a school's consumer key, as balie/list and the API give them. */
  balieId: /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
  schoolConsumerKey: /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
  /** A card system id: a number in the UiTPAS API (cardSystem/id). */
  cardSystemId: /^[0-9]+$/,
  inszNumber: /^[0-9 .\-/]*$/,
  /** A date as the form sends it (YYYY-MM-DD); whether it is a real date is the field rule's job. */
  dateOfBirth: /^[0-9-]*$/,
  kansenStatuutEndDate: /^[0-9-]*$/,
} as const satisfies Partial<Record<LimitedField, RegExp>>;

/** A UiTPAS number: 13 digits, spaces allowed between them as typed (normaliseUitpasNumber drops them). */
export function isUitpasNumberShape(value: string): boolean {
  if (value.length > maxLength.uitpasNumber || !/^[0-9 ]+$/.test(value)) return false;
  return value.replaceAll(' ', '').length === 13;
}
