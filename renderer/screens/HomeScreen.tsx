import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { BalieError, Passholder, PassholderSearch } from '../../electron/ipc/contract';
import { isEmailAddress, isIsoDate } from '../../electron/rules/fields';
import { inszProblem, normaliseInsz } from '../../electron/rules/insz';
import { hasInvisibleCharacter, normaliseText } from '../../electron/rules/limits';
import { uitpasNumberError, type FieldProblem } from '../../electron/rules/passholder-rules';
import { normaliseUitpasNumber } from '../../electron/rules/uitpas-number';
import { DemoEidControl } from '../components/DemoEidControl';
import { EidPanel } from '../components/EidPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { ReaderStatusPanel } from '../components/ReaderStatusPanel';
import { ScanNotice } from '../components/ScanNotice';
import { useApp } from '../context';
import { formatDate } from '../format/date';
import { focusField } from '../flows/focus';
import { problemText, texts, type Worded } from '../texts';

/** `criteria`: what a search by name asked, so "more results" can ask the next page (start, as SX Search/Query.php). */
type Found = { holders: Passholder[]; total: number; criteria?: PassholderSearch };

/** A name typed as the start of it finds everyone whose name starts so (the API's `*` wildcard); NFC, as main wants it. */
const startsWith = (value: string) => normaliseText(value.includes('*') ? value.trim() : `${value.trim()}*`);

/**
 * A scanned or typed number that cannot be anyone's: a UiTPAS number or an
 * INSZ whose check digits do not add up is said as the form says it (scan
 * again), not as "nobody found".
 */
function numberProblem(query: string): FieldProblem | undefined {
  const uitpasNumber = normaliseUitpasNumber(query);
  if (/^\d{13}$/.test(uitpasNumber)) return uitpasNumberError(uitpasNumber);
  const insz = normaliseInsz(query);
  if (/^\d{11}$/.test(insz) && inszProblem(insz) === 'check-digits') return 'insz-check-digits';
  return undefined;
}

