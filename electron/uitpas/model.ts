/**
 * The UiTPAS objects the counter works with, parsed from the API's XML.
 * Identifiers, numbers and amounts stay strings.
 */
import { optInNames, type OptInPreferences } from './types';
import { bool, child, datePart, list, text, type XmlValue } from './xml';

export type Gender = 'MALE' | 'FEMALE';

export interface PassholderCardSystem {
  id: string;
  name: string;
  kansenStatuut: boolean;
  kansenStatuutEndDate?: string;
  kansenStatuutExpired: boolean;
  /** Ended, but still honoured for a while (DOC entiteiten/passholdercardsystemlink-entiteit.md; SX src/KansenStatuut/KansenStatuut.php shows it as IN_GRACE_PERIOD). */
  kansenStatuutInGracePeriod: boolean;
  /** YYYY-MM-DD: the kansenstatuut is suspended until this day (CF Passholder/CardSystemSpecific.php; NG UPS-4867 "geschorst tot"). */
  kansenStatuutSuspendedUntil?: string;
  /** The pass holder's own status in this card system, e.g. ACTIVE or BLOCKED (DOC passholdercardsystemlink-entiteit.md). */
  status?: string;
  currentCard?: { uitpasNumber: string; kansenpas: boolean; status: string };
}

export interface Passholder {
  /** The pass holder's UiTiD user id: what newCard, {uid}/register and {uid}/{cardSystemId} take. */
  uid: string;
  nick?: string;
  name: string;
  firstName: string;
  secondName?: string;
  inszNumber?: string;
  email?: string;
  dateOfBirth?: string;
  gender?: string;
  street?: string;
  postalCode?: string;
  city?: string;
  telephone?: string;
  gsm?: string;
  nationality?: string;
  placeOfBirth?: string;
  moreInfo?: string;
  schoolConsumerKey?: string;
  points: string;
  verified: boolean;
  blocked: boolean;
  registrationBalieConsumerKey?: string;
  foreignCity?: string;
  /** The stored photo, base64 JPEG as the API writes it (DOC entiteiten/pashouder-entiteit.md "picture"); only a JPEG of sane size is kept. */
  picture?: string;
  /** Stored on the pass holder's UiTiD user (DOC entiteiten/pashouder-entiteit.md, uitIdUser/optInPreferences). */
  optInPreferences?: OptInPreferences;
  cardSystems: PassholderCardSystem[];
}

/** What `uitpas/retrieve` found for a UiTPAS number, chip number or INSZ (DOC uitpas/ophalen-van-pashouder-dmv-…-insz-barcode.md). */
export interface Identification {
  passholder?: Passholder;
  card?: CardInfo & { balie?: { id: string; name: string } };
  groupPass?: GroupPass;
  /** A 200 may carry INVALID_CARD_STATUS_BLOCKED or KANSENSTATUUT_EXPIRED next to what was found. */
  notice?: string;
  /** The pass holder's best-matching card number, for the calls that follow. */
  uitpasNumber?: string;
}

/** A group pass (DOC entiteiten/grouppass-entiteit.md): an association's card, with tickets at the social tariff. */
export interface GroupPass {
  uuid: string;
  name: string;
  /** YYYY-MM-DD: the end of the group's kansenstatuut. */
  endDate?: string;
  /** Tickets per year and those left at the social tariff (kansenpas only), as the API wrote them. */
  ticketsPerYear?: string;
  availableTickets?: string;
  card?: CardInfo;
}

export interface PassholderSearchResult {
  total: number;
  passholders: Passholder[];
  /** UiTPAS numbers in the search that the API could not read. */
  invalidUitpasNumbers: string[];
}

export interface CardInfo {
  uitpasNumber: string;
  cardSystem: { id: string; name: string };
  cardType: string;
  kansenpas: boolean;
  status: string;
}

export interface UitpasPrice {
  id: string;
  reason: string;
  cardType: string;
  kansenstatuut: boolean;
  /** As the API writes it, e.g. "5.00". */
  price: string;
  cardSystem: { id: string; name: string };
  voucherType?: { name: string; prefix: string };
  ageRange?: { from?: string; to?: string };
}

