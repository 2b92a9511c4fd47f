/**
 * The runtime check of every payload the page sends, one named guard per
 * request (the channel tables in contract/ say which guard a channel uses).
 * A payload that fails its guard never reaches a handler. Every string is
 * bounded by its limit in electron/rules/limits.ts (the same the form's fields
 * carry), free of invisible characters and NFC (isFieldText), and identifiers
 * have their format, so nothing the page sends can reach a URL path as "/" or "..".
 */
import { newCardReasons } from '../rules/new-card';
import { identifierFormats, isUitpasNumberShape, maxLength, maxWildcards, wildcardCount, type LimitedField } from '../rules/limits';
import type { PriceReason, RegisterPassholderFields, UpdatePassholderFields } from '../uitpas/types';
import { languages } from '../settings/languages';
import { activityDateTypes } from '../uitpas/visit-model';
import { isBoolean, isObject, isOneOf, listOf, multiLine, optional, shaped, singleLine, type Guard } from './validation';

/** The guard for a field: its limit, and its format when it has one. */
function field(name: LimitedField): Guard<string> {
  const format: RegExp | undefined = Object.hasOwn(identifierFormats, name) ? identifierFormats[name as keyof typeof identifierFormats] : undefined;
  return singleLine(maxLength[name], format);
}

const uitpasNumber = shaped(maxLength.uitpasNumber, isUitpasNumberShape);
/** The reader service's read ids are UUIDs (randomUUID). */
const isReadId = singleLine(36, /^[0-9a-f-]+$/);

const priceReasons = ['FIRST_CARD', 'CARD_UPGRADE', 'EXTRA_CARD', 'LOSS_THEFT', 'DEFECT', 'LOSS_KANSENSTATUUT', 'OBTAIN_KANSENSTATUUT'] as const satisfies readonly PriceReason[];

const personFieldGuards = {
  name: field('name'),
  firstName: field('firstName'),
  secondName: optional(field('secondName')),
  email: optional(field('email')),
  inszNumber: optional(field('inszNumber')),
  dateOfBirth: field('dateOfBirth'),
  gender: optional(isOneOf(['M', 'MALE', 'V', 'F', 'FEMALE'] as const)),
  street: optional(field('street')),
  postalCode: field('postalCode'),
  city: field('city'),
  telephone: optional(field('telephone')),
  gsm: optional(field('gsm')),
  nationality: optional(field('nationality')),
  placeOfBirth: optional(field('placeOfBirth')),
  kansenStatuutEndDate: optional(field('kansenStatuutEndDate')),
  moreInfo: optional(multiLine(maxLength.moreInfo)),
  schoolConsumerKey: optional(field('schoolConsumerKey')),
};

