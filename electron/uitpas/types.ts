/** The counter operations' inputs and outputs, as plain types the page may see too. */
export type NewCardReason = 'LOSS_THEFT' | 'DEFECT' | 'REMOVAL' | 'LOSS_KANSENSTATUUT' | 'OBTAIN_KANSENSTATUUT' | 'CARD_UPGRADE' | 'EXTRA_CARD';
export type PriceReason = 'FIRST_CARD' | Exclude<NewCardReason, 'REMOVAL'>;

/** Every field of the register operation (seed: "Registreren van een pashouder"); balieConsumerKey comes from the client. */
export interface RegisterPassholderFields {
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
  emailPreference?: 'ALL_MAILS' | 'NOTIFICATION_MAILS' | 'NO_MAILS';
  smsPreference?: 'ALL_SMS' | 'NOTIFICATION_SMS' | 'NO_SMS';
}

/** Only the fields present change; an empty string clears a field. */
export type UpdatePassholderFields = Partial<Omit<RegisterPassholderFields, 'uitpasNumber' | 'voucherNumber' | 'kansenStatuut'>>;

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

