import { ReaderStatusPanel } from './components/ReaderStatusPanel';
import type { AppStore } from './store';
import { texts } from './texts';

export function App({ store }: { store: AppStore }) {
  const { info, readers, error } = store();
  return (
    <div className="app">
      <header className="topbar">
        <h1>{texts.appTitle}</h1>
        {info && (
          <span className="app-version" data-testid="app-version">
            {texts.version(info.version)}
          </span>
        )}
        {info?.host === 'browser' && <span className="badge">{texts.browserHostBadge}</span>}
      </header>
      <main>
        {error && (
          <p role="alert" className="warning">
            {error.message}
          </p>
        )}
        {info && readers ? <ReaderStatusPanel status={readers} platform={info.platform} /> : !error && <p>{texts.loading}</p>}
      </main>
    </div>
  );
}
