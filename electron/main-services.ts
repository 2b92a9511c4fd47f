/**
 * The main process's services, free of Electron: the Electron main process and
 * the browser host both build them here and bind the same handler table.
 */
import type { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import type { CreatePcscContext } from '../native/pcsc/pcsc-port';
import { contractError, type AppInfo, type EidCard, type HandlerTable, type Passholder, type RequestOf, type ResponseOf, type SessionView } from './ipc/contract';
import { BalieFailure } from './ipc/dispatch';
import { DemoCard } from './cards/demo-card';
import { EidEvidence } from './cards/eid-evidence';
import { CardService } from './cards/card-service';
import { MainEvents } from './ipc/main-events';
import { normaliseInsz } from './rules/insz';
import { normaliseUitpasNumber } from './rules/uitpas-number';
import { PendingOutcomes, PendingOutcomesUnreadableError, type OutcomeScope } from './uitpas/pending-outcomes';
import { SecretStore, type SecretCipher } from './settings/secret-store';
import { SettingsStore } from './settings/settings-store';
import { startSimulator, type Simulator } from './simulator/server';
import { createUitpasHandlers } from './uitpas/handlers';
import type { LoginFlowOptions } from './uitpas/login-flow';
import { UitpasSession } from './uitpas/session';
import { WriteGate } from './uitpas/write-gate';

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
  /** Starts the demo environment's simulator; tests watch it here. */
  startDemoSimulator?: () => Promise<Simulator>;
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
  const settings = new SettingsStore(join(options.dataDirectory, 'settings.json'));
  // Reader roles are read from the settings at each insertion, so IT's pinning applies without a restart.
  const eid = new CardService({ createPcscContext, trustAnchors, events, log, readerRoles: async () => (await settings.load()).readerRoles });
  eid.start();

  /**
   * The demo environment's backend runs in this process, on loopback, from its first use until the app
   * leaves demo: then it stops, and what it held (pass holders registered in practice, perhaps from a real
   * eID) goes with it. Its consumer secret is this run's and stays in this process.
   */
  let demo: Promise<Simulator> | undefined;
  const startDemo = options.startDemoSimulator ?? (() => startSimulator());
  const stopDemo = async () => {
    const running = demo;
    demo = undefined;
    await (await running?.catch(() => undefined))?.close();
  };
  const session = new UitpasSession({
    settings,
    secrets: new SecretStore(join(options.dataDirectory, 'secrets'), options.secretCipher),
    showAuthorizePage: options.showAuthorizePage,
    demo: () =>
      (demo ??= startDemo().catch((error: unknown) => {
        demo = undefined;
        throw error;
      })),
    uitidV2: options.openInSystemBrowser ? { openInBrowser: options.openInSystemBrowser } : undefined,
    fetch: options.fetch,
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

  const handlers: HandlerTable = {
    'app:getInfo': () => appInfo,
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

  return {
    handlers,
    events,
    session,
    resumeAfterSleep: () => eid.resume(),
    writesInFlight: () => gate.writesInFlight,
    askToClose: () => events.emit('app:closeRequested', { requestInFlight: gate.writesInFlight > 0 }),
    onCloseAnswer: (listener) => void closeListeners.add(listener),
    close: async () => {
      eid.close();
      evidence.clear();
      await ready;
      await stopDemo();
    },
  };
}
