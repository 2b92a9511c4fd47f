/**
 * A valid payload for every request channel, and the ways a hostile page could
 * bend one: used by the property test (every bent payload is refused) and by
 * the guard benchmark (how long the worst refusal takes). Test data is
 * fictional; numbers carry valid check digits.
 */
import fc from 'fast-check';
import type { RequestChannel } from '../../electron/ipc/contract';
import { maxLength } from '../../electron/rules/limits';
import { cardNumber } from '../../electron/simulator/seed';

const person = {
  name: 'Vermeulen',
  firstName: 'Jonas',
  secondName: 'Pieter',
  email: 'jonas@example.org',
  inszNumber: '85.07.30-033.28',
  dateOfBirth: '1985-07-30',
  gender: 'MALE',
  street: 'Kortrijksesteenweg 112',
  postalCode: '9000',
  city: 'Gent',
  telephone: '09 123 45 67',
  gsm: '0470 11 22 33',
  nationality: 'Belg',
  placeOfBirth: 'Gent',
  moreInfo: 'Komt op dinsdag.\nBelt eerst.',
  schoolConsumerKey: 'school-sint-jozef-demo',
};
const card = cardNumber('09000', 2, false);
const uid = 'pashouder-demo-0001';

/** One valid payload per channel; undefined for the channels that take none. */
export const validPayloads: { [C in RequestChannel]: unknown } = {
  'app:getInfo': undefined,
  'update:getNotice': undefined,
  'app:confirmClose': { close: false },
  'eid:getReaders': undefined,
  'eid:getCards': undefined,
  'eid:insertDemoCard': { person: 'jonas', forged: false },
  'eid:removeDemoCard': undefined,
  'demo:practiseLostAnswers': { on: true },
  'session:get': undefined,
  'session:login': undefined,
  'session:logout': undefined,
  'session:chooseBalie': { balieId: '101' },
  'settings:save': { environment: 'test', language: 'fr', consumerKey: 'key-1', consumerSecret: 'secret-1', storeEidPhoto: false },
  'uitpas:getCard': { uitpasNumber: card },
  'uitpas:getPrice': { reason: 'FIRST_CARD', uitpasNumber: card, cardSystemId: '1', dateOfBirth: '1985-07-30', postalCode: '9000', voucherNumber: 'GENT-2026-0001' },
  'uitpas:findPassholders': { query: '85.07.30-033.28' },
  'uitpas:identify': { query: '04A1B2C3D4E580' },
  'uitpas:searchPassholders': { name: 'Peet*', firstName: 'Jonas', dateOfBirth: '1985-07-30', postalCode: '9000', street: 'Kerk*', city: 'Gent', email: 'jonas@example.org', uitpasNumbers: [card, cardNumber('09000', 3, false)], start: 20, max: 20 },
  'uitpas:registerPassholder': {
    ...person,
    uitpasNumber: card,
    voucherNumber: 'GENT-2026-0001',
    kansenStatuut: false,
    foreignCity: 'Lille',
    optInServiceMails: true,
    legalTermsPaper: true,
    parentalConsent: false,
    withoutInsz: false,
    eidReadId: '0b3e6a0e-3f7c-4e0c-9d55-2b1f0c6a9e11',
    storePhoto: true,
  },
  'uitpas:registerNewCard': { uid, reason: 'LOSS_THEFT', uitpasNumber: card, voucherNumber: 'GENT-2026-0001', kansenStatuutEndDate: '2027-04-30' },
  'uitpas:updatePassholder': { uitpasNumber: card, fields: person, eidReadId: '0b3e6a0e-3f7c-4e0c-9d55-2b1f0c6a9e11', storePhoto: true },
  'uitpas:setOptInPreferences': { uid, uitpasNumber: card, preferences: { optInServiceMails: true, optInMilestoneMails: false, optInInfoMails: false, optInSms: false, optInPost: true } },
  'uitpas:blockCard': { uitpasNumber: card },
  'uitpas:registerInCardSystem': { uid, cardSystemId: '1', kansenStatuut: true, kansenStatuutEndDate: '2027-04-30', voucherNumber: 'GENT-2026-0001' },
  'uitpas:updateCardSystemData': { uid, cardSystemId: '1', kansenStatuutEndDate: '2027-04-30' },
  'support:getReport': { probe: true, copy: false },
  'visit:searchActivities': { uitpasNumber: card, datetype: 'day', date: '2026-12-07', q: 'concert', cdbid: 'a7c3e1f0-5b2d-4c8e-9f61-0d4b2a7e9c13', start: 5, max: 5 },
  'visit:checkin': { cdbid: 'a7c3e1f0-5b2d-4c8e-9f61-0d4b2a7e9c13', uitpasNumber: card, chipNumber: '04A1B2C3D4E580' },
  'visit:buyTicket': { cdbid: 'a7c3e1f0-5b2d-4c8e-9f61-0d4b2a7e9c13', uitpasNumber: card, priceClass: 'Rang 1', ticketSaleCouponId: '18', amountOfTickets: 2 },
  'visit:cancelTicketSale': { ticketSaleId: '17005', uitpasNumber: card },
  'visit:getAdvantages': { uitpasNumber: card },
  'visit:cashInWelcomeAdvantage': { uitpasNumber: card, welcomeAdvantageId: '5' },
  'visit:cashInPointsPromotion': { uitpasNumber: card, pointsPromotionId: '7' },
  'visit:getCoupons': { uitpasNumber: card },
  'visit:getPointsHistory': { uitpasNumber: card },
  'visit:getTicketSales': { uitpasNumber: card },
  'proxy:answerCredentials': { requestId: '5d0c2f4e-8a61-4b7e-9f3a-0c1d2e3f4a5b', credentials: { username: 'GEMEENTE\\balie1', password: 'verzonnen-wachtwoord' } },
};

