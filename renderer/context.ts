import { createContext, useContext } from 'react';
import type { BalieApi } from '../electron/ipc/contract';
import type { AppStore } from './store';

export const AppContext = createContext<{ api: BalieApi; store: AppStore } | null>(null);

export function useApp(): { api: BalieApi; store: AppStore } {
  const context = useContext(AppContext);
  if (!context) throw new Error('AppContext ontbreekt');
  return context;
}
