/**
 * The app's state, fed from main over `window.balie`: app info, readers, the
 * eID in the reader, the staff session, and which screen is open. Created with
 * the API as a parameter so tests can hand it a fake bridge. Form contents live
 * in the screens (see form/passholder-form.ts).
 */
import { create } from 'zustand';
import type {
  AppInfo,
  BalieApi,
  BalieError,
  EidCard,
  EidReadFailure,
  EidReading,
  Passholder,
  ReaderStatus,
  SessionView,
} from '../electron/ipc/contract';
import { language, setLanguage, texts } from './texts';

export type Screen =
  | { name: 'home' }
  | { name: 'register'; insz?: string }
  | { name: 'passholder'; passholder: Passholder; action?: 'registerInSystem' }
  /** `price`: the API's amount to collect; `settled`: found by the look-up after an unknown outcome. */
  | { name: 'registered'; uitpasNumber: string; verified: boolean; who: string; price?: string; settled?: boolean }
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
  /** The last card read, until it is removed (its data is then kept only in forms it filled). */
  card?: EidCard;
  readFailure?: EidReadFailure;
  screen: Screen;
  /** The open screen holds input the staff typed and did not send yet. */
  unsavedWork: boolean;
  /** Requests to UiTPAS that have not answered yet. */
  inFlight: number;
  question?: Question;
}

/** Whether leaving now (another screen, logging out, another balie or environment, closing the window) loses something. */
export function hasUnsavedWork(state: AppState): boolean {
  return state.unsavedWork || state.inFlight > 0;
}

export function createAppStore(api: BalieApi) {
  const store = create<AppState>()(() => ({ screen: { name: 'home' }, unsavedWork: false, inFlight: 0 }));
  // The session says which language this workstation uses; the catalogue switches before the app re-renders.
  store.subscribe(({ session }) => {
    if (session && session.language !== language) setLanguage(session.language);
  });
  const stops = [
    // IT changed the machine's policy: locked settings, or the stop screen, without a restart.
    api.onSessionChanged((session) => store.setState({ session })),
    api.onReaders((readers) => store.setState({ readers })),
    api.onReading((reading) => store.setState({ reading, readFailure: undefined })),
    api.onCard((card) => store.setState({ card, reading: card.complete ? undefined : store.getState().reading, readFailure: undefined })),
    api.onCardRemoved(({ reader }) => {
      if (store.getState().card?.reader === reader) store.setState({ card: undefined, reading: undefined });
    }),
    api.onReadFailed((readFailure) => store.setState({ readFailure, reading: undefined })),
  ];

  void Promise.all([api.getAppInfo(), api.getReaders(), api.getSession(), api.getCards()]).then(([info, readers, session, cards]) => {
    const failure = [info, readers, session, cards].flatMap((result) => (result.ok ? [] : [result.error]))[0];
    store.setState((state) => ({
      info: info.ok ? info.value : undefined,
      // An event may have arrived while we waited; it is newer than this answer.
      readers: state.readers ?? (readers.ok ? readers.value : undefined),
      session: session.ok ? session.value : undefined,
      card: state.card ?? (cards.ok ? cards.value.at(-1) : undefined),
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

  /** True when nothing would be lost, or the staff member chose to let it go. */
  const mayLeave = async (): Promise<boolean> => {
    const state = store.getState();
    if (!hasUnsavedWork(state)) return true;
    const text = state.inFlight > 0 ? texts.leave.inFlight : texts.leave.unsaved;
    const yes = await ask({ title: texts.leave.title, text, yes: texts.dialog.yes, no: texts.dialog.no });
    if (yes) store.setState({ unsavedWork: false });
    return yes;
  };

  return Object.assign(store, {
    stopListening: () => stops.forEach((stop) => stop()),
    ask,
    mayLeave,
    /** Opens a screen unless the open one has unsaved work and the staff member chooses to stay. */
    async go(screen: Screen): Promise<boolean> {
      if (!(await mayLeave())) return false;
      store.setState({ screen, unsavedWork: false });
      return true;
    },
    /** Opens a screen without asking: the work on the open one is done (sent, or settled by a look-up). */
    show(screen: Screen): void {
      store.setState({ screen, unsavedWork: false });
    },
    /** Counts a request as in flight until it answers. */
    async track<T>(request: Promise<T>): Promise<T> {
      store.setState((state) => ({ inFlight: state.inFlight + 1 }));
      try {
        return await request;
      } finally {
        store.setState((state) => ({ inFlight: state.inFlight - 1 }));
      }
    },
  });
}

export type AppStore = ReturnType<typeof createAppStore>;
