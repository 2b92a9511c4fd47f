/**
 * The main process's services, free of Electron: the Electron main process and
 * the browser host both build them here and bind the same handler table.
 */
import { UpdateNoticeBoard } from './update/update-notice';
import type { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import type { ConnectCard, CreatePcscContext } from '../native/pcsc/pcsc-port';
import { contractError, type AppInfo, type EidCard, type EidReadFailure, type HandlerTable, type Passholder, type RequestChannel, type RequestOf, type ResponseOf, type SessionView } from './ipc/contract';
import { BalieFailure } from './ipc/dispatch';
import { DemoCard, demoReaderName } from './cards/demo-card';
import { EidEvidence } from './cards/eid-evidence';
import { CardService } from './cards/card-service';
import { MainEvents } from './ipc/main-events';
import { normaliseInsz } from './rules/insz';
import { normaliseUitpasNumber } from './rules/uitpas-number';
import { PendingOutcomes, PendingOutcomesUnreadableError, type OutcomeScope } from './uitpas/pending-outcomes';
import { noPolicy, type PolicySource } from './settings/policy-source';
import { SecretStore, type SecretCipher } from './settings/secret-store';
import { SettingsStore } from './settings/settings-store';
import { startSimulator, type Simulator } from './simulator/server';
import { createUitpasHandlers } from './uitpas/handlers';
import { practiceLostAnswers } from './uitpas/practice-lost-answers';
import type { LoginFlowOptions } from './uitpas/login-flow';
import { UitpasSession } from './uitpas/session';
import { WriteGate } from './uitpas/write-gate';
import type { HttpTransport } from './uitpas/transport';
import { FailureLog } from './support/failure-log';
import { ReadLog } from './support/read-log';
import { reportText, SupportDesk } from './support/support-desk';
import { SupportLog } from './support/support-log';
import type { UpdateStatus } from './update/update-plan';

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
  /** After the computer slept: PC/SC handles may be dead without saying so. */
  resumeAfterSleep(): void;
  /** Writes to UiTPAS on their way right now. */
  writesInFlight(): number;
  /** Asks the page before the window closes (app:closeRequested); its answer goes to the listener of onCloseAnswer. */
  askToClose(): void;
  onCloseAnswer(listener: (close: boolean) => void): void;
  close(): Promise<void>;
}

type WriteChannel =
  | 'uitpas:registerPassholder'
  | 'uitpas:registerNewCard'
  | 'uitpas:updatePassholder'
  | 'uitpas:registerInCardSystem'
  | 'uitpas:updateCardSystemData'
  | 'uitpas:setOptInPreferences'
  | 'uitpas:blockCard';

const card = (uitpasNumber: string | undefined) => (uitpasNumber === undefined ? [] : [`card:${normaliseUitpasNumber(uitpasNumber)}`]);
const holder = (uid: string) => [`uid:${uid}`];

/**
 * What each write concerns. `lookUp` keys (a card, a pass holder's uid) are
 * what a look-up can settle and may be kept on disk; `memory` keys only order
 * writes while the app runs (the national number is never written to disk).
 */
const writeKeys: { [C in WriteChannel]: (payload: RequestOf<C>) => { lookUp: string[]; memory: string[] } } = {
  'uitpas:registerPassholder': ({ uitpasNumber, inszNumber }) => ({ lookUp: card(uitpasNumber), memory: inszNumber ? [`insz:${normaliseInsz(inszNumber)}`] : [] }),
  'uitpas:registerNewCard': ({ uid, uitpasNumber }) => ({ lookUp: [...holder(uid), ...card(uitpasNumber)], memory: [] }),
  'uitpas:updatePassholder': ({ uitpasNumber }) => ({ lookUp: card(uitpasNumber), memory: [] }),
  'uitpas:registerInCardSystem': ({ uid, uitpasNumber }) => ({ lookUp: [...holder(uid), ...card(uitpasNumber)], memory: [] }),
  'uitpas:updateCardSystemData': ({ uid }) => ({ lookUp: holder(uid), memory: [] }),
  // Setting the same five opt-ins twice leaves them as once: ordered like any write, never noted as pending.
  'uitpas:setOptInPreferences': ({ uid }) => ({ lookUp: [], memory: holder(uid) }),
  'uitpas:blockCard': ({ uitpasNumber }) => ({ lookUp: card(uitpasNumber), memory: [] }),
};