export type BaliePermission = string;

export interface BalieCardSystem {
  id: string;
  name: string;
  permissions: BaliePermission[];
  groups: string[];
}

export interface Balie {
  id: string;
  consumerKey: string;
  name: string;
  role: string;
  cardSystems: BalieCardSystem[];
}

const optional = (node: XmlValue, name: string) => {
  const value = text(node, name);
  return value === undefined || value === '' ? undefined : value;
};

export function parsePassholder(node: XmlValue): Passholder {
  const user = child(node, 'uitIdUser');
  return {
    uid: text(user, 'id') ?? '',
    nick: optional(user ?? {}, 'nick'),
    name: text(node, 'name') ?? '',
    firstName: text(node, 'firstName') ?? '',
    secondName: optional(node, 'secondName'),
    inszNumber: optional(node, 'inszNumber'),
    email: optional(node, 'email'),
    dateOfBirth: datePart(text(node, 'dateOfBirth')),
    gender: optional(node, 'gender'),
    street: optional(node, 'street'),
    postalCode: optional(node, 'postalCode'),
    city: optional(node, 'city'),
    telephone: optional(node, 'telephone'),
    gsm: optional(node, 'gsm'),
    nationality: optional(node, 'nationality'),
    placeOfBirth: optional(node, 'placeOfBirth'),
    moreInfo: optional(node, 'moreInfo'),
    schoolConsumerKey: optional(node, 'schoolConsumerKey'),
    points: text(node, 'points') ?? '0',
    verified: bool(node, 'verified'),
    blocked: bool(node, 'blocked'),
    registrationBalieConsumerKey: optional(node, 'registrationBalieConsumerKey'),
    foreignCity: optional(node, 'foreignCity'),
    picture: jpegBase64(text(node, 'picture')),
    optInPreferences: parseOptIns(child(user, 'optInPreferences')),
    cardSystems: list(node, 'cardSystemSpecific').map(parseCardSystemLink),
  };
}

/** A stored photo bigger than this is not shown (an eID photo is about 3 kB; inferred bound, no source gives one). */
export const maxPictureBytes = 512 * 1024;

/** The picture as base64 when it is a JPEG (starts with FF D8) of at most maxPictureBytes; anything else is left out. */
function jpegBase64(value: string | undefined): string | undefined {
  const compact = value?.replace(/\s+/g, '');
  if (!compact || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || (compact.length * 3) / 4 > maxPictureBytes) return undefined;
  return compact.startsWith('/9j/') ? compact : undefined;
}

export function parseOptIns(node: XmlValue | undefined): OptInPreferences | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  return Object.fromEntries(optInNames.map((name) => [name, bool(node, name)])) as unknown as OptInPreferences;
}

export function parseIdentification(response: XmlValue | undefined): Identification {
  const holder = child(response, 'passHolder');
  const card = child(response, 'card');
  const balie = list(card, 'balie')[0];
  const groupPass = list(response, 'groupPass')[0];
  return {
    passholder: holder ? parsePassholder(holder) : undefined,
    card: card ? { ...nestedCard(card), balie: balie ? { id: text(balie, 'id') ?? '', name: text(balie, 'name') ?? '' } : undefined } : undefined,
    groupPass: groupPass ? parseGroupPass(groupPass) : undefined,
    notice: optional(response ?? {}, 'code'),
    uitpasNumber: optional(response ?? {}, 'uitpasNumberOriginalRequest'),
  };
}

function parseGroupPass(node: XmlValue): GroupPass {
  const card = child(node, 'card');
  return {
    uuid: text(node, 'uuid') ?? '',
    name: text(node, 'name') ?? '',
    endDate: datePart(text(node, 'endDate')),
    ticketsPerYear: optional(node, 'ticketsPerYear'),
    availableTickets: optional(node, 'availableTickets'),
    card: card ? nestedCard(card) : undefined,
  };
}

