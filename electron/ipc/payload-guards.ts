/**
 * The runtime check of every payload the page sends, one named guard per
 * request (the channel table in contract.ts says which guard a channel uses).
 * A payload that fails its guard never reaches a handler.
 */
import type { NewCardReason, PriceReason, RegisterPassholderFields, UpdatePassholderFields } from '../uitpas/types';
import { isBoolean, isObject, isOneOf, isString, optional, type Guard } from './validation';

const priceReasons = ['FIRST_CARD', 'CARD_UPGRADE', 'EXTRA_CARD', 'LOSS_THEFT', 'DEFECT', 'LOSS_KANSENSTATUUT', 'OBTAIN_KANSENSTATUUT'] as const satisfies readonly PriceReason[];
const newCardReasons = ['LOSS_THEFT', 'DEFECT', 'REMOVAL', 'LOSS_KANSENSTATUUT', 'OBTAIN_KANSENSTATUUT', 'CARD_UPGRADE', 'EXTRA_CARD'] as const satisfies readonly NewCardReason[];

const personFieldGuards = {
  name: isString,
  firstName: isString,
  secondName: optional(isString),
  email: optional(isString),
  inszNumber: optional(isString),
  dateOfBirth: isString,
  gender: optional(isOneOf(['M', 'MALE', 'V', 'F', 'FEMALE'] as const)),
  street: optional(isString),
  postalCode: isString,
  city: isString,
  telephone: optional(isString),
  gsm: optional(isString),
  nationality: optional(isString),
  placeOfBirth: optional(isString),
  kansenStatuutEndDate: optional(isString),
  moreInfo: optional(isString),
  schoolConsumerKey: optional(isString),
  emailPreference: optional(isOneOf(['ALL_MAILS', 'NOTIFICATION_MAILS', 'NO_MAILS'] as const)),
  smsPreference: optional(isOneOf(['ALL_SMS', 'NOTIFICATION_SMS', 'NO_SMS'] as const)),
};

/** `verified` is not the page's to send: main decides it from the card it read (see the eID issue). */
export const isRegisterPassholderRequest: Guard<Omit<RegisterPassholderFields, 'verified'> & { eidReadId?: string }> = isObject({
  ...personFieldGuards,
  uitpasNumber: isString,
  voucherNumber: optional(isString),
  kansenStatuut: optional(isBoolean),
  /** The eID read the identity fields came from, if any: main decides `verified` from it. */
  eidReadId: optional(isString),
});

const isUpdateFields: Guard<Omit<UpdatePassholderFields, 'verified'>> = isObject({
  ...personFieldGuards,
  name: optional(isString),
  firstName: optional(isString),
  dateOfBirth: optional(isString),
  postalCode: optional(isString),
  city: optional(isString),
});

export const isDemoCardRequest = isObject({ person: isOneOf(['jonas', 'zoe', 'lukas', 'aylin'] as const), forged: optional(isBoolean) });

export const isChooseBalieRequest = isObject({ balieId: isString });

export const isSettingsChange = isObject({
  environment: isOneOf(['demo', 'test', 'acceptance', 'production'] as const),
  consumerKey: optional(isString),
  consumerSecret: optional(isString),
});

export const isCardQuery = isObject({ uitpasNumber: isString });

export const isPriceQuery = isObject({
  reason: isOneOf(priceReasons),
  uitpasNumber: optional(isString),
  cardSystemId: optional(isString),
  dateOfBirth: optional(isString),
  postalCode: optional(isString),
  voucherNumber: optional(isString),
});

/** A UiTPAS number or an INSZ, as typed or scanned. */
export const isFindPassholdersQuery = isObject({ query: isString });

const isStringList: Guard<string[]> = (value): value is string[] => Array.isArray(value) && value.length <= 50 && value.every(isString);

/** Search by name, first name, date of birth (YYYY-MM-DD), postal code, or several UiTPAS numbers. */
export const isSearchPassholdersQuery = isObject({
  name: optional(isString),
  firstName: optional(isString),
  dateOfBirth: optional(isString),
  postalCode: optional(isString),
  uitpasNumbers: optional(isStringList),
});

export const isNewCardRequest = isObject({
  uid: isString,
  reason: isOneOf(newCardReasons),
  uitpasNumber: isString,
  voucherNumber: optional(isString),
  kansenStatuutEndDate: optional(isString),
});

export const isUpdatePassholderRequest = isObject({ uitpasNumber: isString, fields: isUpdateFields, eidReadId: optional(isString) });

export const isCardSystemRegistration = isObject({
  uid: isString,
  cardSystemId: optional(isString),
  uitpasNumber: optional(isString),
  kansenStatuut: optional(isBoolean),
  kansenStatuutEndDate: optional(isString),
  voucherNumber: optional(isString),
});

export const isCardSystemDataChange = isObject({ uid: isString, cardSystemId: isString, kansenStatuutEndDate: isString });
