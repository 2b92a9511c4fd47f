/**
 * Every error code the UiTPAS API documents for the counter's operations and
 * look-ups, and those real clients know beyond the docs (CF
 * CultureFeed/CultureFeed/Uitpas/Error.php), each once, with the form field it
 * concerns (null when it concerns none). What the counter employee reads for
 * each code is the page's, per language (renderer/messages/).
 */
export interface ErrorCodeInfo {
  field: string | null;
}

const codes = {
  ACTION_FAILED: { field: null },
  ACTION_NOT_ALLOWED: { field: null },
  ACCESS_DENIED: { field: null },
  BALIE_NOT_AUTHORIZED: { field: 'uitpasNumber' },
  CARD_NOT_ASSIGNED_TO_BALIE: { field: 'uitpasNumber' },
  EMAIL_ALREADY_USED: { field: 'email' },
  INSZ_ALREADY_USED: { field: 'inszNumber' },
  INVALID_CARD: { field: 'uitpasNumber' },
  INVALID_CARD_STATUS: { field: 'uitpasNumber' },
  INVALID_CARD_STATUS_BLOCKED: { field: 'uitpasNumber' },
  INVALID_CARD_STATUS_DELETED: { field: 'uitpasNumber' },
  INVALID_CARD_STATUS_LOCAL_STOCK: { field: 'uitpasNumber' },
  INVALID_CARD_STATUS_PROVISIONED: { field: 'uitpasNumber' },
  INVALID_CARD_STATUS_SENT_TO_BALIE: { field: 'uitpasNumber' },
  INVALID_CARD_STATUS_STOCK: { field: 'uitpasNumber' },
  INVALID_CITY_NAME: { field: 'city' },
  INVALID_DATE_CONSTRAINTS: { field: 'kansenStatuutEndDate' },
  INVALID_EMAIL_ADDRESS: { field: 'email' },
  // Also what production answers to a parameter it removed (DOC pashouders/opt-in-voorkeuren-aanpassen.md).
  INVALID_PARAMETERS: { field: null },
  INVALID_NUMBER: { field: null },
  INVALID_VOUCHER_STATUS: { field: 'voucherNumber' },
  KANSENSTATUUT_EXPIRED: { field: null },
  MISSING_REQUIRED_FIELDS: { field: null },
  PARSE_INVALID_BIGDECIMAL: { field: null },
  PARSE_INVALID_BOOLEAN: { field: null },
  // The place is identified by its postal code: the real counter words it "De opgegeven postcode is niet geldig"
  // (NG registration/registration-api-error.constant.js).
  PARSE_INVALID_CITY_IDENTIFIER: { field: 'postalCode' },
  PARSE_INVALID_CITY_NAME: { field: 'city' },
  // The date a call sends: the kansenstatuut's end on the writes; price and search say dateOfBirth instead (their calls).
  PARSE_INVALID_DATE: { field: 'kansenStatuutEndDate' },
  PARSE_INVALID_DATE_OF_BIRTH: { field: 'dateOfBirth' },
  PARSE_INVALID_GENDER: { field: 'gender' },
  PARSE_INVALID_INSZ: { field: 'inszNumber' },
  PARSE_INVALID_POSTAL_CODE: { field: 'postalCode' },
  PARSE_INVALID_UITPAS_STATUS_CHANGE_REASON: { field: 'reason' },
  PARSE_INVALID_UITPASNUMBER: { field: 'uitpasNumber' },
  PARSE_INVALID_VOUCHERNUMBER: { field: 'voucherNumber' },
  UNKNOWN_CARD: { field: 'uitpasNumber' },
  UNKNOWN_ASSOCIATION_ID: { field: null },
  UNKNOWN_BALIE_CONSUMERKEY: { field: null },
  UNKNOWN_BALIE_NAME: { field: null },
  UNKNOWN_CARD_SYSTEM: { field: 'cardSystemId' },
  UNKNOWN_CHIPNUMBER: { field: 'uitpasNumber' },
  UNKNOWN_IDENTIFICATION: { field: null },
  UNKNOWN_PASSHOLDER_ID: { field: null },
  UNKNOWN_PASSHOLDER_UID: { field: null },
  UNKNOWN_SCHOOL: { field: 'schoolConsumerKey' },
  UNKNOWN_UITPASNUMBER: { field: 'uitpasNumber' },
  UNKNOWN_USER: { field: null },
  UNKNOWN_VOUCHER: { field: 'voucherNumber' },
  // The visit (issue 24): check-in, ticket sale, advantages (reference counter-day.md §1.1, §2.3, §3.4, §3.5, §4.3, §6.3;
  // DOC pages cited there; CF Uitpas/Error.php). None concerns a form field: the page says them beside the action.
  BALIE_NOT_ACTOR: { field: null },
  CHECKIN_CURRENTLY_NOT_ALLOWED: { field: null },
  INVALID_INTERVAL_BEGIN_DATE_AFTER_END_DATE: { field: null },
  INVALID_INTERVAL_MIN_HIGHER_THAN_MAX: { field: null },
  // Check-in: points already saved in this period; sale: no tickets left at this tariff (DOC inchecken-pashouder.md, registratie-van-verkoop-van-ticket.md).
  MAXIMUM_REACHED: { field: null },
  NO_VALID_DISTRIBUTION_KEY: { field: null },
  PARSE_INVALID_LONG: { field: null },
  PASSHOLDER_NO_ACTIVE_CARDSYSTEMS: { field: null },
  TICKET_SALE_COUPON_NOT_GRANTED: { field: null },
  TICKETSALE_NOT_ALLOWED_FREE_EVENT: { field: null },
  UNKNOWN_BALIE_ID: { field: null },
  UNKNOWN_EVENT_CDBID: { field: null },
  UNKNOWN_POINTS_PROMOTION_ID: { field: null },
  UNKNOWN_PRICE_CLASS: { field: null },
  UNKNOWN_TICKET_SALE: { field: null },
  UNKNOWN_TICKET_SALE_COUPON: { field: null },
  UNKNOWN_WELCOME_ADVANTAGE_ID: { field: null },
  // Spelled so by DOC pashouders/inchecken-pashouder.md, the check-in's refusals.
  UNKOWN_CHIPNUMBER: { field: null },
  UNKOWN_UITPASNUMBER: { field: null },
  WELCOMEADVANTAGE_ALREADY_CASHED_IN: { field: null },
} as const satisfies Record<string, ErrorCodeInfo>;

