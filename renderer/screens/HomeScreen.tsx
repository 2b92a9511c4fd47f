import { useState, type SubmitEvent } from 'react';
import type { BalieError, Passholder } from '../../electron/ipc/contract';
import { DemoEidControl } from '../components/DemoEidControl';
import { EidPanel } from '../components/EidPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { ReaderStatusPanel } from '../components/ReaderStatusPanel';
import { useApp } from '../context';
import { texts } from '../texts';

/** The counter's start: one search field (typed or scanned), the eID, the readers. */
export function HomeScreen() {
  const { api, store } = useApp();
  const { readers, info, session } = store();
  // What the balie may not do is not offered.
  const mayRegister = session?.balie?.cardSystems.some((system) => system.permissions.includes('registratie')) ?? false;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Passholder[] | null>(null);
  const [error, setError] = useState<BalieError>();
  const search = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!query.trim()) return;
    const result = await api.findPassholders({ query });
    setError(result.ok ? undefined : result.error);
    setResults(result.ok ? result.value : null);
  };
  const digits = query.replace(/\D/g, '');
  return (
    <main className="columns">
      <div>
        <form className="panel search" role="search" onSubmit={(event) => void search(event)}>
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
          {error && <ErrorNotice error={error} />}
          {results && results.length === 0 && <p role="status">{texts.home.noResults}</p>}
          {results && results.length > 0 && (
            <ul className="results" aria-label={texts.home.results}>
              {results.map((holder) => (
                <li key={holder.uid}>
                  <button type="button" className="choice" onClick={() => store.go({ name: 'passholder', passholder: holder })}>
                    {holder.firstName} {holder.name} · {holder.dateOfBirth?.split('-').reverse().join('/')} · {holder.city}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {mayRegister && (
            <div className="actions">
              <button type="button" onClick={() => store.go({ name: 'register', insz: digits.length === 11 ? digits : undefined })}>
                {texts.home.register}
              </button>
            </div>
          )}
        </form>
        <DemoEidControl />
      </div>
      <div>
        <EidPanel showRegister={mayRegister} />
        {readers && info && <ReaderStatusPanel status={readers} platform={info.platform} />}
      </div>
    </main>
  );
}
