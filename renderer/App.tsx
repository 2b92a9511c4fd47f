import { useEffect, useState } from 'react';
import { Dialog } from './components/Dialog';
import { useApp } from './context';
import { HomeScreen } from './screens/HomeScreen';
import { PassholderScreen } from './screens/PassholderScreen';
import { RegisteredScreen } from './screens/RegisteredScreen';
import { RegisterScreen } from './screens/RegisterScreen';
import { BalieScreen, LoginScreen, SettingsScreen } from './screens/SessionScreens';
import { errorText, texts } from './texts';

export function App() {
  const { api, store } = useApp();
  const { info, session, error, screen } = store();
  // Main asks before the window closes; with a write to UiTPAS on its way, staff decide.
  const [closeAsked, setCloseAsked] = useState(false);
  useEffect(
    () =>
      api.onCloseRequested(({ requestInFlight }) => {
        if (requestInFlight) setCloseAsked(true);
        else void api.confirmClose({ close: true });
      }),
    [api],
  );
  const logOut = async () => {
    const result = await api.logOut();
    if (result.ok) store.setState({ session: result.value, screen: { name: 'home' }, leaveGuard: undefined });
  };
  return (
    <div className="app">
      <header className="topbar">
        <h1>{texts.appTitle}</h1>
        {info && (
          <span className="app-version" data-testid="app-version">
            {texts.version(info.version)}
          </span>
        )}
        {session && (
          <span className={`badge env-${session.environment}`} data-testid="environment">
            {texts.environments[session.environment]}
          </span>
        )}
        {info?.host === 'browser' && <span className="badge">{texts.browserHostBadge}</span>}
        <span className="spacer" />
        {session?.balie && (
          <span data-testid="balie">
            {texts.labelled(texts.session.balie, session.balie.name)}
          </span>
        )}
        {session && screen.name !== 'settings' && (
          <button type="button" className="link" onClick={() => store.go({ name: 'settings' })}>
            {texts.session.settings}
          </button>
        )}
        {session?.loggedIn && (
          <button type="button" className="link" onClick={() => void logOut()}>
            {texts.session.logout}
          </button>
        )}
      </header>
      {session?.settingsUnreadable && (
        <p role="alert" className="notice error" data-testid="settings-unreadable">
          {texts.settings.unreadable}
        </p>
      )}
      {error && (
        <p role="alert" className="notice error">
          {errorText(error)}
        </p>
      )}
      {closeAsked && (
        <Dialog
          title={texts.close.title}
          text={texts.close.inFlight}
          yes={texts.close.yes}
          no={texts.close.no}
          onAnswer={(close) => {
            setCloseAsked(false);
            void api.confirmClose({ close });
          }}
        />
      )}
      {!session ? <p className="narrow">{texts.loading}</p> : <Screen />}
    </div>
  );
}

function Screen() {
  const { store } = useApp();
  const { session, screen } = store();
  if (screen.name === 'settings') return <SettingsScreen />;
  if (!session?.loggedIn) return <LoginScreen />;
  if (!session.balie) return <BalieScreen />;
  switch (screen.name) {
    case 'register':
      return <RegisterScreen insz={screen.insz} />;
    case 'passholder':
      return <PassholderScreen key={screen.passholder.uid} passholder={screen.passholder} initialAction={screen.action} />;
    case 'registered':
      return <RegisteredScreen result={screen.result} who={screen.who} />;
    default:
      return <HomeScreen />;
  }
}
