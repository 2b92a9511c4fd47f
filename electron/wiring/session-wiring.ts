/**
 * The staff session: settings, the machine's policy, UiTPAS login and balie, the eID evidence main keeps for
 * `verified`, and the write gate that orders session changes against writes. Login, logout and settings
 * drop every eID read; a policy change on disk reaches the page without it asking.
 */
import { join } from 'node:path';
import { EidEvidence } from '../cards/eid-evidence';
import type { EidCard, HandlerTable, SessionView } from '../ipc/contract';
import type { MainEvents } from '../ipc/main-events';
import { noPolicy, type PolicySource } from '../settings/policy-source';
import { SecretStore, type SecretCipher } from '../settings/secret-store';
import { SettingsStore } from '../settings/settings-store';
import type { SupportLog } from '../support/support-log';
import type { createUitpasHandlers } from '../uitpas/handlers';
import type { LoginFlowOptions } from '../uitpas/login-flow';
import { UitpasSession } from '../uitpas/session';
import { WriteGate } from '../uitpas/write-gate';
import type { DemoEnvironment } from './demo-environment';

export interface SessionServicesOptions {
  dataDirectory: string;
  policy?: PolicySource;
  secretCipher: SecretCipher;
  showAuthorizePage: LoginFlowOptions['showAuthorizePage'];
  openInSystemBrowser?: (url: string, authorizationOrigin: string) => Promise<void>;
}

export interface SessionServices {
  settings: SettingsStore;
  policy: PolicySource;
  session: UitpasSession;
  evidence: EidEvidence;
  gate: WriteGate;
  /** The first session view, taken inside the gate. */
  ready: Promise<SessionView | undefined>;
  /** Every session view the page gets says whether the settings file was unreadable. */
  present: (view: SessionView) => SessionView;
  /**
   * A view taken inside the gate's session changes: the evidence learns the environment only from these,
   * so a slower, older view can never set it back.
   */
  seen: (view: SessionView) => SessionView;
  /** A session change (login, logout, balie, settings, policy) inside the gate, counted in `generation`. */
  changeSession: (work: () => Promise<SessionView>) => Promise<SessionView>;
  /**
   * Counts session changes, before and after each, so a look-up can tell that the session it was sent in is
   * no longer the one it returns to (issue 27 item 10).
   */
  generation: () => number;
}

export function sessionServices(options: SessionServicesOptions, demo: DemoEnvironment, events: MainEvents): SessionServices {
  const settings = new SettingsStore(join(options.dataDirectory, 'settings.json'));
  const policy = options.policy ?? noPolicy();
  const session = new UitpasSession({
    settings,
    policy,
    secrets: new SecretStore(join(options.dataDirectory, 'secrets'), options.secretCipher),
    showAuthorizePage: options.showAuthorizePage,
    demo: () => demo.simulator(),
    uitidV2: options.openInSystemBrowser ? { openInBrowser: options.openInSystemBrowser } : undefined,
    fetch: demo.fetch,
  });
  const evidence = new EidEvidence();
  events.subscribe((channel, payload) => {
    if (channel === 'eid:card') evidence.record(payload as EidCard);
  });
  const present = (view: SessionView): SessionView => (settings.wasUnreadable ? { ...view, settingsUnreadable: true } : view);
  const seen = (view: SessionView): SessionView => {
    evidence.enter(view.environment);
    return present(view);
  };
  const gate = new WriteGate();
  const ready = gate.changeSession(() => session.view()).then(seen, () => undefined);
  let generation = 0;
  const changeSession = (work: () => Promise<SessionView>) =>
    gate.changeSession(async () => {
      generation += 1;
      try {
        return await work();
      } finally {
        generation += 1;
      }
    });
  return { settings, policy, session, evidence, gate, ready, present, seen, changeSession, generation: () => generation };
}

type SessionChannel = 'session:get' | 'session:login' | 'session:logout' | 'session:chooseBalie' | 'settings:save';

export function sessionHandlers(services: SessionServices, demo: DemoEnvironment, uitpas: ReturnType<typeof createUitpasHandlers>): Pick<HandlerTable, SessionChannel> {
  const { changeSession, evidence, session, seen, present } = services;
  /** Login, logout and settings drop every eID read first; the view afterwards tells the evidence where the app is now. */
  const changingSession =
    <P>(handler: (payload: P) => Promise<SessionView> | SessionView, dropsEvidence: boolean) =>
    (payload: P) =>
      changeSession(async () => {
        if (dropsEvidence) evidence.clear();
        try {
          return seen(await demo.leaveUnlessDemo(await handler(payload)));
        } catch (error) {
          await session.view().then((view) => demo.leaveUnlessDemo(view)).then(seen, () => evidence.clear());
          throw error;
        }
      });
  return {
    'session:get': async () => present(await uitpas['session:get'](undefined)),
    'session:login': changingSession(uitpas['session:login'], true),
    'session:logout': changingSession(uitpas['session:logout'], true),
    'session:chooseBalie': changingSession(uitpas['session:chooseBalie'], false),
    'settings:save': changingSession(uitpas['settings:save'], true),
  };
}

/** IT changed the policy: the page gets the new session (locked fields, or the stop screen) without asking. Returns the stop. */
export function watchPolicy(services: SessionServices, demo: DemoEnvironment, events: MainEvents, journal: SupportLog | null): () => void {
  const { policy, changeSession, evidence, session, seen } = services;
  return policy.onChange((state) => {
    journal?.setLevel(policy.policy.logLevel);
    journal?.write(state.status === 'broken' ? 'error' : 'info', 'policy-changed', { status: state.status, ...(state.status === 'broken' ? { key: state.key ?? 'file', problem: state.problem } : {}) });
    void changeSession(async () => {
      evidence.clear();
      // A policy that leaves demo stops the simulator as the settings switch does (issue 27 item 9).
      return seen(await demo.leaveUnlessDemo(await session.policyChanged()));
    }).then((view) => events.emit('session:changed', view), () => undefined);
  });
}
