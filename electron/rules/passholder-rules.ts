/**
 * The pass holder form's rules, the same the UiTPAS API applies, declared once:
 * the page shows them as the staff type, the main process checks them again
 * before anything is sent. A broken rule is a code; the page words it
 * (renderer/messages/), so main and page never disagree and main sends no text.
 */
import { ageOn, isBelgianPostalCode, isEmailAddress, isIsoDate, isoDay, kansenStatuutEndDateProblem, kansenStatuutExtensionProblem } from './fields';
import { inszProblem } from './insz';
import { hasInvisibleCharacter } from './limits';
import { isKansenpas, uitpasNumberProblem } from './uitpas-number';

export const fieldProblems = [
  'required',
  'required-with-kansenstatuut',
  'date-of-birth-invalid',
  'insz-format',
  'insz-check-digits',
  'insz-date-of-birth',
  'insz-gender',
  'postal-code-format',
  'email-invalid',
  'uitpas-number-format',
  'uitpas-number-check-digit',
  /** The 12th digit of a UiTPAS number is 0 or 1 (1: a kansenpas). */
  'uitpas-number-kind-digit',
  'kansenpas-needed',
  'kansenpas-without-kansenstatuut',
  'end-date-format',
  /** After the latest end date (latestKansenStatuutEndDate), which the page shows. */
  'end-date-too-late',
  /** An extension that ends today or earlier. */
  'end-date-past',
  /** An extension that does not end after the current end date. */
  'end-date-not-later',
  /** The search field holds neither a UiTPAS number, an INSZ nor a chip number. */
  'search-query',
  /** A search by name etc. without a single criterion. */
  'search-criteria',
  /** The activities of a chosen day, without a valid day (YYYY-MM-DD). */
  'activity-date',
  /** Opt-ins are false under 16 (optInMinimumAge). */
  'opt-in-under-16',
  'parental-consent-required',
  /** The terms of use go by e-mail only to an e-mail address. */
  'legal-terms-digital-needs-email',
  /** A pass holder living abroad cannot get the kansenstatuut. */
  'foreign-resident-kansenstatuut',
  /** Joining a card system takes either the card system or a new card, not both or neither. */
  'card-system-or-card',
  /** A format, private-use or filler character (hasInvisibleCharacter), often pasted along unseen. */
  'invisible-character',
] as const;

export type FieldProblem = (typeof fieldProblems)[number];

export type FieldErrors = Partial<Record<string, FieldProblem>>;

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

export type OptInName = (typeof optInNames)[number];
export type OptInChoices = Record<OptInName, boolean>;

/** Where a pass holder can be reached: the e-mail address and the mobile number (the API's gsm). */
export interface Reach {
  email?: string;
  gsm?: string;
}

const mailOptIns: readonly OptInName[] = ['optInServiceMails', 'optInMilestoneMails', 'optInInfoMails'];

/**
 * Whether an opt-in can reach anyone: the three mail opt-ins need an e-mail address, SMS a mobile number. The real
 * counter switches them off otherwise (NG app/scripts/passholder/edit.controller.js mailChange and
 * mobileNumberChange; the boxes are disabled in app/views/passholder/modal-passholder-edit-contact.html, and in
 * app/views/registration/opt-ins-data-step.html for e-mail left out and for SMS without a mobile number).
 */
export function optInReachable(name: OptInName, reach: Reach): boolean {
  if (mailOptIns.includes(name)) return (reach.email ?? '').trim() !== '';
  if (name === 'optInSms') return (reach.gsm ?? '').trim() !== '';
  return true;
}

/** The five opt-ins as they may go: each false under 16 (or at an unknown age), and each that cannot reach anyone. */
export function allowedOptIns(chosen: Partial<OptInChoices>, dateOfBirth: string | undefined, reach: Reach, today: Date): OptInChoices {
  const mayOptIn = optInsAllowed(dateOfBirth, today);
  return Object.fromEntries(optInNames.map((name) => [name, mayOptIn && optInReachable(name, reach) && chosen[name] === true])) as OptInChoices;
}

