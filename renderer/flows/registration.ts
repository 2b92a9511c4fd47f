/**
 * The register form as a store slice: what the staff typed and chose, which
 * eID it came from, and the named transitions between those states. Pure
 * functions of the slice, so "a change of citizen drops everything the
 * previous one gave" is one transition, tested without a browser; the store
 * binds them (store.ts) and the screen renders and dispatches.
 */
import type { BalieError, EidCard } from '../../electron/ipc/contract';
import { defaultKansenStatuutEndDate } from '../../electron/rules/fields';
import { normaliseInsz } from '../../electron/rules/insz';
import { optInNames, optInReachable, optInsAllowed, registrationRequired } from '../../electron/rules/passholder-rules';
import {
  applyEid,
  editField,
  emptyChoices,
  emptyForm,
  noteEidCheck,
  unansweredQuestions,
  type OptInName,
  type PassholderForm,
  type RegistrationChoices,
  type RegistrationQuestion,
} from '../form/passholder-form';

export interface Registration {
  form: PassholderForm;
  choices: RegistrationChoices;
  kansenStatuut: boolean;
  /** Main stores the eID photo it read itself, unless staff untick it for this citizen; the balie setting is the default. */
  storePhoto: boolean;
  /** Sending was tried: from then on the questions still unanswered are marked. */
  tried: boolean;
  /** Another citizen's eID, read over what the staff gave for the one in the form: it waits for their answer. */
  pendingCard: EidCard | null;
  /** Counts card numbers scanned or tapped into the form; the screen checks the card on each. */
  scans: number;
  /** A card tapped on the form that UiTPAS does not know, or whose look-up failed: said beside the card field until the card field changes. */
  unresolvedTap: UnresolvedTap | null;
  /** The choices before the last answer picked with a key, and when (the key's timeStamp): a scan that began with that key undoes it. */
  lastAnswer: { at: number; choices: RegistrationChoices } | null;
  sending: boolean;
  /** The last failure of a send; `outcomeUnknown` ones wait for the look-up. */
  failure: { error: BalieError; id: number } | null;
  waitForLookUp: boolean;
}

export type UnresolvedTap = { id: number } & ({ unknown: string; chip: boolean } | { error: BalieError });

export interface RegistrationStart {
  insz?: string;
  uitpasNumber?: string;
  card?: EidCard;
  storePhoto: boolean;
}

/** A fresh form: a scanned card from this balie's stock and an eID already read go in at once. */
export function startRegistration({ insz, uitpasNumber, card, storePhoto }: RegistrationStart): Registration {
  const start = emptyForm({ ...(insz ? { inszNumber: insz } : {}), ...(uitpasNumber ? { uitpasNumber } : {}) });
  return {
    form: card ? applyEid(start, card) : start,
    choices: emptyChoices(),
    kansenStatuut: false,
    storePhoto,
    tried: false,
    pendingCard: null,
    scans: 0,
    unresolvedTap: null,
    lastAnswer: null,
    sending: false,
    failure: null,
    waitForLookUp: false,
  };
}

/** The citizen the form is about, by INSZ, or null while it holds nobody's identity yet. */
function personOf(form: PassholderForm): string | null {
  const insz = normaliseInsz(form.values.inszNumber ?? '');
  if (insz) return insz;
  return form.values.name?.trim() || form.values.firstName?.trim() ? `${form.values.firstName ?? ''} ${form.values.name ?? ''}` : null;
}

/** Whether the staff gave anything themselves: typing, a tick, the kansenstatuut. */
export function staffGaveSomething(state: Registration): boolean {
  const choices = emptyChoices();
  const ticked = JSON.stringify(state.choices) !== JSON.stringify(choices);
  return state.form.dirty || ticked || state.kansenStatuut;
}

/**
 * A new eID read while the form is open. The same read completing only says
 * how far to trust it; the same citizen read again refreshes the identity; a
 * first citizen fills the form and keeps what was given before (a card
 * scanned first). Another citizen is a change of person: done at once when
 * the staff gave nothing, asked first otherwise.
 */
