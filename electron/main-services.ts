/**
 * The main process's services, free of Electron: the Electron main process and
 * the browser host both build them here and bind the same handler table.
 */
import type { X509Certificate } from 'node:crypto';
import type { CreatePcscContext } from '../native/pcsc/pcsc-port';
import type { AppInfo, HandlerTable } from './contract';
import { EidReaderService } from './eid/reader-service';
import { MainEvents } from './main-events';

export interface MainServicesOptions {
  appInfo: AppInfo;
  createPcscContext: CreatePcscContext;
  trustAnchors: readonly X509Certificate[];
  log?: Pick<Console, 'warn'>;
}

export interface MainServices {
  handlers: HandlerTable;
  events: MainEvents;
  close(): void;
}

export function createMainServices({ appInfo, createPcscContext, trustAnchors, log }: MainServicesOptions): MainServices {
  const events = new MainEvents();
  const eid = new EidReaderService({ createPcscContext, trustAnchors, events, log });
  eid.start();

  const handlers: HandlerTable = {
    'app:getInfo': () => appInfo,
    'eid:getReaders': () => eid.readers(),
    'eid:getCards': () => eid.currentCards(),
  };

  return { handlers, events, close: () => eid.close() };
}
