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
  /** The visit (issue 24): an event id (UiTdatabank UUID), a tapped chip, a price class name, ids the API parses as longs (PARSE_INVALID_LONG), the activity search text and chosen day. */
  cdbid: 64,
  chipNumber: 20,
  priceClass: 100,
  ticketSaleCouponId: 19,
  ticketSaleId: 19,
  welcomeAdvantageId: 19,
  pointsPromotionId: 19,
  q: 200,
  date: 10,
  // A proxy's account (a domain account: DOMAIN\user or user@domain) and its password.
  proxyUsername: 256,
  proxyPassword: 256,
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
  /** A UiTdatabank event id: a UUID (CF-T events/searchresults.xml); upper case allowed, as the same fixture's actor ids have it. */
  cdbid: /^[A-Za-z0-9][A-Za-z0-9-]*$/,
  /** A card's chip (its UID) in hex, as the reader reports it (native/contactless/chip-number.ts). */
  chipNumber: /^[0-9A-Fa-f]+$/,
  /** Ids UiTPAS parses as longs (PARSE_INVALID_LONG in DOC registratie-van-verkoop-van-ticket.md, punten-verzilveren.md). */
  ticketSaleCouponId: /^[0-9]+$/,
  ticketSaleId: /^[0-9]+$/,
  welcomeAdvantageId: /^[0-9]+$/,
  pointsPromotionId: /^[0-9]+$/,
  date: /^[0-9-]*$/,
} as const satisfies Partial<Record<LimitedField, RegExp>>;

/** A UiTPAS number: 13 digits, spaces allowed between them as typed (normaliseUitpasNumber drops them). */
export function isUitpasNumberShape(value: string): boolean {
  if (value.length > maxLength.uitpasNumber || !/^[0-9 ]+$/.test(value)) return false;
  return value.replaceAll(' ', '').length === 13;
}

/**
 * Characters no field of ours needs, that a reviewer cannot see or that change
 * what they see: controls (C0, DEL, C1), every format character (Unicode
 * category Cf: zero-width space, joiners, word joiner, byte order mark, soft
 * hyphen, the Mongolian vowel separator, the bidi overrides, isolates and marks,
 * interlinear annotation, the tag characters), private-use characters, lone
 * surrogates (not valid UTF-16), line and paragraph separators, and the Hangul
 * fillers (U+115F, U+1160, U+3164, U+FFA0), letters that print as nothing, and
 * every other default-ignorable code point (variation selectors such as U+FE0F
 * and U+E0100, the combining grapheme joiner U+034F, U+17B4, the Mongolian free
 * variation selectors; issue 27 item 11), which renderers draw as nothing.
 * Free text may keep tab and line breaks. One character class (and a one-character
 * look-ahead): linear.
 */
const invisibleInLine = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
const invisibleInText = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

export function hasInvisibleCharacter(text: string, multiLine = false): boolean {
  return (multiLine ? invisibleInText : invisibleInLine).test(text);
}

/** What the page sends: NFC, so "é" typed and "é" pasted as e + combining accent are one value. */
export function normaliseText(text: string): string {
  return text.normalize('NFC');
}

/**
 * The rule for every text that reaches main: at most `max` UTF-16 code units,
 * checked first so nothing scans a longer string, then no invisible character,
 * then already NFC (the forms normalise before sending, so only a page that
 * skips them is refused).
 */
export function isFieldText(text: string, max: number, multiLine = false): boolean {
  return text.length <= max && !hasInvisibleCharacter(text, multiLine) && text === normaliseText(text);
}

/**
 * At most this many `*` wildcards in a name search: the simulator's matcher is
 * linear whatever the count, but a real name search never needs more.
 */
export const maxWildcards = 4;

export function wildcardCount(text: string): number {
  let count = 0;
  for (const character of text) if (character === '*') count++;
  return count;
}
