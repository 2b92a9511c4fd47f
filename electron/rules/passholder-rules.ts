/**
 * The pass holder form's rules, the same the UiTPAS API applies, declared once:
 * the page shows them as the staff type, the main process checks them again
 * before anything is sent. Messages are Dutch and say what to fix.
 */
import { ageOn, isBelgianPostalCode, isEmailAddress, isIsoDate, isoDay, kansenStatuutEndDateProblem, latestKansenStatuutEndDate } from './fields';
import { inszProblem } from './insz';
import { isKansenpas, uitpasNumberProblem } from './uitpas-number';

export type FieldErrors = Partial<Record<string, string>>;

export interface PassholderInput {
  name?: string;
  firstName?: string;
  inszNumber?: string;
  dateOfBirth?: string;
  gender?: string;
  postalCode?: string;
  city?: string;
  email?: string;
  uitpasNumber?: string;
  kansenStatuut?: boolean;
  kansenStatuutEndDate?: string;
  foreignCity?: string;
  optInServiceMails?: boolean;
  optInMilestoneMails?: boolean;
  optInInfoMails?: boolean;
  optInSms?: boolean;
  optInPost?: boolean;
  legalTermsPaper?: boolean;
  legalTermsDigital?: boolean;
  parentalConsent?: boolean;
}

/**
 * What city a foreign resident's registration carries; the real place goes in foreignCity
 * (DOC pashouders/registreren-van-een-pashouder.md, inszNumber row; CF Uitpas/Passholder.php foreignCity).
 */
export const foreignResidentCity = 'BUITENLAND';

export const isForeignResident = (input: { city?: string }) => input.city?.trim().toUpperCase() === foreignResidentCity;

/** Opt-ins must be false under this age (DOC registreren-van-een-pashouder.md, optIn* rows, 2021-04). */
export const optInMinimumAge = 16;
/** Parental consent is asked for a minor (DOC registreren-van-een-pashouder.md, parentalConsent row). */
export const adultAge = 18;

/** The five opt-ins' API names (DOC uitpas_api/latest/pashouders/registreren-van-een-pashouder.md), declared once. */
export const optInNames = ['optInServiceMails', 'optInMilestoneMails', 'optInInfoMails', 'optInSms', 'optInPost'] as const;

/** Whether opt-ins may be offered: not under 16; unknown age (no date yet) may not either. */
export function optInsAllowed(dateOfBirth: string | undefined, today: Date): boolean {
  const age = dateOfBirth ? ageOn(dateOfBirth, today) : null;
  return age !== null && age >= optInMinimumAge;
}

export function isMinor(dateOfBirth: string | undefined, today: Date): boolean {
  const age = dateOfBirth ? ageOn(dateOfBirth, today) : null;
  return age !== null && age < adultAge;
}

const formatDate = (iso: string) => iso.split('-').reverse().join('/');

export function uitpasNumberError(value: string, kansenStatuut?: boolean): string | undefined {
  const problem = uitpasNumberProblem(value);
  if (problem === 'format') return 'Een UiTPAS-nummer heeft 13 cijfers.';
  if (problem === 'check-digit') return 'Dit UiTPAS-nummer klopt niet (controlecijfer). Tik het opnieuw over of scan de kaart.';
  if (kansenStatuut === true && !isKansenpas(value)) return 'Met kansenstatuut hoort een kansenpas (het 12de cijfer is 1).';
  if (kansenStatuut === false && isKansenpas(value)) return 'Dit is een kansenpas: zet kansenstatuut aan, of neem een gewone kaart.';
  return undefined;
}

export function kansenStatuutEndDateError(value: string, today: Date): string | undefined {
  const problem = kansenStatuutEndDateProblem(value, today);
  if (problem === 'format') return 'Vul een geldige einddatum in.';
  if (problem === 'too-late') return `De einddatum mag niet na ${formatDate(latestKansenStatuutEndDate(today))} liggen.`;
  return undefined;
}

