import type { BalieApi } from '../electron/ipc/contract';

declare global {
  interface Window {
    /** Defined by the preload (Electron) or the bridge script (browser host) before the app runs. */
    readonly balie: BalieApi;
  }
}
