/**
 * The app's state, fed from main over `window.balie`: app info, readers, the
 * eID in the reader, the staff session, and which screen is open. Created with
 * the API as a parameter so tests can hand it a fake bridge. The register
 * form is a slice with named transitions (flows/registration.ts); the other
 * forms keep their contents in their screens (see form/passholder-form.ts).
 */
import { create } from 'zustand';
import type {
  AppInfo,
  FollowUp,
  OptInRetry,
  BalieApi,
  BalieError,
  EidCard,
  EidReadFailure,
  EidReading,
  GroupPass,
  CardInfo,
  Passholder,
  ProxyAnswer,
  ProxyQuestion,
  ReaderStatus,
  SessionView,
  UpdateNoticeView,
} from '../electron/ipc/contract';
import { normaliseInsz } from '../electron/rules/insz';
import type { CardAfter } from './flows/cards-after';
import * as registrationFlow from './flows/registration';
import type { Registration, UnresolvedTap } from './flows/registration';
import { looksLikeChip, scanRoute, scannedCardNumber, type ScanRoute } from './flows/scan-route';
import { createVisitSlice, visitAwaitsOutcome, visitCard, type VisitState } from './flows/visit/visit-slice';
import { visitQuestions } from './flows/visit/visit-words';
import { language, pcLocales, sessionLanguage, setLanguage, texts } from './texts';

export type Screen =
  | { name: 'home' }
  /** `uitpasNumber`: a card from this balie's stock, scanned or tapped, already in the card field. */
  | { name: 'register'; insz?: string; uitpasNumber?: string }
  /**
   * `opened`: when a scan opened it, so the same card scanned again opens it afresh. `uitpasNumber`: the card
   * scanned, and `chipNumber` when it was tapped: the visit works with that card.
   */
  | { name: 'passholder'; passholder: Passholder; action?: 'registerInSystem'; opened?: number; uitpasNumber?: string; chipNumber?: string }
  | { name: 'groupPass'; groupPass: GroupPass; card?: CardInfo; opened: number }
  /**
   * `price`: the API's amount to collect; `settled`: found by the look-up after an unknown outcome; `followUps`: what
   * became of the opt-ins and the photo sent after the registration, with the chosen opt-ins kept for one retry;
   * `kansenStatuutEndDate`: registered with the kansenstatuut until then.
   */
  | {
      name: 'registered';
      uitpasNumber: string;
      verified: boolean;
      who: string;
      price?: string;
      settled?: boolean;
      followUps?: { optIns: FollowUp; picture: FollowUp; retry: OptInRetry };
      kansenStatuutEndDate?: string;
    }
  | { name: 'settings' }
  | { name: 'support' }
  | { name: 'balie' };

/** A question in the app's own dialog; `answer` settles the promise `ask` returned. */
export interface Question {
  title: string;
  text: string;
  yes: string;
  no: string;
  answer: (yes: boolean) => void;
}

export interface AppState {
  info?: AppInfo;
  readers?: ReaderStatus;
  session?: SessionView;
  error?: BalieError;
  reading?: EidReading;
  /** The last card read, until it is removed (its data is then kept only in forms it filled); then the other reader's, if any. */
  card?: EidCard;
  /** Every eID in a reader now, the last read last (two readers can each hold one). */
  eids: EidCard[];
  readFailure?: EidReadFailure;
  /** The reader whose card was read only in part (a file cut off): nothing of it is shown or filled in. */
  halfRead?: string;
  /** The card was just taken out of its reader (said in the panel until the next card). */
  cardRemoved?: boolean;
  /** Demo only: the practice switch that loses UiTPAS's answer to every write is on. */
  practisingLostAnswers?: boolean;
  /** What the release feed said that staff must know (a newer version, or this one too old). */
  updateNotice?: UpdateNoticeView;
  /** A scan (tap, barcode or typed number) being looked up, and what the last one found when it opens no screen. */
  scan: { busy: boolean; outcome?: Extract<ScanRoute, { to: 'refused' | 'unknown' }>; error?: BalieError; id: number };
  screen: Screen;
  /** The open screen holds input the staff typed and did not send yet. */
  unsavedWork: boolean;
  /** Requests to UiTPAS that have not answered yet. */
  inFlight: number;
  question?: Question;
  /** A pass holder action with a card field is open (Nieuwe kaart, another card system with a card): a tapped or scanned card goes there. */
  actionTakesCard: boolean;
  /** The last card tapped or scanned into that field, or one UiTPAS does not know (flows/use-reader-card.ts). */
  actionCard?: { uitpasNumber: string; id: number } | UnresolvedTap;
  /** The register form (flows/registration.ts); started afresh each time the register screen opens. */
  registration: Registration;
  /** Per pass holder (uid), the cards replaced at this counter since the app started: listed with their status when reopened. */
  formerCards: Record<string, CardAfter[]>;
  /** The visit of the pass holder or group pass on screen (flows/visit/visit-slice.ts). */
  visit?: VisitState;
  /** Proxies asking staff for a user name and password, oldest first (the dialog shows the first). */
  proxyQuestions: ProxyQuestion[];
}