/** A whole number from 0 up to max (paging). */
function isCount(max: number): Guard<number> {
  return (value): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

/** Several UiTPAS numbers, at most 50 (the real counter's search takes several scanned cards at once). */
const isUitpasNumberList = listOf(uitpasNumber, 50);

/** `verified` is not the page's to send: main decides it from the card it read (see the eID issue). */
export const isRegisterPassholderRequest: Guard<Omit<RegisterPassholderFields, 'verified'> & { withoutInsz?: boolean; eidReadId?: string; storePhoto?: boolean }> = isObject({
  ...personFieldGuards,
  uitpasNumber,
  voucherNumber: optional(field('voucherNumber')),
  kansenStatuut: optional(isBoolean),
  foreignCity: optional(field('foreignCity')),
  optInServiceMails: optional(isBoolean),
  optInMilestoneMails: optional(isBoolean),
  optInInfoMails: optional(isBoolean),
  optInSms: optional(isBoolean),
  optInPost: optional(isBoolean),
  legalTermsPaper: optional(isBoolean),
  legalTermsDigital: optional(isBoolean),
  parentalConsent: optional(isBoolean),
  /** The staff register without an INSZ (a balie allowed to; UiTPAS checks the right). */
  withoutInsz: optional(isBoolean),
  /** The eID read the identity fields came from, if any: main decides `verified` from it. */
  eidReadId: optional(isReadId),
  /** Store that read's photo on the record (main has it; the page never sends photo bytes). */
  storePhoto: optional(isBoolean),
});

const isUpdateFields: Guard<Omit<UpdatePassholderFields, 'verified'>> = isObject({
  ...personFieldGuards,
  name: optional(field('name')),
  firstName: optional(field('firstName')),
  dateOfBirth: optional(field('dateOfBirth')),
  postalCode: optional(field('postalCode')),
  city: optional(field('city')),
});

export const isDemoCardRequest = isObject({ person: isOneOf(['jonas', 'zoe', 'lukas', 'aylin'] as const), forged: optional(isBoolean) });

export const isCloseAnswer = isObject({ close: isBoolean });

export const isPracticeSwitch = isObject({ on: isBoolean });

export const isChooseBalieRequest = isObject({ balieId: field('balieId') });

export const isSettingsChange = isObject({
  environment: isOneOf(['demo', 'test', 'acceptance', 'production'] as const),
  language: optional(isOneOf(languages)),
  consumerKey: optional(field('consumerKey')),
  consumerSecret: optional(field('consumerSecret')),
  storeEidPhoto: optional(isBoolean),
});

/** One card: a card look-up, and a card's advantages, coupons and histories. */
export const isCardQuery = isObject({ uitpasNumber });

export const isSupportRequest = isObject({ probe: optional(isBoolean), copy: optional(isBoolean) });

/** A proxy question's id (randomUUID), and staff's user name and password for it; no credentials: cancelled. */
export const isProxyAnswer = isObject({
  requestId: isReadId,
  credentials: optional(isObject({ username: field('proxyUsername'), password: field('proxyPassword') })),
});

export const isPriceQuery = isObject({
  reason: isOneOf(priceReasons),
  uitpasNumber: optional(uitpasNumber),
  cardSystemId: optional(field('cardSystemId')),
  dateOfBirth: optional(field('dateOfBirth')),
  postalCode: optional(field('postalCode')),
  voucherNumber: optional(field('voucherNumber')),
});

/** A UiTPAS number, an INSZ or a chip number, as typed or scanned. */
export const isFindPassholdersQuery = isObject({ query: field('query') });

/** A name with `*` wildcards: bounded like any name, and at most maxWildcards of them. */
const wildcardName = (name: 'name' | 'firstName' | 'street' | 'city'): Guard<string> => {
  const text = field(name);
  return (value): value is string => text(value) && wildcardCount(value) <= maxWildcards;
};

export const isPassholderSearch = isObject({
  name: optional(wildcardName('name')),
  firstName: optional(wildcardName('firstName')),
  dateOfBirth: optional(field('dateOfBirth')),
  postalCode: optional(field('postalCode')),
  street: optional(wildcardName('street')),
  city: optional(wildcardName('city')),
  email: optional(field('email')),
  uitpasNumbers: optional(isUitpasNumberList),
  start: optional(isCount(10_000)),
  max: optional(isCount(100)),
});

/** Only the reasons *Nieuwe kaart* offers (electron/rules/new-card.ts); the API's CARD_UPGRADE and EXTRA_CARD are not the page's to send here. */
export const isNewCardRequest = isObject({
  uid: field('uid'),
  reason: isOneOf(newCardReasons),
  uitpasNumber,
  voucherNumber: optional(field('voucherNumber')),
  kansenStatuutEndDate: optional(field('kansenStatuutEndDate')),
});

export const isUpdatePassholderRequest = isObject({ uitpasNumber, fields: isUpdateFields, eidReadId: optional(isReadId), storePhoto: optional(isBoolean) });

/** The five opt-ins, all of them: the real counter always sends the five (CF Passholder/OptInPreferences.php). */
const isOptIns = isObject({
  optInServiceMails: isBoolean,
  optInMilestoneMails: isBoolean,
  optInInfoMails: isBoolean,
  optInSms: isBoolean,
  optInPost: isBoolean,
});

/** A card of the pass holder goes along: main reads the record by it and keeps every opt-in false under 16 by the record's birth date. */
export const isOptInChange = isObject({ uid: field('uid'), uitpasNumber, preferences: isOptIns });

export const isBlockRequest = isObject({ uitpasNumber });

export const isCardSystemRegistration = isObject({
  uid: field('uid'),
  cardSystemId: optional(field('cardSystemId')),
  uitpasNumber: optional(uitpasNumber),
  kansenStatuut: optional(isBoolean),
  kansenStatuutEndDate: optional(field('kansenStatuutEndDate')),
  voucherNumber: optional(field('voucherNumber')),
});

export const isCardSystemDataChange = isObject({ uid: field('uid'), cardSystemId: field('cardSystemId'), kansenStatuutEndDate: field('kansenStatuutEndDate') });

/**
 * The visit (issue 24; /work/shared/reference/counter-day.md). Field names are the API's own parameters; ids that
 * reach a URL path (cdbid, uitpasNumber, ticketSaleId) have formats without "/" or ".".
 */
const cdbid = field('cdbid');

export const isActivitySearch = isObject({
  uitpasNumber,
  datetype: isOneOf(activityDateTypes),
  date: optional(field('date')),
  q: optional(field('q')),
  cdbid: optional(cdbid),
  start: optional(isCount(10_000)),
  max: optional(isCount(50)),
});

/** Save points (A2): `chipNumber` when the card was tapped, else `uitpasNumber` goes out; never both (DOC pashouders/inchecken-pashouder.md). */
export const isCheckinRequest = isObject({ cdbid, uitpasNumber, chipNumber: optional(field('chipNumber')) });

/** A group pass buys for up to its tickets left; 100 is above any real group's yearly quota (inferred bound). */
const isTicketCount: Guard<number> = (value): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100;

export const isTicketSaleRequest = isObject({
  cdbid,
  uitpasNumber,
  priceClass: field('priceClass'),
  ticketSaleCouponId: optional(field('ticketSaleCouponId')),
  amountOfTickets: optional(isTicketCount),
});

/** Undo a sale (A4); the card is the one whose history listed it, for the look-up that settles an unknown outcome. */
export const isCancelTicketSaleRequest = isObject({ ticketSaleId: field('ticketSaleId'), uitpasNumber });

export const isCashInWelcomeAdvantageRequest = isObject({ uitpasNumber, welcomeAdvantageId: field('welcomeAdvantageId') });

export const isCashInPointsPromotionRequest = isObject({ uitpasNumber, pointsPromotionId: field('pointsPromotionId') });