/** Whether opt-ins may be offered: not under 16; unknown age (no date yet) may not either. */
export function optInsAllowed(dateOfBirth: string | undefined, today: Date): boolean {
  const age = dateOfBirth ? ageOn(dateOfBirth, today) : null;
  return age !== null && age >= optInMinimumAge;
}

export function isMinor(dateOfBirth: string | undefined, today: Date): boolean {
  const age = dateOfBirth ? ageOn(dateOfBirth, today) : null;
  return age !== null && age < adultAge;
}

export function uitpasNumberError(value: string, kansenStatuut?: boolean): FieldProblem | undefined {
  const problem = uitpasNumberProblem(value);
  if (problem === 'format') return 'uitpas-number-format';
  if (problem === 'check-digit') return 'uitpas-number-check-digit';
  if (problem === 'kind-digit') return 'uitpas-number-kind-digit';
  if (kansenStatuut === true && !isKansenpas(value)) return 'kansenpas-needed';
  if (kansenStatuut === false && isKansenpas(value)) return 'kansenpas-without-kansenstatuut';
  return undefined;
}

export function kansenStatuutEndDateError(value: string, today: Date): FieldProblem | undefined {
  const problem = kansenStatuutEndDateProblem(value, today);
  if (problem === 'format') return 'end-date-format';
  if (problem === 'too-late') return 'end-date-too-late';
  return undefined;
}

/** An extension of the kansenstatuut: later than today and than the current end date. */
export function kansenStatuutExtensionError(value: string, currentEnd: string | undefined, today: Date): FieldProblem | undefined {
  const problem = kansenStatuutExtensionProblem(value, currentEnd, today);
  if (problem === 'past') return 'end-date-past';
  if (problem === 'not-later') return 'end-date-not-later';
  return problem ? kansenStatuutEndDateError(value, today) : undefined;
}

/** What is wrong with the fields, per field; `required` lists the fields this operation cannot do without. */
export function passholderErrors(input: PassholderInput, required: readonly (keyof PassholderInput)[], today: Date): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of required) {
    const value = input[field];
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) errors[field] = 'required';
  }
  const has = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';
  // Every text field, also those without a rule of their own (street, telephone, moreInfo…).
  for (const [field, value] of Object.entries(input)) {
    if (typeof value === 'string' && hasInvisibleCharacter(value, field === 'moreInfo')) errors[field] = 'invisible-character';
  }
  if (has(input.dateOfBirth) && (!isIsoDate(input.dateOfBirth) || input.dateOfBirth > isoDay(today))) {
    errors.dateOfBirth = 'date-of-birth-invalid';
  }
  if (has(input.inszNumber)) {
    const problem = inszProblem(input.inszNumber, { dateOfBirth: input.dateOfBirth, gender: input.gender });
    if (problem === 'format') errors.inszNumber = 'insz-format';
    if (problem === 'check-digits') errors.inszNumber = 'insz-check-digits';
    if (problem === 'date-of-birth') errors.inszNumber = 'insz-date-of-birth';
    if (problem === 'gender') errors.inszNumber = 'insz-gender';
  }
  // A foreign resident's postal code is their country's: only a Belgian one has a known form.
  if (has(input.postalCode) && !isForeignResident(input) && !isBelgianPostalCode(input.postalCode)) errors.postalCode = 'postal-code-format';
  if (has(input.email) && !isEmailAddress(input.email)) errors.email = 'email-invalid';
  if (has(input.uitpasNumber)) {
    const error = uitpasNumberError(input.uitpasNumber, input.kansenStatuut);
    if (error) errors.uitpasNumber = error;
  }
  if (input.kansenStatuut && !has(input.kansenStatuutEndDate)) errors.kansenStatuutEndDate = 'required-with-kansenstatuut';
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
    if (chosen) errors[chosen] = 'opt-in-under-16';
  }
  if (isMinor(input.dateOfBirth, today) && input.parentalConsent !== true) errors.parentalConsent = 'parental-consent-required';
  if (input.legalTermsDigital === true && !input.email?.trim()) errors.legalTermsDigital = 'legal-terms-digital-needs-email';
  if (isForeignResident(input) && input.kansenStatuut === true) errors.kansenStatuut = 'foreign-resident-kansenstatuut';
  return errors;
}
