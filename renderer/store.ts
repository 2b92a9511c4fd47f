/**
 * The app's state, fed from main over `window.balie`. Created with the API as a
 * parameter so tests can hand it a fake bridge.
 */
import { create } from 'zustand';
import type { AppInfo, BalieApi, BalieError, ReaderStatus } from '../electron/contract';

export interface AppState {
  info?: AppInfo;
  readers?: ReaderStatus;
  error?: BalieError;
}

export function createAppStore(api: BalieApi) {
  const store = create<AppState>()(() => ({}));
  const stopListening = api.onReaders((readers) => store.setState({ readers }));

  void Promise.all([api.getAppInfo(), api.getReaders()]).then(([info, readers]) => {
    if (!info.ok) {
      store.setState({ error: info.error });
    } else if (!readers.ok) {
      store.setState({ info: info.value, error: readers.error });
    } else {
      // An event may have arrived while we waited; it is newer than this answer.
      store.setState((state) => ({ info: info.value, readers: state.readers ?? readers.value }));
    }
  });

  return Object.assign(store, { stopListening });
}

export type AppStore = ReturnType<typeof createAppStore>;
