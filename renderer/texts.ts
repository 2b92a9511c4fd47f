/**
 * The module screens take their words from: `texts` is the catalogue of the
 * workstation's language (renderer/messages/), and the functions below word
 * what main sends as codes (errors, field rules, eID causes).
 *
 * `texts` is an ES live binding: setLanguage re-assigns it, and every import
 * sees the new catalogue. The store calls setLanguage when the session says
 * which language this workstation uses, before the app re-renders; main.tsx
 * keeps `<html lang>` in step.
 */
import type { BalieError, EidReadCause, Language, SessionView, UitpasErrorCode, UpdateNoticeView } from '../electron/ipc/contract';
import { latestKansenStatuutEndDate } from '../electron/rules/fields';
import type { FieldProblem } from '../electron/rules/passholder-rules';
import { fr } from './messages/fr';
import { nl, type Messages } from './messages/nl';

export const catalogues: Readonly<Record<Language, Messages>> = { nl, fr };

export let texts: Messages = nl;
export let language: Language = 'nl';

/**
 * The page's language: the one staff or the policy chose; until then the PC's
 * own (a French PC in French, a Dutch one in Dutch), Dutch for any other.
 */
export function sessionLanguage(session: Pick<SessionView, 'language' | 'sources'>, pcLocales: readonly string[]): Language {
  // A session view that does not say where its language came from (a test's stand-in) counts as chosen.
  const sources = session.sources as Partial<SessionView['sources']> | undefined;
  if (sources?.language !== 'default') return session.language;
  return pcLocales[0]?.toLowerCase().startsWith('fr') ? 'fr' : 'nl';
}

/** The PC's languages, first the one it is set to (none where there is no browser: the store's tests in Node). */
export function pcLocales(): readonly string[] {
  // Through globalThis: this module is type-checked for main too, which has no DOM.
  return (globalThis as { navigator?: { languages: readonly string[] } }).navigator?.languages ?? [];
}

export function setLanguage(next: Language): void {
  texts = catalogues[next];
  language = next;
}

/** What a form field shows: a rule the page checked itself, or an error main answered with. */
/** Text the page worded itself (a card check's verdict), shown at a field like a rule's or main's problem. */
export interface Worded {
  text: string;
}

export type Problem = FieldProblem | BalieError | Worded;

/** A BalieError in the staff member's words, with what to do. */
export function errorText(error: BalieError): string {
  const text = error.code === 'invalid-field' && error.problem ? fieldProblemText(error.problem) : codeText(error);
  return error.outcomeUnknown ? `${text} ${texts.errors.outcomeUnknown}` : text;
}

export function problemText(problem: Problem): string {
  if (typeof problem === 'string') return fieldProblemText(problem);
  return 'text' in problem ? problem.text : errorText(problem);
}

/** The card's document type (a Belgian identity card, a Kids-ID, a foreigner card A–M, EU, EU+ ...). */
export function documentTypeText(code: number): string {
  return texts.eid.documentTypes[code] ?? texts.eid.unknownDocumentType(code);
}

export function eidFailureText(cause: EidReadCause): string {
  return texts.eidCauses[cause];
}

/** What the release feed said, for staff; `currentVersion` is this build's. */
export function updateNoticeText(view: UpdateNoticeView, currentVersion: string): string {
  return texts.update.notices[view.notice](view, currentVersion);
}

function codeText(error: BalieError): string {
  if (error.code === 'uitpas-rejected' && error.apiCode) {
    if (Object.hasOwn(texts.uitpasCodes, error.apiCode)) return texts.uitpasCodes[error.apiCode as UitpasErrorCode];
    return error.serverMessage ? texts.errors.serverSays(error.serverMessage) : texts.errors.rejectedWithCode(error.apiCode);
  }
  const entry = texts.errors.codes[error.code];
  return typeof entry === 'function' ? entry(error) : entry;
}

function fieldProblemText(problem: FieldProblem): string {
  const entry = texts.fieldProblems[problem];
  return typeof entry === 'function' ? entry(latestKansenStatuutEndDate(new Date()).split('-').reverse().join('/')) : entry;
}
