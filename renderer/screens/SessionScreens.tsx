import { useState, type SubmitEvent } from 'react';
import type { BalieError, EnvironmentName, Language, PolicyKey } from '../../electron/ipc/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { LockedNote, lockedByPolicy } from '../components/LockedNote';
import { usesUitidV1 } from '../flows/login-kind';
import { useApp } from '../context';
import { pcLocales, sessionLanguage, texts } from '../texts';

export function LoginScreen() {
  const { api, store } = useApp();
  const { session } = store();
  const [error, setError] = useState<BalieError>();
  const [busy, setBusy] = useState(false);
  const logIn = async () => {
    setBusy(true);
    const result = await api.logIn();
    setBusy(false);
    if (result.ok) store.setState({ session: result.value });
    else setError(result.error);
  };
  return (
    <main className="narrow">
      <h2>{texts.session.login}</h2>
      <p>{texts.session.loginIntro}</p>
      {session && usesUitidV1(session) && (
        <p className="notice warn" data-testid="uitid-v1-fallback">
          {texts.session.uitidV1Fallback}
        </p>
      )}
      <p className="muted">
        {session && texts.labelled(texts.session.environment, texts.environments[session.environment])}
      </p>
      {error && <ErrorNotice error={error} />}
      <div className="actions">
        <button type="button" className="primary" autoFocus disabled={busy} onClick={() => void logIn()}>
          {busy ? texts.busy : texts.session.login}
        </button>
        <button type="button" onClick={() => void store.go({ name: 'settings' })}>
          {texts.session.settings}
        </button>
      </div>
    </main>
  );
}

export function BalieScreen() {
  const { api, store } = useApp();
  const { session } = store();
  const [error, setError] = useState<BalieError>();
  const choose = async (balieId: string) => {
    const result = await api.chooseBalie({ balieId });
    if (result.ok) store.setState({ session: result.value, screen: { name: 'home' } });
    else setError(result.error);
  };
  return (
    <main className="narrow">
      <h2>{texts.session.chooseBalie}</h2>
      <p>{texts.session.chooseBalieIntro}</p>
      {error && <ErrorNotice error={error} />}
      <ul className="choices">
        {session?.balies.map((balie, index) => (
          <li key={balie.id}>
            <button type="button" className="choice" autoFocus={index === 0} onClick={() => void choose(balie.id)}>
              {balie.name}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}

export function SettingsScreen() {
  const { api, store } = useApp();
  const { session } = store();
  const [environment, setEnvironment] = useState<EnvironmentName>(session?.environment ?? 'demo');
  // The language the page shows now (the PC's until one is chosen); saving the settings chooses it.
  const [language, setLanguage] = useState<Language>(session ? sessionLanguage(session, pcLocales()) : 'nl');
  const [consumerKey, setConsumerKey] = useState(session?.environment === 'demo' ? '' : (session?.consumerKey ?? ''));
  const [consumerSecret, setConsumerSecret] = useState('');
  const [storeEidPhoto, setStoreEidPhoto] = useState(session?.storeEidPhoto ?? true);
  const [error, setError] = useState<BalieError>();
  const [saved, setSaved] = useState(false);
  /** What the machine's policy sets is shown as it is, and cannot be changed here. */
  const locked = (key: PolicyKey) => lockedByPolicy(session, key);
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await api.saveSettings({
      environment,
      ...(locked('language') ? {} : { language }),
      ...(locked('storeEidPhoto') ? {} : { storeEidPhoto }),
      ...(environment === 'demo' || locked('consumerKey') ? {} : { consumerKey }),
      ...(consumerSecret && !locked('consumerSecret') ? { consumerSecret } : {}),
    });
    setConsumerSecret('');
    if (result.ok) {
      store.setState({ session: result.value });
      setSaved(true);
      setError(undefined);
    } else setError(result.error);
  };
  return (
    <main className="narrow">
      <h2>{texts.settings.title}</h2>
      <form onSubmit={(event) => void save(event)}>
        <label htmlFor="environment">
          {texts.session.environment}
          <LockedNote session={session} setting="environment" />
        </label>
        <select id="environment" value={environment} disabled={locked('environment')} autoFocus={!locked('environment')} onChange={(event) => setEnvironment(event.target.value as EnvironmentName)}>
          {session?.environments.map((env) => (
            <option key={env} value={env}>
              {texts.environments[env]}
            </option>
          ))}
        </select>
        <label htmlFor="language">
          {texts.settings.language}
          <LockedNote session={session} setting="language" />
        </label>
        <select id="language" value={language} disabled={locked('language')} autoFocus={locked('environment') && !locked('language')} onChange={(event) => setLanguage(event.target.value as Language)}>
          {Object.entries(texts.languageNames).map(([code, name]) => (
            <option key={code} value={code} lang={code}>
              {name}
            </option>
          ))}
        </select>
        <div className="field checkbox">
          <input id="storeEidPhoto" type="checkbox" checked={storeEidPhoto} disabled={locked('storeEidPhoto')} onChange={(event) => setStoreEidPhoto(event.target.checked)} />
          <label htmlFor="storeEidPhoto">
            {texts.record.storePhotoDefault}
            <LockedNote session={session} setting="storeEidPhoto" />
          </label>
        </div>
        {environment === 'demo' ? (
          <p className="muted">{texts.settings.demoNeedsNothing}</p>
        ) : (
          <>
            <label htmlFor="consumerKey">
              {texts.settings.consumerKey}
              <LockedNote session={session} setting="consumerKey" />
            </label>
            <input id="consumerKey" value={consumerKey} disabled={locked('consumerKey')} onChange={(event) => setConsumerKey(event.target.value)} autoComplete="off" />
            <label htmlFor="consumerSecret">
              {texts.settings.consumerSecret} ({session?.hasConsumerSecret && session.environment === environment ? texts.settings.secretStored : texts.settings.secretMissing})
              <LockedNote session={session} setting="consumerSecret" />
            </label>
            <input id="consumerSecret" type="password" value={consumerSecret} disabled={locked('consumerSecret')} onChange={(event) => setConsumerSecret(event.target.value)} autoComplete="off" />
            {session?.secretStoreProblem && <p className="notice warn">{texts.settings.secretStoreProblem[session.secretStoreProblem]}</p>}
          </>
        )}
        <p className="muted" data-testid="login-kind">
          {session?.uitidV2 ? texts.labelled(texts.settings.uitidV2, session.uitidV2.clientId) : texts.settings.uitidV1}
          <LockedNote session={session} setting="uitidV2" />
        </p>
        {error && <ErrorNotice error={error} />}
        {saved && <p role="status">{texts.settings.saved}</p>}
        <div className="actions">
          <button type="submit" className="primary">
            {texts.settings.save}
          </button>
          <button type="button" autoFocus={locked('environment') && locked('language')} onClick={() => void store.go({ name: 'home' })}>
            {texts.session.back}
          </button>
        </div>
      </form>
    </main>
  );
}
