/**
 * The pass holder form's rules, the same the UiTPAS API applies, declared once:
 * the page shows them as the staff type, the main process checks them again
 * before anything is sent. A broken rule is a code; the page words it
 * (renderer/messages/), so main and page never disagree and main sends no text.
 */
import { isBelgianPostalCode, isEmailAddress, isIsoDate, isoDay, kansenStatuutEndDateProblem } from './fields';
import { inszProblem } from './insz';
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
  'kansenpas-needed',
  'kansenpas-without-kansenstatuut',
  'end-date-format',
  /** After the latest end date (latestKansenStatuutEndDate), which the page shows. */
  'end-date-too-late',
  /** The search field holds neither a UiTPAS number nor an INSZ. */
  'search-query',
  /** Joining a card system takes either the card system or a new card, not both or neither. */
  'card-system-or-card',
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
}

export function uitpasNumberError(value: string, kansenStatuut?: boolean): FieldProblem | undefined {
  const problem = uitpasNumberProblem(value);
  if (problem === 'format') return 'uitpas-number-format';
  if (problem === 'check-digit') return 'uitpas-number-check-digit';
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

/** What is wrong with the fields, per field; `required` lists the fields this operation cannot do without. */
export function passholderErrors(input: PassholderInput, required: readonly (keyof PassholderInput)[], today: Date): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of required) {
    const value = input[field];
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) errors[field] = 'required';
  }
  const has = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';
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
  if (has(input.postalCode) && !isBelgianPostalCode(input.postalCode)) errors.postalCode = 'postal-code-format';
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