/**
 * A read that stopped part-way: a file of the card ended mid-field, or lacks a
 * field every card has (it ended between two fields). What came before the
 * cut may be right, but what the panel would show after it is noise (unknown
 * fields, "card type 0"), so none of it is used.
 */
export function isHalfRead(card: EidCard): boolean {
  return (card.warnings ?? []).some((warning) => warning.code === 'file-cut-off' || warning.code === 'missing');
}

/** Whether leaving now (another screen, logging out, another balie or environment, closing the window) loses something. */
export function hasUnsavedWork(state: AppState): boolean {
  // A visit write whose answer was lost is checked only on that visit's screen: leaving it unasked would drop the check.
  return state.unsavedWork || state.inFlight > 0 || visitAwaitsOutcome(state.visit);
}

export function createAppStore(api: BalieApi) {
  const store = create<AppState>()(() => ({
    screen: { name: 'home' },
    unsavedWork: false,
    inFlight: 0,
    scan: { busy: false, id: 0 },
    actionTakesCard: false,
    eids: [],
    formerCards: {},
    registration: registrationFlow.startRegistration({ storePhoto: true }),
    proxyQuestions: [],
  }));
  const defaultStorePhoto = () => store.getState().session?.storeEidPhoto ?? true;
  /** Runs a transition of the register form's slice (the pure functions of flows/registration.ts). */
  const update =
    <A extends unknown[]>(transition: (state: Registration, ...args: A) => Registration) =>
    (...args: A) =>
      store.setState((state) => ({ registration: transition(state.registration, ...args) }));
  const registration = {
    eidArrived: update(registrationFlow.eidArrived),
    eidReread: update(registrationFlow.eidReread),
    pendingAnswered: (replace: boolean) => update(registrationFlow.pendingAnswered)(replace, defaultStorePhoto()),
    fieldTyped: update(registrationFlow.fieldTyped),
    cardScanned: update(registrationFlow.cardScanned),
    tapUnresolved: update(registrationFlow.tapUnresolved),
    choicesChanged: update(registrationFlow.choicesChanged),
    kansenStatuutSet: update(registrationFlow.kansenStatuutSet),
    storePhotoSet: update(registrationFlow.storePhotoSet),
    answerQuestion: update(registrationFlow.answerQuestion),
    scanOverAnswer: update(registrationFlow.scanOverAnswer),
    sendTried: update(registrationFlow.sendTried),
    sendStarted: update(registrationFlow.sendStarted),
    sendFailed: update(registrationFlow.sendFailed),
    lookUpSettled: update(registrationFlow.lookUpSettled),
    reset: () => store.setState({ registration: registrationFlow.startRegistration({ storePhoto: defaultStorePhoto() }) }),
  };
  // The session says which language this workstation uses; the catalogue switches before the app re-renders.
  store.subscribe(({ session }) => {
    const wanted = session ? sessionLanguage(session, pcLocales()) : language;
    if (wanted !== language) setLanguage(wanted);
  });
  /** Reads whose card left its reader: a late event of theirs brings nothing back. */
  const pulledReads = new Set<string>();
  const stops = [
    // IT changed the machine's policy: locked settings, or the stop screen, without a restart.
    api.onSessionChanged((session) => store.setState({ session })),
    api.onReaders((readers) => store.setState({ readers })),
    api.onReading((reading) => store.setState({ reading, readFailure: undefined, halfRead: undefined, cardRemoved: undefined })),
    api.onCard((card) => {
      // The end of a read whose card was already pulled comes too late: that card is gone.
      if (pulledReads.has(card.readId)) return;
      const before = store.getState();
      // The rest of a read already shown (its photo and signatures), or the same citizen's eID read again without
      // leaving its reader, is no new arrival: it is updated where it is, and a newer eID in the other reader stays in front.
      const known = before.eids.find(
        (present) =>
          present.reader === card.reader && (present.readId === card.readId || normaliseInsz(present.prefill.inszNumber) === normaliseInsz(card.prefill.inszNumber)),
      );
      if (known && !isHalfRead(card)) {
        store.setState({
          eids: before.eids.map((present) => (present === known ? card : present)),
          ...(before.card?.readId === known.readId ? { card } : {}),
          reading: card.complete ? undefined : before.reading,
          readFailure: undefined,
        });
        if (before.screen.name === 'register') registration.eidReread(card);
        return;
      }
      const others = before.eids.filter((present) => present.reader !== card.reader);
      store.setState({
        ...(isHalfRead(card) ? { card: others.at(-1), halfRead: card.reader, eids: others } : { card, halfRead: undefined, eids: [...others, card] }),
        reading: card.complete ? undefined : store.getState().reading,
        readFailure: undefined,
        cardRemoved: undefined,
      });
      // A new read reaches the open register form as one transition (its own rules: same citizen, first citizen, another one).
      if (!isHalfRead(card) && store.getState().screen.name === 'register') registration.eidArrived(card);
    }),
    api.onCardRemoved(({ reader }) => {
      const state = store.getState();
      for (const present of state.eids) if (present.reader === reader) pulledReads.add(present.readId);
      const eids = state.eids.filter((present) => present.reader !== reader);
      // Pulling one of two eIDs shows the other; the form keeps what it was given.
      if (state.card?.reader === reader) store.setState({ card: eids.at(-1), eids, reading: undefined, cardRemoved: true });
      else store.setState({ eids });
      if (state.halfRead === reader) store.setState({ halfRead: undefined });
      // What a failed read said of a card goes with it; "pulled while reading" is itself about the pull, and stays.
      if (state.readFailure?.reader === reader && state.readFailure.cause !== 'card-removed') store.setState({ readFailure: undefined });
    }),
    api.onReadFailed((readFailure) => store.setState({ readFailure, reading: undefined, cardRemoved: undefined })),
    api.onCardTapped(({ chipNumber }) => void routeScan(chipNumber)),
    api.onUpdateNotice((updateNotice) => store.setState({ updateNotice })),
    // Open: asked; closed: answered (here or on another page) or timed out in main.
    api.onProxyCredentialsRequested((question) =>
      store.setState(({ proxyQuestions }) => ({
        proxyQuestions: [...proxyQuestions.filter(({ requestId }) => requestId !== question.requestId), ...(question.open ? [question] : [])],
      })),
    ),
  ];

  /**
   * Every scan takes this one path: look it up (uitpas/retrieve), then open what it leads to. Only the
   * latest scan counts, and the busy mark always ends, whatever the answer (never a spinner left turning).
   */
  const routeScan = async (identification: string): Promise<void> => {
    const id = store.getState().scan.id + 1;
    const current = () => store.getState().scan.id === id;
    store.setState({ scan: { busy: true, id } });
    let route: ScanRoute | undefined;
    let error: BalieError | undefined;
    try {
      const result = await api.identify({ query: identification });
      if (result.ok) route = scanRoute(result.value, identification, store.getState().session?.balie?.id);
      else error = result.error;
    } catch {
      // The bridge itself failed (the host went away): said as any failure main could not word.
      error = { code: 'internal' };
    } finally {
      if (current()) store.setState({ scan: { busy: false, id } });
    }
    if (!current() || !store.getState().session?.balie) return;
    const opened = Date.now();
    /** A card UiTPAS does not know, or a failed look-up: no reason to leave a form with a card field, it is said there. */
    const unresolved = (): UnresolvedTap => (route?.to === 'unknown' ? { id, unknown: route.identification, chip: route.chip } : { id, error: error ?? { code: 'internal' } });
    // A card for the open action's card field goes there, checked like a typed one; the pass holder stays open.
    const actionOpen = store.getState().actionTakesCard && store.getState().screen.name === 'passholder';
    const forAction = route && actionOpen ? scannedCardNumber(route, identification) : undefined;
    if (forAction) store.setState({ actionCard: { uitpasNumber: forAction, id } });
    else if (actionOpen && (!route || route.to === 'unknown')) store.setState({ actionCard: unresolved() });
    else if (route?.to === 'passholder') {
      const chip = looksLikeChip(identification) ? { chipNumber: identification } : {};
      await go({ name: 'passholder', passholder: route.passholder, opened, ...(route.uitpasNumber ? { uitpasNumber: route.uitpasNumber } : {}), ...chip });
    }
    else if (route?.to === 'groupPass') await go({ name: 'groupPass', groupPass: route.groupPass, card: route.card, opened });
    // A card scanned or tapped into an open register form goes into its card field, checked (and refused) like a typed one.
    else if ((route?.to === 'register' || route?.to === 'refused') && store.getState().screen.name === 'register') registration.cardScanned(route.uitpasNumber);
    else if (route?.to === 'register') await go({ name: 'register', uitpasNumber: route.uitpasNumber });
    else if (store.getState().screen.name === 'register') registration.tapUnresolved(unresolved());
    else if (await go({ name: 'home' })) store.setState({ scan: { busy: false, id, outcome: route, error } });
  };

  // The check may have ended before this page loaded; an event since is newer than this answer.
  void api.getUpdateNotice().then((notice) => {
    if (notice.ok && notice.value && !store.getState().updateNotice) store.setState({ updateNotice: notice.value });
  });
  void Promise.all([api.getAppInfo(), api.getReaders(), api.getSession(), api.getCards()]).then(([info, readers, session, cards]) => {
    const failure = [info, readers, session, cards].flatMap((result) => (result.ok ? [] : [result.error]))[0];
    store.setState((state) => ({
      info: info.ok ? info.value : undefined,
      // An event may have arrived while we waited; it is newer than this answer.
      readers: state.readers ?? (readers.ok ? readers.value : undefined),
      session: session.ok ? session.value : undefined,
      card: state.card ?? (cards.ok ? cards.value.filter((card) => !isHalfRead(card)).at(-1) : undefined),
      eids: state.eids.length > 0 || !cards.ok ? state.eids : cards.value.filter((card) => !isHalfRead(card)),
      error: failure,
    }));
  });

  /** Asks in the app's own dialog; one question at a time (a second one is answered "no"). */
  const ask = (question: Omit<Question, 'answer'>): Promise<boolean> =>
    new Promise((resolve) => {
      if (store.getState().question) return resolve(false);
      store.setState({
        question: {
          ...question,
          answer: (yes) => {
            store.setState({ question: undefined });
            resolve(yes);
          },
        },
      });
    });

  /** True when nothing would be lost, or the staff member chose to let it go; the question's title names what they asked to do. */
  const mayLeave = async (asked?: string): Promise<boolean> => {
    const state = store.getState();
    if (!hasUnsavedWork(state)) return true;
    const unchecked = state.inFlight === 0 && visitAwaitsOutcome(state.visit);
    const title = asked ?? (unchecked ? texts.leave.uncheckedTitle : texts.leave.title);
    const text = state.inFlight > 0 ? texts.leave.inFlight : unchecked ? texts.leave.unchecked : texts.leave.unsaved;
    const yes = await ask({ title, text, yes: texts.dialog.yes, no: texts.dialog.no });
    if (yes) store.setState({ unsavedWork: false });
    return yes;
  };

  /** Opens a screen unless the open one has unsaved work and the staff member chooses to stay; `title` names the action in the question. */
  async function go(screen: Screen, title?: string): Promise<boolean> {
    if (!(await mayLeave(title))) return false;
    enter(screen);
    return true;
  }

  /** Shows a screen; the register form starts afresh with it, in the same update, so its first render has it. */
  function enter(screen: Screen): void {
    store.setState((state) => ({
      screen,
      unsavedWork: false,
      // "The eID was pulled" spoke of the screen it was pulled on.
      cardRemoved: undefined,
      ...(screen.name === 'register'
        ? { registration: registrationFlow.startRegistration({ insz: screen.insz, uitpasNumber: screen.uitpasNumber, card: state.card, storePhoto: defaultStorePhoto() }) }
        : {}),
    }));
  }

  const visit = createVisitSlice(
    api,
    {
      get: () => store.getState().visit,
      put: (next) => store.setState({ visit: next }),
      ask,
      track: (request) => track(request),
    },
    visitQuestions,
  );
  /** The visit's subject for a pass holder: the card it goes by at this balie (the scanned one when it is theirs). */
  const passholderSubject = (passholder: Passholder, scanned: { uitpasNumber?: string; chipNumber?: string }) => {
    const balieSystems = (store.getState().session?.balie?.cardSystems ?? []).map((system) => system.id);
    const uitpasNumber = visitCard(passholder.cardSystems, balieSystems, scanned.uitpasNumber);
    const points = Number(passholder.points);
    return uitpasNumber ? { kind: 'passholder' as const, uitpasNumber, ...(scanned.chipNumber ? { chipNumber: scanned.chipNumber } : {}), points: Number.isFinite(points) ? Math.trunc(points) : null } : undefined;
  };
  // Opening a pass holder or a group pass starts their visit; any other screen (or another person) drops it.
  stops.push(
    store.subscribe(({ screen }, previous) => {
      if (screen === previous.screen) return;
      if (screen.name === 'passholder') {
        const subject = passholderSubject(screen.passholder, screen);
        if (subject) return visit.opened(subject);
      } else if (screen.name === 'groupPass') {
        const uitpasNumber = screen.card?.uitpasNumber;
        const left = Number(screen.groupPass.availableTickets);
        if (uitpasNumber) return visit.opened({ kind: 'groupPass', uitpasNumber, availableTickets: screen.groupPass.availableTickets !== undefined && Number.isFinite(left) ? left : null });
      }
      visit.closed();
    }),
  );

  /** Counts a request as in flight until it answers. */
  async function track<T>(request: Promise<T>): Promise<T> {
    store.setState((state) => ({ inFlight: state.inFlight + 1 }));
    try {
      return await request;
    } finally {
      store.setState((state) => ({ inFlight: state.inFlight - 1 }));
    }
  }

  return Object.assign(store, {
    stopListening: () => stops.forEach((stop) => stop()),
    visit,
    ask,
    mayLeave,
    go,
    routeScan,
    registration,
    /** Staff's answer to a proxy's question (credentials, or null to cancel): passed to main, kept nowhere here. */
    answerProxy(requestId: string, credentials: ProxyAnswer['credentials'] | null): void {
      store.setState(({ proxyQuestions }) => ({ proxyQuestions: proxyQuestions.filter((question) => question.requestId !== requestId) }));
      void api.answerProxyCredentials(credentials ? { requestId, credentials } : { requestId });
    },
    /**
     * The open pass holder read again after an action: when the card the visit goes by changed (a new card, a block),
     * the visit starts again with the card they have now, never the replaced one.
     */
    passholderReread(passholder: Passholder): void {
      const subject = passholderSubject(passholder, {});
      const current = store.getState().visit;
      if (subject && current?.subject.kind === 'passholder' && current.subject.uitpasNumber !== subject.uitpasNumber) visit.opened(subject);
    },
    /** Opens a screen without asking: the work on the open one is done (sent, or settled by a look-up). */
    show(screen: Screen): void {
      enter(screen);
    },
    track,
  });
}

export type AppStore = ReturnType<typeof createAppStore>;
