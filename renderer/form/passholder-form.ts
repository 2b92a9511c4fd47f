/**
 * The pass holder form as data: values, which came from the eID (and are still
 * as read), and field errors. Pure, so the rules about eID marks are tested
 * without a browser.
 */
import type { EidCard } from '../../electron/ipc/contract';
import { normaliseText } from '../../electron/rules/limits';
import { allowedOptIns, foreignResidentCity, isMinor, optInNames, optInsAllowed, type OptInName } from '../../electron/rules/passholder-rules';
import type { Problem } from '../texts';

/** Where a value came from: an eID whose signatures checked out, one that did not, or one still being checked. */
export type EidMark = 'verified' | 'unverified' | 'pending';

export const eidFields = ['name', 'firstName', 'secondName', 'inszNumber', 'dateOfBirth', 'gender', 'nationality', 'placeOfBirth', 'street', 'postalCode', 'city'] as const;
export type EidField = (typeof eidFields)[number];

export type FormValues = Record<string, string>;

export interface PassholderForm {
  values: FormValues;
  /** Fields whose value is exactly what the card said. */
  fromEid: ReadonlySet<string>;
  /** The read the marked fields came from; main vouches for it (or not) on submit. */
  eidReadId: string | null;
  errors: Partial<Record<string, Problem>>;
  /** How far the marked fields can be trusted: pending until main checked the National Register's signatures. */
  eidTrust: EidMark | null;
  /** Identity fields the last card left blank or could not be read from it: the staff must ask. */
  notFromEid: EidField[];
  /** The birth date exactly as on the card when it is partial (a year only): explained at the field. */
  partialDateOfBirth: string | null;
  /** Anything typed by the staff: leaving asks first. */
  dirty: boolean;
}

export function emptyForm(values: FormValues = {}): PassholderForm {
  return { values, fromEid: new Set(), eidReadId: null, errors: {}, dirty: false, eidTrust: null, notFromEid: [], partialDateOfBirth: null };
}

/** The card's identity and address go in; what the staff typed elsewhere stays. */
export function applyEid(form: PassholderForm, card: EidCard): PassholderForm {
  const values = { ...form.values };
  const fromEid = new Set<string>();
  const notFromEid: EidField[] = [];
  for (const field of eidFields) {
    const value = card.prefill[field];
    if (value === null || value === '') {
      notFromEid.push(field);
      continue;
    }
    values[field] = value;
    fromEid.add(field);
  }
  const errors = Object.fromEntries(Object.entries(form.errors).filter(([field]) => !fromEid.has(field)));
  const partialDateOfBirth = card.prefill.dateOfBirth === null && card.dateOfBirthRaw.trim() !== '' ? card.dateOfBirthRaw.trim() : null;
  return { ...form, values, fromEid, eidReadId: card.readId, errors, eidTrust: eidTrust(card), notFromEid, partialDateOfBirth };
}

/** The same read, now complete: its signatures decide how the marked fields look. */
export function noteEidCheck(form: PassholderForm, card: EidCard): PassholderForm {
  return card.readId === form.eidReadId ? { ...form, eidTrust: eidTrust(card) } : form;
}

function eidTrust(card: EidCard): EidMark {
  if (!card.complete) return 'pending';
  return card.prefill.verified ? 'verified' : 'unverified';
}

/** The mark a field shows: only while its value is still what the card said. */
export function eidMarkOf(form: PassholderForm, field: string): EidMark | undefined {
  return form.fromEid.has(field) && form.eidTrust ? form.eidTrust : undefined;
}

/** A typed change: the field no longer says what the card said, and its error goes until checked again. */
export function editField(form: PassholderForm, field: string, value: string): PassholderForm {
  const fromEid = new Set(form.fromEid);
  fromEid.delete(field);
  const errors = Object.fromEntries(Object.entries(form.errors).filter(([name]) => name !== field));
  return { ...form, values: { ...form.values, [field]: value }, fromEid, errors, dirty: true };
}