export type UitpasErrorCode = keyof typeof codes;

export function isKnownErrorCode(code: string): code is UitpasErrorCode {
  return Object.hasOwn(codes, code);
}

/**
 * Codes the real counter meets that mean what a documented code means: placed and worded as that code.
 * EMAIL_ADDRESS_INVALID is raised by SX src/PassHolder/Properties/EmailAddressInvalidException.php, and NG puts it on
 * the e-mail field (app/scripts/registration/registration-api-error.constant.js, passholder/edit.controller.js); the
 * docs name INVALID_EMAIL_ADDRESS (DOC pashouders/registreren-van-een-pashouder.md, update-pashouder.md). Whether
 * UiTPAS itself ever answers EMAIL_ADDRESS_INVALID is not documented (inferred that it may).
 */
const sameMeaning: Readonly<Record<string, UitpasErrorCode>> = {
  EMAIL_ADDRESS_INVALID: 'INVALID_EMAIL_ADDRESS',
};

/** The documented code a code means (itself when it has no other name). */
export function documentedCode(code: string): string {
  return Object.hasOwn(sameMeaning, code) ? (sameMeaning[code] as string) : code;
}

/** The field a code concerns; a code the table does not know concerns none (the page shows UiTPAS's own text). */
export function errorCodeField(code: string): string | null {
  const documented = documentedCode(code);
  return isKnownErrorCode(documented) ? codes[documented].field : null;
}

export const documentedErrorCodes = Object.keys(codes) as UitpasErrorCode[];
