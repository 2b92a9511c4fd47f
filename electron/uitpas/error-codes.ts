/**
 * Every error code the UiTPAS API documents for the counter's operations and
 * look-ups, and those real clients know beyond the docs (CF
 * CultureFeed/CultureFeed/Uitpas/Error.php), each once: a short Dutch text for the counter employee that says
 * what to do, and the form field it concerns (null when it concerns none).
 */
export interface ErrorCodeInfo {
  message: string;
  field: string | null;
}

const codes = {
  ACTION_FAILED: { message: 'UiTPAS kon de actie niet uitvoeren. Probeer opnieuw.', field: null },
  ACTION_NOT_ALLOWED: { message: 'Deze actie is niet toegelaten voor deze pashouder of balie.', field: null },
  ACCESS_DENIED: { message: 'Deze balie heeft hiervoor geen toestemming. Vraag het aan een beheerder.', field: null },
  BALIE_NOT_AUTHORIZED: { message: 'Deze balie mag deze kaart niet registreren.', field: 'uitpasNumber' },
  CARD_NOT_ASSIGNED_TO_BALIE: { message: 'Deze kaart is niet aan jouw balie toegewezen. Neem een kaart uit de voorraad van deze balie.', field: 'uitpasNumber' },
  EMAIL_ALREADY_USED: { message: 'Dit e-mailadres hoort al bij een andere pashouder.', field: 'email' },
  INSZ_ALREADY_USED: { message: 'Deze persoon heeft al een UiTPAS. Zoek de pashouder op in plaats van opnieuw te registreren.', field: 'inszNumber' },
  INVALID_CARD: { message: 'Kaart en kansenstatuut passen niet: een kansenpas hoort bij een pashouder met kansenstatuut, en omgekeerd.', field: 'uitpasNumber' },
  INVALID_CARD_STATUS: { message: 'Deze kaart is niet meer beschikbaar (niet in de voorraad van de balie). Neem een andere kaart.', field: 'uitpasNumber' },
  INVALID_CARD_STATUS_BLOCKED: { message: 'Deze kaart is geblokkeerd.', field: 'uitpasNumber' },
  INVALID_CARD_STATUS_DELETED: { message: 'Deze kaart is geschrapt. Neem een andere kaart.', field: 'uitpasNumber' },
  INVALID_CARD_STATUS_LOCAL_STOCK: { message: 'Deze kaart ligt nog in voorraad en is aan niemand toegekend.', field: 'uitpasNumber' },
  INVALID_CARD_STATUS_PROVISIONED: { message: 'Deze kaart is nog niet verdeeld. Neem een kaart uit de voorraad van deze balie.', field: 'uitpasNumber' },
  INVALID_CARD_STATUS_SENT_TO_BALIE: { message: 'Deze kaart is onderweg naar een balie en nog niet in voorraad. Neem een andere kaart.', field: 'uitpasNumber' },
  INVALID_CARD_STATUS_STOCK: { message: 'Deze kaart ligt nog in de centrale voorraad, niet aan een balie. Neem een kaart uit de voorraad van deze balie.', field: 'uitpasNumber' },
  INVALID_CITY_NAME: { message: 'Deze gemeente past niet bij de postcode. Controleer postcode en gemeente.', field: 'city' },
  INVALID_DATE_CONSTRAINTS: { message: 'De einddatum van het kansenstatuut mag niet na 31 december van volgend jaar liggen.', field: 'kansenStatuutEndDate' },
  INVALID_EMAIL_ADDRESS: { message: 'Dit e-mailadres is ongeldig: het moet een @ en een punt bevatten.', field: 'email' },
  // Also what production answers to a parameter it removed (DOC pashouders/opt-in-voorkeuren-aanpassen.md).
  INVALID_PARAMETERS: { message: 'UiTPAS aanvaardt deze combinatie van gegevens niet (meer). Meld het als het blijft gebeuren.', field: null },
  INVALID_NUMBER: { message: 'Dit nummer is ongeldig.', field: null },
  INVALID_VOUCHER_STATUS: { message: 'Deze voucher is al gebruikt.', field: 'voucherNumber' },
  KANSENSTATUUT_EXPIRED: { message: 'Het kansenstatuut van deze pashouder is verlopen.', field: null },
  MISSING_REQUIRED_FIELDS: { message: 'Er ontbreken verplichte gegevens. Vul de gemarkeerde velden in.', field: null },
  PARSE_INVALID_BIGDECIMAL: { message: 'Een getal is ongeldig.', field: null },
  PARSE_INVALID_BOOLEAN: { message: 'Een ja/nee-waarde is ongeldig.', field: null },
  PARSE_INVALID_CITY_NAME: { message: 'Deze gemeente is onbekend. Controleer de schrijfwijze.', field: 'city' },
  PARSE_INVALID_DATE: { message: 'Deze datum is ongeldig. Gebruik dd/mm/jjjj.', field: 'kansenStatuutEndDate' },
  PARSE_INVALID_DATE_OF_BIRTH: { message: 'De geboortedatum is ongeldig.', field: 'dateOfBirth' },
  PARSE_INVALID_GENDER: { message: 'Het geslacht is ongeldig.', field: 'gender' },
  PARSE_INVALID_INSZ: { message: 'Dit rijksregisternummer is ongeldig. Controleer de cijfers.', field: 'inszNumber' },
  PARSE_INVALID_POSTAL_CODE: { message: 'Deze postcode is ongeldig.', field: 'postalCode' },
  PARSE_INVALID_UITPAS_STATUS_CHANGE_REASON: { message: 'De reden voor de nieuwe kaart is ongeldig.', field: 'reason' },
  PARSE_INVALID_UITPASNUMBER: { message: 'Dit UiTPAS-nummer is ongeldig: 13 cijfers met een geldig controlecijfer.', field: 'uitpasNumber' },
  PARSE_INVALID_VOUCHERNUMBER: { message: 'Dit vouchernummer is ongeldig.', field: 'voucherNumber' },
  UNKNOWN_CARD: { message: 'Er bestaat geen UiTPAS met dit nummer. Controleer het nummer op de kaart.', field: 'uitpasNumber' },
  UNKNOWN_ASSOCIATION_ID: { message: 'Deze vereniging is onbekend.', field: null },
  UNKNOWN_BALIE_CONSUMERKEY: { message: 'UiTPAS kent de gekozen balie niet. Kies je balie opnieuw.', field: null },
  UNKNOWN_BALIE_NAME: { message: 'Deze balie is onbekend.', field: null },
  UNKNOWN_CARD_SYSTEM: { message: 'Dit kaartsysteem bestaat niet.', field: 'cardSystemId' },
  UNKNOWN_CHIPNUMBER: { message: 'Er bestaat geen kaart met dit chipnummer.', field: 'uitpasNumber' },
  UNKNOWN_IDENTIFICATION: { message: 'Niets gevonden voor dit nummer.', field: null },
  UNKNOWN_PASSHOLDER_ID: { message: 'Deze pashouder bestaat niet (meer). Zoek opnieuw.', field: null },
  UNKNOWN_PASSHOLDER_UID: { message: 'Deze pashouder bestaat niet (meer). Zoek opnieuw.', field: null },
  UNKNOWN_SCHOOL: { message: 'Deze school is onbekend.', field: 'schoolConsumerKey' },
  UNKNOWN_UITPASNUMBER: { message: 'Er is geen pashouder met dit UiTPAS-nummer.', field: 'uitpasNumber' },
  UNKNOWN_USER: { message: 'Je UiTiD-account is bij UiTPAS niet gekend. Vraag toegang aan je beheerder.', field: null },
  UNKNOWN_VOUCHER: { message: 'Deze voucher bestaat niet. Controleer het nummer.', field: 'voucherNumber' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type UitpasErrorCode = keyof typeof codes;

export function isKnownErrorCode(code: string): code is UitpasErrorCode {
  return Object.hasOwn(codes, code);
}

/** A code the table does not know still gets a message: the server's own text, never silence. */
export function errorCodeInfo(code: string, serverMessage: string): ErrorCodeInfo {
  if (isKnownErrorCode(code)) return codes[code];
  return { message: serverMessage ? `UiTPAS meldt: ${serverMessage}` : `UiTPAS weigerde dit (${code}).`, field: null };
}

export const documentedErrorCodes = Object.keys(codes) as UitpasErrorCode[];
