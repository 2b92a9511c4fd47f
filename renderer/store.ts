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
  Registered,
  SessionView,
} from '../electron/ipc/contract';
import { language, setLanguage } from './texts';

export type Screen =
  | { name: 'home' }
  | { name: 'register'; insz?: string }
  | { name: 'passholder'; passholder: Passholder; action?: 'registerInSystem' }
  | { name: 'registered'; result: Registered & { verified: boolean }; who: string }
  | { name: 'settings' };

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
  /** A screen with unsaved input says so; leaving it asks first. */
  leaveGuard?: () => boolean;
}

export function createAppStore(api: BalieApi) {
  const store = create<AppState>()(() => ({ screen: { name: 'home' } }));
  // The session says which language this workstation uses; the catalogue switches before the app re-renders.
  store.subscribe(({ session }) => {
    if (session && session.language !== language) setLanguage(session.language);
  });
  const stops = [
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

  return Object.assign(store, {
    stopListening: () => stops.forEach((stop) => stop()),
    /** Opens a screen unless the open one has unsaved input and the staff member chooses to stay. */
    go(screen: Screen): void {
      const guard = store.getState().leaveGuard;
      if (guard && !guard()) return;
      store.setState({ screen, leaveGuard: undefined });
    },
  });
}

export type AppStore = ReturnType<typeof createAppStore>;