/** Everything a look-up showed: these writes' outcomes are now known to staff. */
function lookedUp(query: string | undefined, passholders: readonly Passholder[]): string[] {
  const digits = query === undefined ? '' : normaliseUitpasNumber(query);
  return [
    ...(/^\d{13}$/.test(digits) ? card(digits) : []),
    ...passholders.flatMap((found) => [...holder(found.uid), ...found.cardSystems.flatMap((system) => card(system.currentCard?.uitpasNumber))]),
  ];
}

export function createMainServices(options: MainServicesOptions): MainServices {
  const { appInfo, createPcscContext, trustAnchors, log } = options;
  const events = new MainEvents();
  const updateNotice = new UpdateNoticeBoard(events);
  const settings = new SettingsStore(join(options.dataDirectory, 'settings.json'));
  const policy = options.policy ?? noPolicy();
  // Reader roles are read at each insertion, the policy's over the user's, so IT's pinning applies without a restart.
  const eid = new CardService({ createPcscContext, connectCard: options.connectCard, trustAnchors, events, log, readerRoles: async () => (await session.effectiveSettings()).readerRoles });
  const reads = new ReadLog(events, demoReaderName);
  eid.start();

  /**
   * The demo environment's backend runs in this process, on loopback, from its first use until the app
   * leaves demo: then it stops, and what it held (pass holders registered in practice, perhaps from a real
   * eID) goes with it. Its consumer secret is this run's and stays in this process.
   */
  let demo: Promise<Simulator> | undefined;
  /** The running demo's prefix: the only place the practice switch for lost answers acts on. */
  let demoPrefix: string | undefined;
  const practice = practiceLostAnswers(options.fetch ?? fetch, () => demoPrefix);
  const startDemo = options.startDemoSimulator ?? (() => startSimulator());
  const stopDemo = async () => {
    const running = demo;
    demo = undefined;
    demoPrefix = undefined;
    await (await running?.catch(() => undefined))?.close();
  };
  const session = new UitpasSession({
    settings,
    policy,
    secrets: new SecretStore(join(options.dataDirectory, 'secrets'), options.secretCipher),
    showAuthorizePage: options.showAuthorizePage,
    demo: () =>
      (demo ??= startDemo().then(
        (simulator) => {
          demoPrefix = simulator.prefix;
          return simulator;
        },
        (error: unknown) => {
          demo = undefined;
          throw error;
        },
      )),
    uitidV2: options.openInSystemBrowser ? { openInBrowser: options.openInSystemBrowser } : undefined,
    fetch: practice.fetch,
  });

  const evidence = new EidEvidence();
  events.subscribe((channel, payload) => {
    if (channel === 'eid:card') evidence.record(payload as EidCard);
  });
  /** Every session view the page gets says whether the settings file was unreadable. */
  const present = (view: SessionView): SessionView => (settings.wasUnreadable ? { ...view, settingsUnreadable: true } : view);
  /**
   * The evidence learns the environment only from views taken inside the gate's
   * session changes, so a slower, older view can never set it back.
   */
  const seen = (view: SessionView): SessionView => {
    evidence.enter(view.environment);
    return present(view);
  };
  /** Outside demo the simulator has no business running. */
  const leftDemo = async (view: SessionView): Promise<SessionView> => {
    if (view.environment !== 'demo') await stopDemo();
    return view;
  };
  const gate = new WriteGate();
  const ready = gate.changeSession(() => session.view()).then(seen, () => undefined);

  const pending = new PendingOutcomes(join(options.dataDirectory, 'pending-outcomes.json'));
  const uitpas = createUitpasHandlers(session, evidence);

  /** Login, logout and settings drop every eID read first; the view afterwards tells the evidence where the app is now. */
  const changingSession =
    <P>(handler: (payload: P) => Promise<SessionView> | SessionView, dropsEvidence: boolean) =>
    (payload: P) =>
      gate.changeSession(async () => {
        if (dropsEvidence) evidence.clear();
        try {
          return seen(await leftDemo(await handler(payload)));
        } catch (error) {
          await session.view().then(leftDemo).then(seen, () => evidence.clear());
          throw error;
        }
      });

  /** Where a write goes now: a pending outcome belongs to the environment and balie it was sent in. */
  const scope = async (): Promise<OutcomeScope> => {
    const view = await session.view();
    return { environment: view.environment, balie: view.balie?.consumerKey ?? '' };
  };
  /** The pending list, or the refusal staff must see when its file could not be read. */
  const pendingOr = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PendingOutcomesUnreadableError) throw new BalieFailure(contractError('pending-outcomes-unreadable'));
      throw error;
    }
  };

  const writing =
    <C extends WriteChannel>(channel: C) =>
    (payload: RequestOf<C>): Promise<ResponseOf<C>> => {
      const { lookUp, memory } = (writeKeys[channel] as (payload: RequestOf<C>) => { lookUp: string[]; memory: string[] })(payload);
      return gate.write([...lookUp, ...memory], `${channel}\n${JSON.stringify(payload)}`, async () => {
        const here = await scope();
        if (await pendingOr(() => pending.find(here, lookUp))) throw new BalieFailure({ ...contractError('outcome-unknown'), outcomeUnknown: true });
        // Noted before sending: if the app dies before the answer, the next start still knows.
        await pending.note(here, lookUp, channel);
        let outcomeKnown = false;
        try {
          const result = await (uitpas[channel] as (payload: RequestOf<C>) => Promise<ResponseOf<C>>)(payload);
          outcomeKnown = true;
          return result;
        } catch (error) {
          outcomeKnown = error instanceof BalieFailure && error.error.outcomeUnknown !== true;
          throw error;
        } finally {
          if (outcomeKnown) await pending.settle(here, lookUp);
        }
      });
    };

  /** A look-up settles what it showed, here only; an unreadable list stays for the writes to refuse, not the look-up. */
  const settleLookedUp = async (keys: string[]) => {
    const here = await scope();
    await pending.settle(here, keys).catch((error: unknown) => {
      if (!(error instanceof PendingOutcomesUnreadableError)) throw error;
    });
  };

  const demoCard = new DemoCard(eid);
  const demoOnly = async () => {
    if ((await session.view()).environment !== 'demo') throw new BalieFailure(contractError('demo-only'));
  };
  const closeListeners = new Set<(close: boolean) => void>();

  const failures = new FailureLog();
  const journal = options.logFile ? new SupportLog(options.logFile, { level: policy.policy.logLevel }) : null;
  journal?.write('info', 'app-start', { version: appInfo.version, host: appInfo.host, policy: policy.current.status });
  if (policy.current.status === 'broken') journal?.write('error', 'policy-broken', { key: policy.current.key ?? 'file', problem: policy.current.problem });
  events.subscribe((channel, payload) => {
    if (channel === 'eid:error') journal?.write('warn', 'read-failed', { cause: (payload as EidReadFailure).cause });
    if (channel === 'eid:card' && (payload as EidCard).complete) {
      const read = reads.recent()[0];
      journal?.write('info', 'read', { kind: read?.cardKind, apdus: read?.apdus ?? undefined, ms: read?.ms });
    }
  });
  const support = new SupportDesk({
    appInfo,
    session,
    policy,
    readers: () => eid.readers(),
    reads,
    failures,
    transport: options.fetch ?? fetch,
    proxyFor: options.proxyFor,
    logFile: options.logFile ?? null,
    updateStatus: options.updateStatus,
  });

  const table: HandlerTable = {
    'support:getReport': async ({ probe, copy }) => {
      const report = await support.report(probe === true);
      const text = reportText(report);
      const copied = copy === true && options.copyText !== undefined;
      if (copied) await options.copyText?.(text);
      return { report, text, copied };
    },
    'app:getInfo': () => appInfo,
    'update:getNotice': () => updateNotice.current,
    'app:confirmClose': ({ close }) => {
      for (const listener of closeListeners) listener(close);
      return null;
    },
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
    'demo:practiseLostAnswers': async ({ on }) => {
      await demoOnly();
      practice.set(on);
      return null;
    },
    ...uitpas,
    'session:get': async () => present(await uitpas['session:get'](undefined)),
    'session:login': changingSession(uitpas['session:login'], true),
    'session:logout': changingSession(uitpas['session:logout'], true),
    'session:chooseBalie': changingSession(uitpas['session:chooseBalie'], false),
    'settings:save': changingSession(uitpas['settings:save'], true),
    'uitpas:findPassholders': async (request) => {
      const found = await uitpas['uitpas:findPassholders'](request);
      await settleLookedUp(lookedUp(request.query, found));
      return found;
    },
    'uitpas:getCard': async (request) => {
      const info = await uitpas['uitpas:getCard'](request);
      await settleLookedUp(lookedUp(request.uitpasNumber, []));
      return info;
    },
    'uitpas:registerPassholder': writing('uitpas:registerPassholder'),
    'uitpas:registerNewCard': writing('uitpas:registerNewCard'),
    'uitpas:updatePassholder': writing('uitpas:updatePassholder'),
    'uitpas:registerInCardSystem': writing('uitpas:registerInCardSystem'),
    'uitpas:updateCardSystemData': writing('uitpas:updateCardSystemData'),
    'uitpas:setOptInPreferences': writing('uitpas:setOptInPreferences'),
    'uitpas:blockCard': writing('uitpas:blockCard'),
  };
  const handlers = guarded(table, policy, failures, journal);

  // IT changed the policy: the page gets the new session (locked fields, or the stop screen) without asking.
  const stopWatching = policy.onChange((state) => {
    journal?.setLevel(policy.policy.logLevel);
    journal?.write(state.status === 'broken' ? 'error' : 'info', 'policy-changed', { status: state.status, ...(state.status === 'broken' ? { key: state.key ?? 'file', problem: state.problem } : {}) });
    void gate
      .changeSession(async () => {
        evidence.clear();
        return seen(await session.policyChanged());
      })
      .then((view) => events.emit('session:changed', view), () => undefined);
  });

  return {
    handlers,
    events,
    session,
    support,
    updateNotice,
    resumeAfterSleep: () => eid.resume(),
    writesInFlight: () => gate.writesInFlight,
    askToClose: () => events.emit('app:closeRequested', { requestInFlight: gate.writesInFlight > 0 }),
    onCloseAnswer: (listener) => void closeListeners.add(listener),
    close: async () => {
      stopWatching();
      reads.close();
      await journal?.flushed();
      eid.close();
      evidence.clear();
      await ready;
      await stopDemo();
    },
  };
}