export function eidArrived(state: Registration, card: EidCard): Registration {
  if (card.readId === state.form.eidReadId) return { ...state, form: noteEidCheck(state.form, card) };
  const before = personOf(state.form);
  const incoming = normaliseInsz(card.prefill.inszNumber);
  if (before === null || (incoming !== '' && before === incoming)) return { ...state, form: applyEid(state.form, card), pendingCard: null };
  // While a send is on its way or its lost answer waits for the look-up, the form stays this citizen's: the answer
  // and the look-up speak of them. The other eID stays in the panel.
  if (state.sending || state.waitForLookUp) return state;
  if (staffGaveSomething(state)) return { ...state, pendingCard: card };
  return personChanged(state, card);
}

/**
 * More of an eID already in its reader: the rest of a read (its signatures),
 * or the same citizen read again without the card leaving. The form takes it
 * only when it is about that read or that citizen; for anyone else it is no
 * arrival at all.
 */
export function eidReread(state: Registration, card: EidCard): Registration {
  if (card.readId === state.form.eidReadId) return { ...state, form: noteEidCheck(state.form, card) };
  const incoming = normaliseInsz(card.prefill.inszNumber);
  return incoming !== '' && personOf(state.form) === incoming ? { ...state, form: applyEid(state.form, card) } : state;
}

/**
 * Another citizen: nothing of the previous one stays (contact, opt-ins, terms,
 * card number, kansenstatuut, remarks); the new eID fills the form. The photo
 * choice goes back to the balie's default.
 */
export function personChanged(state: Registration, card: EidCard, defaultStorePhoto = state.storePhoto): Registration {
  // The scan count runs on: the screen checks a card on each new scan, never again for an old one.
  return { ...startRegistration({ card, storePhoto: defaultStorePhoto }), scans: state.scans };
}

/** The staff's answer to "another citizen's eID": replace (a change of person) or keep the form as it is. */
export function pendingAnswered(state: Registration, replace: boolean, defaultStorePhoto: boolean): Registration {
  if (!state.pendingCard) return state;
  return replace ? personChanged(state, state.pendingCard, defaultStorePhoto) : { ...state, pendingCard: null };
}

export function fieldTyped(state: Registration, name: string, value: string): Registration {
  const next = { ...state, form: editField(state.form, name, value) };
  // A tap notice speaks of what was (not) put in the card field: a new number there makes it old.
  return name === 'uitpasNumber' ? { ...next, unresolvedTap: null } : next;
}

/** A card number scanned or tapped into the open form: it replaces what was there and is checked like a typed one. */
export function cardScanned(state: Registration, uitpasNumber: string): Registration {
  const form = editField(state.form, 'uitpasNumber', uitpasNumber);
  return { ...state, form, scans: state.scans + 1, unresolvedTap: null };
}

/**
 * A card tapped on the open form that leads nowhere: UiTPAS does not know it, or
 * the look-up failed. The form stays as it is (nothing to leave it for), and says so beside the card field.
 */
export function tapUnresolved(state: Registration, tap: UnresolvedTap): Registration {
  return { ...state, unresolvedTap: tap };
}

export function choicesChanged(state: Registration, choices: RegistrationChoices): Registration {
  return { ...state, choices };
}

/** The kansenstatuut on or off; on, it proposes the default end date when none was given. */
export function kansenStatuutSet(state: Registration, on: boolean, today: Date): Registration {
  const form = on && !state.form.values.kansenStatuutEndDate ? editField(state.form, 'kansenStatuutEndDate', defaultKansenStatuutEndDate(today)) : state.form;
  return { ...state, kansenStatuut: on, form };
}

export function storePhotoSet(state: Registration, storePhoto: boolean): Registration {
  return { ...state, storePhoto };
}

/** One of the question groups' answers, as its key picks it (see answerKeys). */
export type Answer = 'noContact' | 'noOptIns' | 'noLegalTerms' | 'legalTermsPaper' | 'legalTermsDigital' | OptInName;

const noOptIns = () => Object.fromEntries(optInNames.map((name) => [name, false])) as Record<OptInName, boolean>;

/**
 * An answer picked with its key: a "none" clears the group's other answers and
 * a positive answer clears its "none" (as ticking the boxes does); a message
 * opt-in toggles, so several can be chosen.
 */
