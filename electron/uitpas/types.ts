/** The counter operations' inputs and outputs, as plain types the page may see too. */
export type NewCardReason = 'LOSS_THEFT' | 'DEFECT' | 'REMOVAL' | 'LOSS_KANSENSTATUUT' | 'OBTAIN_KANSENSTATUUT' | 'CARD_UPGRADE' | 'EXTRA_CARD';
export type PriceReason = 'FIRST_CARD' | Exclude<NewCardReason, 'REMOVAL'>;

/**
 * The five opt-ins of UiTPAS 3.3.0 and later (DOC uitpas_api/latest/pashouders/registreren-van-een-pashouder.md,
 * opt-in-voorkeuren-aanpassen.md); they replace the seed's emailPreference/smsPreference, which production
 * now refuses with INVALID_PARAMETERS. All false under 16.
 */
export interface OptInPreferences {
  optInServiceMails: boolean;
  optInMilestoneMails: boolean;
  optInInfoMails: boolean;
  optInSms: boolean;
  optInPost: boolean;
}

export { optInNames } from '../rules/passholder-rules';

/** Every field of the register operation as the API takes it today (DOC registreren-van-een-pashouder.md); balieConsumerKey comes from the client. */
export interface RegisterPassholderFields extends Partial<OptInPreferences> {
  name: string;
  firstName: string;
  secondName?: string;
  email?: string;
  inszNumber?: string;
  dateOfBirth: string;
  gender?: 'M' | 'MALE' | 'V' | 'F' | 'FEMALE';
  street?: string;
  postalCode: string;
  city: string;
  telephone?: string;
  gsm?: string;
  nationality?: string;
  placeOfBirth?: string;
  uitpasNumber: string;
  voucherNumber?: string;
  kansenStatuut?: boolean;
  kansenStatuutEndDate?: string;
  verified?: boolean;
  moreInfo?: string;
  schoolConsumerKey?: string;
  /** Foreign residents: city is "BUITENLAND" and this says where (DOC pashouders/registreren-van-een-pashouder.md, inszNumber row; CF Uitpas/Passholder.php has the foreignCity field). */
  foreignCity?: string;
  /** The terms of use were handed over on paper / sent by e-mail. */
  legalTermsPaper?: boolean;
  legalTermsDigital?: boolean;
  /** A parent or guardian agreed to registering this minor. */
  parentalConsent?: boolean;
}

/** Only the fields present change; an empty string clears a field. Opt-ins and terms are register-only (DOC update-pashouder.md). */
export type UpdatePassholderFields = Partial<
  Omit<RegisterPassholderFields, 'uitpasNumber' | 'voucherNumber' | 'kansenStatuut' | 'foreignCity' | keyof OptInPreferences | 'legalTermsPaper' | 'legalTermsDigital' | 'parentalConsent'>
>;

/** What the counter searches pass holders by (DOC pashouders/zoeken-van-pashouders.md). */
export interface PassholderSearch {
  /** `*` is a wildcard. */
  name?: string;
  firstName?: string;
  /** YYYY-MM-DD */
  dateOfBirth?: string;
  postalCode?: string;
  /** Street and city take `*` as the names do; the e-mail address is whole (DOC zoeken-van-pashouders.md; SX PassHolderController.php refuses a search e-mail that is no address). */
  street?: string;
  city?: string;
  email?: string;
  uitpasNumbers?: string[];
  /** Paging: the index of the first result, and how many at most (SX Search/Query.php). */
  start?: number;
  max?: number;
}

export interface NewCardRequest {
  uid: string;
  reason: NewCardReason;
  uitpasNumber: string;
  voucherNumber?: string;
  kansenStatuutEndDate?: string;
}

export type CardSystemTarget = { cardSystemId: string } | { uitpasNumber: string };

export interface RegisterInCardSystemOptions {
  kansenStatuut?: boolean;
  kansenStatuutEndDate?: string;
  voucherNumber?: string;
}

export interface PriceQuery {
  uitpasNumber?: string;
  cardSystemId?: string;
  reason: PriceReason;
  dateOfBirth?: string;
  postalCode?: string;
  voucherNumber?: string;
}

export interface Registered {
  uid: string;
  uitpasNumber: string;
  resource: string;
}

