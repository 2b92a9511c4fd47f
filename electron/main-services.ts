/**
 * The main process's services, free of Electron: the Electron main process and
 * the browser host both build them here and bind the same handler table. Each
 * concern is wired by its own function in wiring/; this file only joins them.
 */
import type { X509Certificate } from 'node:crypto';
import type { ConnectCard, CreatePcscContext } from '../native/pcsc/pcsc-port';
import type { AppInfo, HandlerTable } from './ipc/contract';
import { MainEvents } from './ipc/main-events';
import type { PolicySource } from './settings/policy-source';
import type { SecretCipher } from './settings/secret-store';
import type { Simulator } from './simulator/server';
import { createUitpasHandlers } from './uitpas/handlers';
import type { LoginFlowOptions } from './uitpas/login-flow';
import type { UitpasSession } from './uitpas/session';
import type { HttpTransport } from './uitpas/transport';
import type { UpdateStatus } from './update/update-plan';
import type { SupportDesk } from './support/support-desk';
import { UpdateNoticeBoard } from './update/update-notice';
import { ProxyQuestions } from './window/proxy-questions';
import { cardHandlers, cardServices } from './wiring/card-wiring';
import { demoEnvironment } from './wiring/demo-environment';
import { sessionHandlers, sessionServices, watchPolicy } from './wiring/session-wiring';
import { guarded, supportHandlers, supportServices } from './wiring/support-wiring';
import { passholderHandlers, writeServices } from './wiring/write-wiring';
import { createVisitHandlers } from './uitpas/visit-handlers';
import { visitHandlers } from './wiring/visit-wiring';

export interface MainServicesOptions {
  appInfo: AppInfo;
  createPcscContext: CreatePcscContext;
  /** Card handles with PC/SC transactions: the addon by default; tests over a fake PC/SC give a fake. */
  connectCard?: ConnectCard;
  trustAnchors: readonly X509Certificate[];
  /** Where settings.json and the encrypted secrets live (Electron: the userData folder). */
  dataDirectory: string;
  /** The machine's policy, already loaded (policy-source.ts); none in tests that do not care. */
  policy?: PolicySource;
  secretCipher: SecretCipher;
  /** Shows UiTiD's authorize page (the login window) and resolves with the callback URL. */
  showAuthorizePage: LoginFlowOptions['showAuthorizePage'];
  /** Opens the system browser for the UiTiD v2 login (electron/login-window.ts openInSystemBrowser); without it, the v1 login window. */
  openInSystemBrowser?: (url: string, authorizationOrigin: string) => Promise<void>;
  /** Starts the demo environment's simulator; tests watch it here. */
  startDemoSimulator?: () => Promise<Simulator>;
  /** The network every UiTPAS and UiTiD call goes through: the app's is Chromium's (window/network.ts); default Node's fetch. */
  fetch?: HttpTransport;
  /** What the network uses for a URL (Chromium's resolveProxy), for the support report. */
  proxyFor?: (url: string) => Promise<string>;
  /** Puts the support report on the clipboard (Electron's clipboard); the browser host's page copies it itself. */
  copyText?: (text: string) => Promise<void>;
  /** The support log file (support-log.ts): codes and timings, rotated, at the policy's level. */
  logFile?: string;
  /** The updater's state for the support report (the app's; the browser host never updates). */
  updateStatus?: () => UpdateStatus | null;
  log?: Pick<Console, 'warn'>;
}

export interface MainServices {
  handlers: HandlerTable;
  events: MainEvents;
  session: UitpasSession;
  support: SupportDesk;
  /** The update notice for staff (the app's updater shows it here; the browser host never updates). */
  updateNotice: UpdateNoticeBoard;
  /** A proxy's questions for credentials, put to staff in the page's dialog (the app's `login` events ask here). */
  proxyQuestions: ProxyQuestions;
  /** After the computer slept: PC/SC handles may be dead without saying so. */
  resumeAfterSleep(): void;
  /** Writes to UiTPAS on their way right now. */
  writesInFlight(): number;
  /** Asks the page before the window closes (app:closeRequested); its answer goes to the listener of onCloseAnswer. */
  askToClose(): void;
  onCloseAnswer(listener: (close: boolean) => void): void;
  close(): Promise<void>;
}

export function createMainServices(options: MainServicesOptions): MainServices {
  const events = new MainEvents();
  const updateNotice = new UpdateNoticeBoard(events);
  const proxyQuestions = new ProxyQuestions(events);
  const demo = demoEnvironment(options);
  const sessions = sessionServices(options, demo, events);
  const { session, policy, gate, evidence } = sessions;
  const cards = cardServices(options, events, session);
  const uitpas = createUitpasHandlers(session, evidence);
  const writes = writeServices(options.dataDirectory, session, gate, uitpas, sessions.generation);
  const support = supportServices(options, policy, session, cards, events);
  const closeListeners = new Set<(close: boolean) => void>();

  const table: HandlerTable = {
    'app:getInfo': () => options.appInfo,
    'update:getNotice': () => updateNotice.current,
    'app:confirmClose': ({ close }) => {
      for (const listener of closeListeners) listener(close);
      return null;
    },
    'proxy:answerCredentials': (answer) => proxyQuestions.answer(answer),
    ...cardHandlers(cards, session, demo, options.log),
    ...sessionHandlers(sessions, demo, uitpas),
    ...passholderHandlers(uitpas, writes),
    ...visitHandlers(createVisitHandlers(session), writes),
    ...supportHandlers(support, options.copyText),
  };
  const stopWatching = watchPolicy(sessions, demo, events, support.journal);

  return {
    handlers: guarded(table, policy, support),
    events,
    session,
    support: support.desk,
    updateNotice,
    proxyQuestions,
    resumeAfterSleep: () => cards.cards.resume(),
    writesInFlight: () => gate.writesInFlight,
    askToClose: () => events.emit('app:closeRequested', { requestInFlight: gate.writesInFlight > 0 }),
    onCloseAnswer: (listener) => void closeListeners.add(listener),
    close: async () => {
      stopWatching();
      proxyQuestions.cancelAll();
      cards.reads.close();
      await support.journal?.flushed();
      cards.cards.close();
      evidence.clear();
      await sessions.ready;
      await demo.stop();
    },
  };
}