/** What still answers while the policy is broken: the page's own state, the stop screen and the support report; nothing that sends. */
const answersWhileBroken = new Set<RequestChannel>(['app:getInfo', 'app:confirmClose', 'session:get', 'eid:getReaders', 'eid:getCards', 'support:getReport']);

/** Every handler: refused while the policy is broken (unless it sends nothing), and its failures noted for support. */
function guarded(table: HandlerTable, policy: PolicySource, failures: FailureLog, journal: SupportLog | null): HandlerTable {
  const result: Partial<Record<RequestChannel, (payload: never) => unknown>> = {};
  for (const channel of Object.keys(table) as RequestChannel[]) {
    const handler = table[channel] as (payload: never) => unknown;
    result[channel] = async (payload: never) => {
      const started = Date.now();
      try {
        if (policy.broken && !answersWhileBroken.has(channel)) throw new BalieFailure(contractError('policy-broken'));
        const answer = await handler(payload);
        journal?.write('debug', 'call', { channel, ms: Date.now() - started });
        return answer;
      } catch (error) {
        const failure = error instanceof BalieFailure ? error.error : contractError('internal');
        failures.record(channel, failure);
        // The same codes the support report shows; never the payload or a server's text.
        journal?.write('warn', 'failure', { channel, code: failure.code, detail: failures.recent()[0]?.detail, ms: Date.now() - started });
        throw error;
      }
    };
  }
  return result as HandlerTable;
}