export function answerQuestion(state: Registration, answer: Answer, at: number): Registration {
  const choices = { ...state.choices };
  if (answer === 'noContact') choices.noContact = !choices.noContact;
  else if (answer === 'noOptIns') Object.assign(choices, { noOptIns: !choices.noOptIns, ...(choices.noOptIns ? {} : { optIns: noOptIns() }) });
  else if (answer === 'noLegalTerms') Object.assign(choices, { noLegalTerms: !choices.noLegalTerms, ...(choices.noLegalTerms ? {} : { legalTermsPaper: false, legalTermsDigital: false }) });
  else if (answer === 'legalTermsPaper' || answer === 'legalTermsDigital') Object.assign(choices, { [answer]: !choices[answer], noLegalTerms: false });
  else {
    const on = !choices.optIns[answer];
    Object.assign(choices, { optIns: { ...choices.optIns, [answer]: on }, ...(on ? { noOptIns: false } : {}) });
  }
  return { ...state, choices, lastAnswer: { at, choices: state.choices } };
}

/**
 * A scan began on a question's box (catch-scans.ts): its first digit, taken for
 * an answer at `since`, was the card number's. The answer is undone; the citizen
 * never gave it.
 */
export function scanOverAnswer(state: Registration, since: number): Registration {
  if (!state.lastAnswer || state.lastAnswer.at < since) return state;
  return { ...state, choices: state.lastAnswer.choices, lastAnswer: null };
}

/**
 * The keys of each question group (shown beside its answers): 0 is always
 * "none"; the message opt-ins are 1–5 in their order, the terms 1 (paper) and
 * 2 (e-mail). Digits, so they are the same in Dutch and French.
 */
export const answerKeys: Record<RegistrationQuestion, Record<string, Answer>> = {
  noContact: { '0': 'noContact' },
  noOptIns: { '0': 'noOptIns', ...Object.fromEntries(optInNames.map((name, index) => [String(index + 1), name])) },
  noLegalTerms: { '0': 'noLegalTerms', '1': 'legalTermsPaper', '2': 'legalTermsDigital' },
};

/** The key that picks an answer, for its visible shortcut. */
export function keyOf(answer: Answer): string | undefined {
  for (const keys of Object.values(answerKeys)) for (const [key, picked] of Object.entries(keys)) if (picked === answer) return key;
  return undefined;
}

/** Whether an answer settles its question by itself (a "none" or a term): then the focus moves on to the next. */
export function answerCloses(answer: Answer): boolean {
  return !(optInNames as readonly string[]).includes(answer);
}

/**
 * Where the focus goes next: the first required field still empty (the card
 * number first), then the first question not answered yet, then the send
 * button. Field names, as the form's controls carry them.
 */
export function nextStop(state: Registration, today: Date): string {
  const values = state.form.values;
  const empty = registrationRequired.find((field) => !(values[field] ?? '').trim() && !(field === 'inszNumber' && (state.choices.withoutInsz || state.choices.foreignResident)));
  if (empty) return empty;
  const [question] = unansweredQuestions(state.choices, values, today);
  if (question === 'noContact') return 'email';
  // The first message that can reach the citizen (an e-mail opt-in needs an e-mail address), else "no messages".
  if (question === 'noOptIns') return (optInsAllowed(values.dateOfBirth, today) && optInNames.find((name) => optInReachable(name, values))) || 'noOptIns';
  if (question === 'noLegalTerms') return 'legalTermsPaper';
  return 'submit';
}

export function sendTried(state: Registration, errors: PassholderForm['errors']): Registration {
  return { ...state, tried: true, form: { ...state.form, errors } };
}

export function sendStarted(state: Registration): Registration {
  return { ...state, tried: true, sending: true, failure: null };
}

/** The send ended without a registration: a field's error goes to its field, anything else to the action bar. */
export function sendFailed(state: Registration, error: BalieError, id: number): Registration {
  if (error.field) return { ...state, sending: false, form: { ...state.form, errors: { ...state.form.errors, [error.field]: error } } };
  return { ...state, sending: false, failure: { error, id }, waitForLookUp: error.outcomeUnknown === true };
}

/** The look-up found the registration had not arrived: sending is offered again. */
export function lookUpSettled(state: Registration): Registration {
  return { ...state, waitForLookUp: false };
}