/** Trimmed values in NFC (the field rule main applies), empty ones left out: what goes to main. */
export function filledValues(values: FormValues): Record<string, string> {
  const filled: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) if (value.trim() !== '') filled[name] = normaliseText(value.trim());
  return filled;
}

/**
 * The register form's yes/no choices that the eID never fills: the five opt-ins
 * (today's replacement of the seed's e-mail/sms preferences), the terms of use
 * handed over, a parent's consent, and the INSZ exemptions (foreign resident, or
 * a balie that may register without INSZ).
 */
export interface RegistrationChoices {
  optIns: Record<OptInName, boolean>;
  legalTermsPaper: boolean;
  legalTermsDigital: boolean;
  parentalConsent: boolean;
  foreignResident: boolean;
  withoutInsz: boolean;
  /** The explicit "none" answers to the counter's questions (see unansweredQuestions); they never go to UiTPAS. */
  noContact: boolean;
  noOptIns: boolean;
  noLegalTerms: boolean;
}

export type { OptInName };

export function emptyChoices(): RegistrationChoices {
  return {
    optIns: Object.fromEntries(optInNames.map((name) => [name, false])) as Record<OptInName, boolean>,
    legalTermsPaper: false,
    legalTermsDigital: false,
    parentalConsent: false,
    foreignResident: false,
    withoutInsz: false,
    noContact: false,
    noOptIns: false,
    noLegalTerms: false,
  };
}

/** The counter's questions before a registration, each answered by a value or by its explicit "none" box. */
export const registrationQuestions = ['noContact', 'noOptIns', 'noLegalTerms'] as const;
export type RegistrationQuestion = (typeof registrationQuestions)[number];

/**
 * The questions the staff have not answered yet: contact (an e-mail or phone
 * number, or "none"), which messages (under 16 there is nothing to ask), and
 * the terms of use (handed over, e-mailed, or "not"). The real counter asks
 * them as steps of its wizard (uitpas-beheer-angular app/scripts/registration/,
 * its "no e-mail" confirmation box included); this one screen asks them before
 * it sends. The page's rule only: the answers "none" are not sent, so main
 * cannot check them.
 */
export function unansweredQuestions(choices: RegistrationChoices, values: FormValues, today: Date): RegistrationQuestion[] {
  const filled = (name: string) => (values[name] ?? '').trim() !== '';
  const answered: Record<RegistrationQuestion, boolean> = {
    noContact: choices.noContact || filled('email') || filled('telephone') || filled('gsm'),
    // Answered when none may go (under 16) or one that can reach the pass holder is ticked.
    noOptIns: choices.noOptIns || !optInsAllowed(values.dateOfBirth, today) || Object.values(allowedOptIns(choices.optIns, values.dateOfBirth, values, today)).some(Boolean),
    noLegalTerms: choices.noLegalTerms || choices.legalTermsPaper || choices.legalTermsDigital,
  };
  return registrationQuestions.filter((question) => !answered[question]);
}

/** What the choices add to the register request: opt-ins only when allowed for this age and able to reach the pass holder, city BUITENLAND for a foreign resident. */
export function choiceFields(choices: RegistrationChoices, values: FormValues, today: Date) {
  const foreignCity = values.foreignCity?.trim() ?? '';
  return {
    ...allowedOptIns(choices.optIns, values.dateOfBirth, values, today),
    legalTermsPaper: choices.legalTermsPaper,
    legalTermsDigital: choices.legalTermsDigital,
    ...(isMinor(values.dateOfBirth, today) ? { parentalConsent: choices.parentalConsent } : {}),
    ...(choices.foreignResident ? { city: foreignResidentCity, ...(foreignCity ? { foreignCity } : {}) } : {}),
    ...(choices.withoutInsz && !choices.foreignResident ? { withoutInsz: true } : {}),
  };
}
