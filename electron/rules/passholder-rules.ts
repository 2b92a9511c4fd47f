/**
 * The pass holder form's rules, the same the UiTPAS API applies, declared once:
 * the page shows them as the staff type, the main process checks them again
 * before anything is sent. Messages are Dutch and say what to fix.
 */
import { isBelgianPostalCode, isEmailAddress, isIsoDate, isoDay, kansenStatuutEndDateProblem, kansenStatuutExtensionProblem, latestKansenStatuutEndDate } from './fields';
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
}

const formatDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

export function uitpasNumberError(value: string, kansenStatuut?: boolean): string | undefined {
  const problem = uitpasNumberProblem(value);
  if (problem === 'format') return 'Een UiTPAS-nummer heeft 13 cijfers.';
  if (problem === 'check-digit') return 'Dit UiTPAS-nummer klopt niet (controlecijfer). Tik het opnieuw over of scan de kaart.';
  if (problem === 'kind-digit') return 'Dit is geen UiTPAS-nummer (het 12de cijfer is altijd 0 of 1). Tik het opnieuw over of scan de kaart.';
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

/** An extension of the kansenstatuut: later than today and than the current end date. */
export function kansenStatuutExtensionError(value: string, currentEnd: string | undefined, today: Date): string | undefined {
  const problem = kansenStatuutExtensionProblem(value, currentEnd, today);
  if (problem === 'past') return 'Deze datum is al voorbij. Kies een einddatum in de toekomst.';
  if (problem === 'not-later' && currentEnd) return `Het kansenstatuut loopt al tot ${formatDate(currentEnd)}. Kies een latere einddatum.`;
  return problem ? kansenStatuutEndDateError(value, today) : undefined;
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
  if (has(input.postalCode) && !isBelgianPostalCode(input.postalCode)) errors.postalCode = 'Een Belgische postcode heeft 4 cijfers.';
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