/** A card whose number sits one level deeper, as retrieve writes it: <uitpasNumber><uitpasNumber>…</uitpasNumber></uitpasNumber>. */
function nestedCard(node: XmlValue): CardInfo {
  const info = parseCardInfo(node);
  return { ...info, uitpasNumber: text(child(node, 'uitpasNumber'), 'uitpasNumber') ?? info.uitpasNumber };
}

export function parseSearchResult(response: XmlValue | undefined): PassholderSearchResult {
  const passholders = list(child(response, 'passholders'), 'passholder').map(parsePassholder);
  const total = Number(text(response, 'total') ?? passholders.length);
  return {
    total: Number.isFinite(total) ? total : passholders.length,
    passholders,
    invalidUitpasNumbers: list(child(response, 'invalidUitpasNumbers'), 'invalidUitpasNumber').filter((n): n is string => typeof n === 'string'),
  };
}

function parseCardSystemLink(node: XmlValue): PassholderCardSystem {
  const system = list(node, 'cardSystem')[0];
  const card = child(node, 'currentCard');
  return {
    id: text(system, 'id') ?? '',
    name: text(system, 'name') ?? '',
    kansenStatuut: bool(node, 'kansenStatuut'),
    kansenStatuutEndDate: datePart(text(node, 'kansenStatuutEndDate')),
    kansenStatuutExpired: bool(node, 'kansenStatuutExpired'),
    kansenStatuutInGracePeriod: bool(node, 'kansenStatuutInGracePeriod'),
    kansenStatuutSuspendedUntil: datePart(text(node, 'kansenStatuutSuspendedUntil')),
    status: optional(node, 'status'),
    currentCard: card
      ? {
          // The number sits one level deeper: <uitpasNumber><uitpasNumber>…</uitpasNumber></uitpasNumber>.
          uitpasNumber: text(child(card, 'uitpasNumber'), 'uitpasNumber') ?? text(card, 'uitpasNumber') ?? '',
          kansenpas: bool(card, 'kansenpas'),
          status: text(card, 'status') ?? '',
        }
      : undefined,
  };
}

export function parseCardInfo(node: XmlValue): CardInfo {
  const system = list(node, 'cardSystem')[0];
  return {
    uitpasNumber: text(node, 'uitpasNumber') ?? '',
    cardSystem: { id: text(system, 'id') ?? '', name: text(system, 'name') ?? '' },
    cardType: text(node, 'cardType') ?? '',
    kansenpas: bool(node, 'kansenpas'),
    status: text(node, 'status') ?? '',
  };
}

export function parsePrice(node: XmlValue): UitpasPrice {
  const system = list(node, 'cardSystem')[0];
  const voucherType = child(node, 'voucherType');
  const ageRange = child(node, 'ageRange');
  return {
    id: text(node, 'id') ?? '',
    reason: text(node, 'reason') ?? '',
    cardType: text(node, 'cardType') ?? '',
    kansenstatuut: bool(node, 'kansenstatuut'),
    price: text(node, 'price') ?? '',
    cardSystem: { id: text(system, 'id') ?? '', name: text(system, 'name') ?? '' },
    voucherType: voucherType ? { name: text(voucherType, 'name') ?? '', prefix: text(voucherType, 'prefix') ?? '' } : undefined,
    ageRange: ageRange ? { from: optional(ageRange, 'ageFrom'), to: optional(ageRange, 'ageTo') } : undefined,
  };
}

export function parseBalie(node: XmlValue): Balie {
  return {
    id: text(node, 'id') ?? '',
    consumerKey: text(node, 'consumerKey') ?? '',
    name: text(node, 'name') ?? '',
    role: text(node, 'role') ?? '',
    cardSystems: list(child(node, 'cardSystems'), 'cardSystem').map((system) => ({
      id: text(system, 'id') ?? '',
      name: text(system, 'name') ?? '',
      permissions: list(child(system, 'permissions'), 'permission').filter((p): p is string => typeof p === 'string'),
      groups: list(child(system, 'groups'), 'group').filter((g): g is string => typeof g === 'string'),
    })),
  };
}
