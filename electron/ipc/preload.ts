/**
 * Exposes `window.balie` to the page: the contract's API and nothing else. No
 * raw ipcRenderer, no IpcRendererEvent, no way to name an arbitrary channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBalieApi } from './bridge-api';
import type { Result } from './contract';

const api = createBalieApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<Result<unknown>>,
  subscribe: (channel, listener) => {
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
});

contextBridge.exposeInMainWorld('balie', api);
