/**
 * The main process's services, free of Electron: the Electron main process and
 * the browser host both build them here and bind the same handler table.
 */
import type { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import type { CreatePcscContext } from '../native/pcsc/pcsc-port';
import { contractError, type AppInfo, type EidCard, type HandlerTable } from './ipc/contract';
import { BalieFailure } from './ipc/dispatch';
import { DemoCard } from './eid/demo-card';
import { EidEvidence } from './eid/eid-evidence';
import { EidReaderService } from './eid/reader-service';
import { MainEvents } from './ipc/main-events';
import { SecretStore, type SecretCipher } from './settings/secret-store';
import { SettingsStore } from './settings/settings-store';
import { startSimulator, type Simulator } from './simulator/server';
import { createUitpasHandlers } from './uitpas/handlers';
import type { LoginFlowOptions } from './uitpas/login-flow';
import { UitpasSession } from './uitpas/session';

export interface MainServicesOptions {
  appInfo: AppInfo;
  createPcscContext: CreatePcscContext;
  trustAnchors: readonly X509Certificate[];
  /** Where settings.json and the encrypted secrets live (Electron: the userData folder). */
  dataDirectory: string;
  secretCipher: SecretCipher;
  /** Shows UiTiD's authorize page (the login window) and resolves with the callback URL. */
  showAuthorizePage: LoginFlowOptions['showAuthorizePage'];
  /** Opens the system browser for the UiTiD v2 login (electron/login-window.ts openInSystemBrowser); without it, the v1 login window. */
  openInSystemBrowser?: (url: string) => Promise<void>;
  /** Tests put a network that fails on purpose here; the app uses the global fetch. */
  fetch?: typeof fetch;
  log?: Pick<Console, 'warn'>;
}

export interface MainServices {
  handlers: HandlerTable;
  events: MainEvents;
  session: UitpasSession;
  /** After the computer slept: PC/SC handles may be dead without saying so. */
  resumeAfterSleep(): void;
  close(): Promise<void>;
}

export function createMainServices(options: MainServicesOptions): MainServices {
  const { appInfo, createPcscContext, trustAnchors, log } = options;
  const events = new MainEvents();
  const eid = new EidReaderService({ createPcscContext, trustAnchors, events, log });
  eid.start();

  // The demo environment's backend runs in this process, on loopback, from its first use.
  let demo: Promise<Simulator> | undefined;
  const session = new UitpasSession({
    settings: new SettingsStore(join(options.dataDirectory, 'settings.json')),
    secrets: new SecretStore(join(options.dataDirectory, 'secrets'), options.secretCipher),
    showAuthorizePage: options.showAuthorizePage,
    demoPrefix: async () => (await (demo ??= startSimulator())).prefix,
    uitidV2: options.openInSystemBrowser ? { openInBrowser: options.openInSystemBrowser } : undefined,
    fetch: options.fetch,
  });

  const evidence = new EidEvidence();
  events.subscribe((channel, payload) => {
    if (channel === 'eid:card') evidence.record(payload as EidCard);
  });
  const demoCard = new DemoCard(eid);
  const demoOnly = async () => {
    if ((await session.view()).environment !== 'demo') throw new BalieFailure(contractError('demo-only'));
  };

  const handlers: HandlerTable = {
    'app:getInfo': () => appInfo,
    'eid:getReaders': () => eid.readers(),
    'eid:getCards': () => eid.currentCards(),
    'eid:insertDemoCard': async ({ person, forged }) => {
      await demoOnly();
      // The read reports through the usual eid:* events; the request only starts it.
      demoCard.insert(person, forged).catch((error: unknown) => {
        (log ?? console).warn(`[demo] oefenkaart niet gelezen: ${error instanceof Error ? error.name : typeof error}`);
      });
      return null;
    },
    'eid:removeDemoCard': async () => {
      await demoOnly();
      demoCard.remove();
      return null;
    },
    ...createUitpasHandlers(session, evidence),
  };

  return {
    handlers,
    events,
    session,
    resumeAfterSleep: () => eid.resume(),
    close: async () => {
      eid.close();
      await (await demo)?.close();
    },
  };
}
