/**
 * The main process's services, free of Electron: the Electron main process and
 * the browser host both build them here and bind the same handler table.
 */
import type { CreatePcscContext } from '../native/pcsc/pcsc-port';
import { ReaderWatcher } from '../native/pcsc/reader-watcher';
import type { AppInfo, HandlerTable } from './contract';
import { MainEvents } from './main-events';

export interface MainServicesOptions {
  appInfo: AppInfo;
  createPcscContext: CreatePcscContext;
  log?: Pick<Console, 'warn'>;
}

export interface MainServices {
  handlers: HandlerTable;
  events: MainEvents;
  close(): void;
}

export function createMainServices({ appInfo, createPcscContext, log }: MainServicesOptions): MainServices {
  const events = new MainEvents();
  const readers = new ReaderWatcher({
    createContext: createPcscContext,
    onChange: (status) => events.emit('eid:readers', status),
    log,
  });
  readers.start();

  const handlers: HandlerTable = {
    'app:getInfo': () => appInfo,
    'eid:getReaders': () => readers.status(),
  };

  return { handlers, events, close: () => readers.close() };
}
