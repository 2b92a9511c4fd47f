/**
 * Binds every request channel of the contract to Electron's ipcMain, answering
 * only the app's own top-level page, and forwards main-process events to it.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppPageUrl } from '../window/app-origin';
import { contractError, type Result } from './contract';
import { requestChannelNames, type Dispatch } from './dispatch';
import type { MainEvents } from './main-events';

/** The frame itself must be the app's page: a trusted window showing a foreign iframe is not enough. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppPageUrl(frame.url);
}

export function bindIpc(ipcMain: IpcMain, dispatch: Dispatch, log: Pick<Console, 'warn'> = console): () => void {
  for (const channel of requestChannelNames) {
    ipcMain.handle(channel, (event, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        log.warn(`[ipc] ${channel} van een onbekende afzender genegeerd`);
        return Promise.resolve({ ok: false, error: contractError('untrusted-sender') });
      }
      return dispatch(channel, payload);
    });
  }
  return () => {
    for (const channel of requestChannelNames) ipcMain.removeHandler(channel);
  };
}

export function forwardEvents(events: MainEvents, contents: WebContents): () => void {
  return events.subscribe((channel, payload) => {
    if (!contents.isDestroyed()) contents.send(channel, payload);
  });
}