/** What is wrong with the fields, per field; `required` lists the fields this operation cannot do without. */
export function passholderErrors(input: PassholderInput, required: readonly (keyof PassholderInput)[], today: Date): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of required) {
    const value = input[field];
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) errors[field] = 'Verplicht.';
  }
  const has = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';
  if (has(input.dateOfBirth) && (!isIsoDate(input.dateOfBirth) || input.dateOfBirth > isoDay(today))) {
    errors.dateOfBirth = 'Vul een geldige geboortedatum in.';
  }
  if (has(input.inszNumber)) {
    const problem = inszProblem(input.inszNumber, { dateOfBirth: input.dateOfBirth, gender: input.gender });
    if (problem === 'format') errors.inszNumber = 'Een rijksregisternummer heeft 11 cijfers.';
    if (problem === 'check-digits') errors.inszNumber = 'Dit rijksregisternummer klopt niet (controlecijfers).';
    if (problem === 'date-of-birth') errors.inszNumber = 'Het rijksregisternummer past niet bij de geboortedatum.';
    if (problem === 'gender') errors.inszNumber = 'Het rijksregisternummer past niet bij het geslacht.';
  }
  // A foreign resident's postal code is their country's: only a Belgian one has a known form.
  if (has(input.postalCode) && !isForeignResident(input) && !isBelgianPostalCode(input.postalCode)) errors.postalCode = 'Een Belgische postcode heeft 4 cijfers.';
  if (has(input.email) && !isEmailAddress(input.email)) errors.email = 'Dit e-mailadres is ongeldig.';
  if (has(input.uitpasNumber)) {
    const error = uitpasNumberError(input.uitpasNumber, input.kansenStatuut);
    if (error) errors.uitpasNumber = error;
  }
  if (input.kansenStatuut && !has(input.kansenStatuutEndDate)) errors.kansenStatuutEndDate = 'Verplicht bij kansenstatuut.';
  if (has(input.kansenStatuutEndDate)) {
    const error = kansenStatuutEndDateError(input.kansenStatuutEndDate, today);
    if (error) errors.kansenStatuutEndDate = error;
  }
  return errors;
}

export const registrationRequired = ['name', 'firstName', 'inszNumber', 'dateOfBirth', 'postalCode', 'city', 'uitpasNumber'] as const;

/** The INSZ may be left out for a foreign resident, or when the staff says so for a balie allowed to (UiTPAS checks the right). */
export function registrationRequiredFields(input: PassholderInput & { withoutInsz?: boolean }): readonly (keyof PassholderInput)[] {
  const exempt = isForeignResident(input) || input.withoutInsz === true;
  const fields: (keyof PassholderInput)[] = registrationRequired.filter((field) => !(exempt && field === 'inszNumber'));
  if (isForeignResident(input)) fields.push('foreignCity');
  return fields;
}

/**
 * Everything the register operation checks, as the form and the main process both apply it: the fields,
 * the INSZ exemption, opt-ins false under 16, parental consent for a minor, the terms sent by e-mail only with an e-mail address,
 * and a foreign resident never with the kansenstatuut (DOC baf253c, registreren-van-een-pashouder.md).
 */
export function registrationErrors(input: PassholderInput & { withoutInsz?: boolean }, today: Date): FieldErrors {
  const errors = passholderErrors(input, registrationRequiredFields(input), today);
  if (!optInsAllowed(input.dateOfBirth, today)) {
    const chosen = optInNames.find((field) => input[field] === true);
    if (chosen) errors[chosen] = `Niet mogelijk onder ${optInMinimumAge} jaar: zet dit uit.`;
  }
  if (isMinor(input.dateOfBirth, today) && input.parentalConsent !== true) errors.parentalConsent = 'Verplicht voor een minderjarige: vraag toestemming aan een ouder of voogd.';
  if (input.legalTermsDigital === true && !input.email?.trim()) errors.legalTermsDigital = 'De voorwaarden per e-mail sturen kan alleen met een e-mailadres.';
  if (isForeignResident(input) && input.kansenStatuut === true) errors.kansenStatuut = 'Een pashouder uit het buitenland kan geen kansenstatuut krijgen.';
  return errors;
}
