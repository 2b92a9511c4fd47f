import { useEffect } from 'react';
import { Dialog } from './components/Dialog';
import { ProxyCredentialsDialog } from './components/ProxyCredentialsDialog';
import { useApp } from './context';
import { catchScansOnControls } from './flows/catch-scans';
import { keepFocusForScans } from './flows/focus';
import { hasUnsavedWork } from './store';
import { GroupPassScreen } from './screens/GroupPassScreen';
import { HomeScreen } from './screens/HomeScreen';
import { PassholderScreen } from './screens/PassholderScreen';
import { RegisteredScreen } from './screens/RegisteredScreen';
import { RegisterScreen } from './screens/RegisterScreen';
import { PolicyStopScreen } from './screens/PolicyStopScreen';
import { SupportScreen } from './screens/SupportScreen';
import { BalieScreen, LoginScreen, SettingsScreen } from './screens/SessionScreens';
import { errorText, texts, updateNoticeText } from './texts';

export function App() {
  const { api, store } = useApp();
  const { info, session, error, screen, question, practisingLostAnswers, updateNotice, proxyQuestions } = store();
  const proxyQuestion = proxyQuestions[0];
  // Main asks before the window closes: a write to UiTPAS on its way, or typed work, is the staff's decision.
  useEffect(
    () =>
      api.onCloseRequested(({ requestInFlight }) => {
        const decide = requestInFlight
          ? store.ask({ title: texts.close.title, text: texts.close.inFlight, yes: texts.close.yes, no: texts.close.no })
          : store.mayLeave();
        void decide.then((close) => api.confirmClose({ close }));
      }),
    [api, store],
  );
  // The next scan always has somewhere to go, whatever disappeared from the page.
  useEffect(() => keepFocusForScans(document), []);
  // A scan that lands on a button or a question's box answers nothing and presses nothing: it goes where a tapped
  // card goes. While the app asks something, the answer is the staff's to give: the scan is dropped.
  useEffect(
    () =>
      catchScansOnControls(window, {
        runStarted: (since) => store.registration.scanOverAnswer(since),
        scanned: (text) => {
          const { question, proxyQuestions } = store.getState();
          if (!question && proxyQuestions.length === 0) void store.routeScan(text);
        },
      }),
    [store],
  );
  // In a browser (the browser host) a reload would throw a half-filled form away: asked first in our own dialog for
  // the reload keys, and by the browser's own question for its reload button (the page cannot word that one).
  useEffect(() => {
    if (info?.host !== 'browser') return;
    const keys = (event: KeyboardEvent) => {
      const reload = event.key === 'F5' || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'r');
      if (!reload || !hasUnsavedWork(store.getState())) return;
      event.preventDefault();
      void store.mayLeave(texts.leave.reloadTitle).then((yes) => {
        if (yes) location.reload();
      });
    };
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (hasUnsavedWork(store.getState())) event.preventDefault();
    };
    window.addEventListener('keydown', keys);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('keydown', keys);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [info?.host, store]);
  const logOut = async () => {
    // Half-filled work is not thrown away without asking.
    if (!(await store.mayLeave(texts.leave.logOutTitle))) return;
    const result = await api.logOut();
    if (result.ok) store.setState({ session: result.value, screen: { name: 'home' }, unsavedWork: false });
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
        {info?.host === 'browser' && <span className="badge host-badge">{texts.browserHostBadge}</span>}
        {practisingLostAnswers && session?.environment === 'demo' && (
          <span className="badge" data-testid="practice-badge">
            {texts.demo.lostAnswersBadge}
          </span>
        )}
        <span className="spacer" />
        {session?.account && (
          <span data-testid="account" className="topbar-account" title={session.account}>
            {texts.labelled(texts.session.account, session.account)}
          </span>
        )}
        {session?.balie && (
          <span data-testid="balie" className="topbar-balie" title={session.balie.name}>
            {texts.labelled(texts.session.balie, session.balie.name)}
          </span>
        )}
        {session?.balie && session.balies.length > 1 && screen.name !== 'balie' && (
          <button type="button" className="link" onClick={() => void store.go({ name: 'balie' }, texts.leave.balieTitle)}>
            {texts.session.switchBalie}
          </button>
        )}
        {session && screen.name !== 'support' && (
          <button type="button" className="link" onClick={() => void store.go({ name: 'support' })}>
            {texts.support.open}
          </button>
        )}
        {session && !session.policyProblem && screen.name !== 'settings' && (
          <button type="button" className="link" onClick={() => void store.go({ name: 'settings' })}>
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
      {updateNotice && info && (
        <p
          role={updateNotice.notice.startsWith('too-old') ? 'alert' : 'status'}
          className={updateNotice.notice.startsWith('too-old') ? 'notice error' : 'notice'}
          data-testid="update-notice"
        >
          {updateNoticeText(updateNotice, info.version)}
        </p>
      )}
      {error && (
        <p role="alert" className="notice error">
          {errorText(error)}
        </p>
      )}
      {!session ? (
        <p className="narrow">{texts.loading}</p>
      ) : screen.name === 'support' ? (
        <SupportScreen />
      ) : session.policyProblem ? (
        <PolicyStopScreen problem={session.policyProblem} />
      ) : (
        <Screen />
      )}
      {/* Keyed by the question: a new one starts with empty fields. */}
      {proxyQuestion && !question && (
        <ProxyCredentialsDialog key={proxyQuestion.requestId} question={proxyQuestion} onAnswer={(credentials) => store.answerProxy(proxyQuestion.requestId, credentials)} />
      )}
      {question && <Dialog title={question.title} text={question.text} yes={question.yes} no={question.no} onAnswer={question.answer} />}
    </div>
  );
}

function Screen() {
  const { store } = useApp();
  const { session, screen } = store();
  if (screen.name === 'settings') return <SettingsScreen />;
  if (!session?.loggedIn) return <LoginScreen />;
  if (!session.balie || screen.name === 'balie') return <BalieScreen />;
  switch (screen.name) {
    case 'register':
      return <RegisterScreen key={screen.uitpasNumber} />;
    case 'passholder':
      // Keyed by when a scan opened it too: the same card scanned again opens it afresh, with fresh data.
      return <PassholderScreen key={`${screen.passholder.uid}-${screen.opened ?? 0}`} passholder={screen.passholder} initialAction={screen.action} />;
    case 'groupPass':
      return <GroupPassScreen screen={screen} />;
    case 'registered':
      return <RegisteredScreen screen={screen} />;
    default:
      return <HomeScreen />;
  }
}