/** The counter's start: a search field (typed or scanned), search by name, the eID, the readers. */
export function HomeScreen() {
  const { api, store } = useApp();
  const { readers, info, session, scan } = store();
  // What the balie may not do is not offered.
  const mayRegister = session?.balie?.cardSystems.some((system) => system.permissions.includes('registratie')) ?? false;
  const [query, setQuery] = useState('');
  const [person, setPerson] = useState<Record<string, string>>({ name: '', firstName: '', dateOfBirth: '', street: '', postalCode: '', city: '', email: '' });
  const [personErrors, setPersonErrors] = useState<Record<string, Worded>>({});
  const [found, setFound] = useState<Found | null>(null);
  const [failure, setFailure] = useState<{ error: BalieError; id: number } | null>(null);
  const [badNumber, setBadNumber] = useState<FieldProblem | null>(null);
  const results = useRef<HTMLUListElement>(null);
  const byNameForm = useRef<HTMLFormElement>(null);
  /** Which result takes the focus once the list has rendered, and the field to select again when there is none. */
  const focusAfterResults = useRef<{ index: number; from: HTMLElement | null } | null>(null);

  const show = (next: Found, from: HTMLElement | null) => {
    setFailure(null);
    setBadNumber(null);
    focusAfterResults.current = { index: 0, from };
    setFound(next);
  };
  // Focus goes to the first result once the list is on screen (after the render, not at a guessed frame), so
  // Enter opens it; with none, back to the field to try again.
  useEffect(() => {
    const wanted = focusAfterResults.current;
    if (!found || !wanted) return;
    focusAfterResults.current = null;
    const result = results.current?.querySelectorAll('button')[wanted.index];
    if (result) result.focus();
    else if (wanted.from instanceof HTMLInputElement) wanted.from.select();
  }, [found]);
  /** The notice is read out; the focus stays in the field, its text selected, so the next scan replaces it. */
  const fail = (error: BalieError, from: HTMLInputElement | null) => {
    setFound(null);
    setBadNumber(null);
    setFailure({ error, id: Date.now() });
    from?.select();
  };

  const search = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = event.currentTarget.querySelector('input');
    if (!query.trim()) return;
    // Letters only: a name, typed in the number field by habit. Anything with a digit is a number or a chip.
    if (!/\d/.test(query)) {
      const criteria = { name: startsWith(query) };
      const result = await api.searchPassholders(criteria);
      if (result.ok) show({ holders: result.value.passholders, total: result.value.total, criteria }, input);
      else fail(result.error, input);
      return;
    }
    const problem = numberProblem(query);
    // What an earlier scan or tap found is old news beside this number.
    store.setState((state) => ({ scan: { ...state.scan, outcome: undefined, error: undefined } }));
    setFound(null);
    setFailure(null);
    setBadNumber(problem ?? null);
    // The same path as a tapped card: a pass holder, a group pass, a card to register, or what to do.
    if (!problem) await store.routeScan(normaliseText(query).trim());
    input?.select();
  };

  const searchByName = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Record<string, Worded> = {};
    const email = person.email?.trim() ?? '';
    // An e-mail address finds one person on its own; otherwise the name (its start) is needed.
    if (!person.name?.trim() && !email) errors.name = { text: texts.home.byNameNeeds };
    if (email && !isEmailAddress(email)) errors.email = { text: texts.fieldProblems['email-invalid'] };
    for (const [field, value] of Object.entries(person)) if (hasInvisibleCharacter(value)) errors[field] = { text: texts.fieldProblems['invisible-character'] };
    if (person.dateOfBirth && !isIsoDate(person.dateOfBirth)) errors.dateOfBirth = { text: texts.home.badDate };
    setPersonErrors(errors);
    const firstError = Object.keys(errors)[0];
    if (firstError) {
      focusField(byNameForm.current, firstError);
      return;
    }
    // Name, first name, street and city from their start, as the real counter's search takes them (SX PassHolderController.php search).
    const fromStart = (['name', 'firstName', 'street', 'city'] as const).filter((name) => person[name]?.trim());
    const criteria = {
      ...Object.fromEntries(fromStart.map((name) => [name, startsWith(person[name] ?? '')])),
      ...(person.dateOfBirth ? { dateOfBirth: person.dateOfBirth } : {}),
      ...(person.postalCode?.trim() ? { postalCode: person.postalCode.trim() } : {}),
      ...(email ? { email } : {}),
    };
    const result = await api.searchPassholders(criteria);
    if (result.ok) show({ holders: result.value.passholders, total: result.value.total, criteria }, null);
    else fail(result.error, null);
  };

  /** The next page of the same search, added below; the focus goes to the first new result. */
  const more = async () => {
    if (!found?.criteria) return;
    const shown = found.holders.length;
    const result = await api.searchPassholders({ ...found.criteria, start: shown });
    if (!result.ok) {
      fail(result.error, null);
      return;
    }
    focusAfterResults.current = { index: shown, from: null };
    setFound({ ...found, holders: [...found.holders, ...result.value.passholders.filter((holder) => !found.holders.some((seen) => seen.uid === holder.uid))], total: result.value.total });
  };

  const digits = normaliseInsz(query);
  return (
    <main className="columns">
      <div>
        <section className="panel search" aria-labelledby="search-title">
          <h2 id="search-title" className="sr-only">
            {texts.home.search}
          </h2>
          <form role="search" onSubmit={(event) => void search(event)}>
            <label htmlFor="search">{texts.home.searchLabel}</label>
            <div className="inline">
              <input id="search" value={query} autoFocus inputMode="numeric" autoComplete="off" aria-describedby="search-hint" onChange={(event) => setQuery(event.target.value)} />
              <button type="submit" className="primary">
                {texts.home.search}
              </button>
            </div>
            <p className="hint" id="search-hint">
              {texts.home.searchHint}
            </p>
          </form>
          <form ref={byNameForm} role="search" aria-labelledby="by-name-title" onSubmit={(event) => void searchByName(event)} noValidate>
            <h3 id="by-name-title">{texts.home.byName}</h3>
            <p className="hint">{texts.home.byNameHint}</p>
            <div className="row compact">
              {(['name', 'firstName', 'dateOfBirth', 'street', 'postalCode', 'city', 'email'] as const).map((name) => (
                <Field
                  key={name}
                  name={name}
                  value={person[name] ?? ''}
                  onChange={(field, value) => setPerson((current) => ({ ...current, [field]: value }))}
                  type={name === 'dateOfBirth' ? 'date' : name === 'email' ? 'email' : 'text'}
                  inputMode={name === 'postalCode' ? 'numeric' : undefined}
                  {...(name === 'street' ? { label: texts.home.street } : {})}
                  error={personErrors[name]}
                />
              ))}
            </div>
            <div className="actions">
              <button type="submit">{texts.home.byName}</button>
              {mayRegister && (
                <button type="button" onClick={() => void store.go({ name: 'register', insz: digits.length === 11 ? digits : undefined })}>
                  {texts.home.register}
                </button>
              )}
            </div>
          </form>
          <div aria-live="polite">
            {scan.busy && <p className="hint">{texts.scan.busy}</p>}
            {!scan.busy && scan.error && <ErrorNotice key={scan.id} error={scan.error} takeFocus={false} />}
            {!scan.busy && scan.outcome && <ScanNotice key={scan.id} outcome={scan.outcome} />}
            {failure && <ErrorNotice key={failure.id} error={failure.error} takeFocus={false} />}
            {badNumber && (
              <p className="notice error" data-testid="search-problem">
                {problemText(badNumber)}
              </p>
            )}
            {found && found.holders.length === 0 && <p className="notice info">{texts.home.noNameResults}</p>}
            {found && found.holders.length > 0 && (
              <p className="hint">{found.total > found.holders.length ? texts.home.moreResults(found.holders.length, found.total) : texts.home.resultCount(found.holders.length)}</p>
            )}
          </div>
          {found && found.holders.length > 0 && (
            <ul ref={results} className="results" aria-label={texts.home.results}>
              {found.holders.map((holder) => (
                <li key={holder.uid}>
                  <button type="button" className="choice" onClick={() => void store.go({ name: 'passholder', passholder: holder })}>
                    <strong>
                      {holder.firstName} {holder.name}
                    </strong>{' '}
                    · {formatDate(holder.dateOfBirth) || '—'} · {[holder.postalCode, holder.city].filter(Boolean).join(' ')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {found?.criteria && found.total > found.holders.length && (
            <button type="button" onClick={() => void more()} data-testid="more-results">
              {texts.record.moreResults}
            </button>
          )}
        </section>
        <DemoEidControl />
      </div>
      <div>
        <EidPanel showRegister={mayRegister} />
        {readers && info && <ReaderStatusPanel status={readers} platform={info.platform} />}
      </div>
    </main>
  );
}