/** Where strings sit in a payload: a path of keys to each string leaf. */
export function stringPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => stringPaths(inner, [...path, key]));
}

export function keyPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [[...path, key], ...keyPaths(inner, [...path, key])]);
}

/** A deep copy with the value at `path` replaced (JSON round trip: what the socket or structured clone delivers). */
export function withValue(payload: unknown, path: readonly string[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1) ?? ''] = value;
  return copy;
}

/** Adds an own key next to the ones at `path` (JSON.parse makes `__proto__` an own key, as a page's JSON would). */
export function withOwnKey(payload: unknown, path: readonly string[], key: string): unknown {
  const json = JSON.stringify(payload);
  const copy = JSON.parse(json) as Record<string, unknown>;
  let node = copy;
  for (const step of path) node = node[step] as Record<string, unknown>;
  const extra = JSON.parse(`{${JSON.stringify(key)}: "x"}`) as Record<string, unknown>;
  Object.defineProperty(node, key, { value: extra[key], enumerable: true, configurable: true, writable: true });
  return copy;
}

/** Invisible characters a review found passing in names and free text (issue 19): format (Cf), filler and tag characters. */
export const invisibleCharacters = ['\u200B', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u115F', '\u3164', '\u180E', '\uFFF9', '\u{E0001}', '\u{E0041}', '\uFE0F', '\u034F', '\u17B4', '\u180B', '\u{E0100}'];
export const forbiddenCharacters = ['\u0000', '\u202E', '\u2066', '\u200F', '\u0085', '\u001B', '\u007F', '\uD800', '\u2028', '\uE000', ...invisibleCharacters];
/** Forbidden on one line only: free text (moreInfo) may keep them. */
export const lineBreaks = ['\r', '\n', '\r\n', '\t'];
export const pathTricks = ['..', '../..', '../../uitpas/passholder/register', 'a/b', '/', '.', '%2e%2e', '..%2f', '\\..\\'];
export const ownKeys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
export const notStrings: unknown[] = [0, 1e308, -1, true, null, [], ['x'], {}, { toString: 'x' }];

const longest = Math.max(...Object.values(maxLength));

/** A hostile string for a field: too long, a forbidden character inside, or a path trick. */
export function hostileString(field: string, multiLine: boolean): fc.Arbitrary<string> {
  const limit = (maxLength as Record<string, number>)[field] ?? longest;
  const inside = (characters: string[]) =>
    fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...characters), fc.string({ maxLength: 20 })).map(([a, bad, b]) => `${a}${bad}${b}`);
  return fc.oneof(
    fc.integer({ min: limit + 1, max: 1_000_000 }).map((length) => 'a'.repeat(length)),
    inside(multiLine ? forbiddenCharacters : [...forbiddenCharacters, ...lineBreaks]),
  );
}
