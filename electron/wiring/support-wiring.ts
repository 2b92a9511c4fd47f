/**
 * What IT sees when a counter calls for help: the failures the page was answered with, the support log
 * (codes and timings only), and the support report. Every handler passes through `guarded`, which
 * refuses what would send while the policy is broken and notes each failure.
 */
import type { AppInfo, EidCard, EidReadFailure, HandlerTable, RequestChannel } from '../ipc/contract';
import { contractError } from '../ipc/contract';
import { BalieFailure } from '../ipc/dispatch';
import type { MainEvents } from '../ipc/main-events';
import type { PolicySource } from '../settings/policy-source';
import { FailureLog } from '../support/failure-log';
import { reportText, SupportDesk } from '../support/support-desk';
import { SupportLog } from '../support/support-log';
import type { HttpTransport } from '../uitpas/transport';
import type { UitpasSession } from '../uitpas/session';
import type { CardServices } from './card-wiring';
import type { UpdateStatus } from '../update/update-plan';

export interface SupportServicesOptions {
  appInfo: AppInfo;
  fetch?: HttpTransport;
  proxyFor?: (url: string) => Promise<string>;
  copyText?: (text: string) => Promise<void>;
  logFile?: string;
  /** The updater's state for the support report (the app's; the browser host never updates). */
  updateStatus?: () => UpdateStatus | null;
}

export interface SupportServices {
  desk: SupportDesk;
  failures: FailureLog;
  journal: SupportLog | null;
}

export function supportServices(options: SupportServicesOptions, policy: PolicySource, session: UitpasSession, cards: CardServices, events: MainEvents): SupportServices {
  const { appInfo } = options;
  const failures = new FailureLog();
  const journal = options.logFile ? new SupportLog(options.logFile, { level: policy.policy.logLevel }) : null;
  journal?.write('info', 'app-start', { version: appInfo.version, host: appInfo.host, policy: policy.current.status });
  if (policy.current.status === 'broken') journal?.write('error', 'policy-broken', { key: policy.current.key ?? 'file', problem: policy.current.problem });
  events.subscribe((channel, payload) => {
    if (channel === 'eid:error') journal?.write('warn', 'read-failed', { cause: (payload as EidReadFailure).cause });
    if (channel === 'eid:card' && (payload as EidCard).complete) {
      const read = cards.reads.recent()[0];
      journal?.write('info', 'read', { kind: read?.cardKind, apdus: read?.apdus ?? undefined, ms: read?.ms });
    }
  });
  const desk = new SupportDesk({
    appInfo,
    session,
    policy,
    readers: () => cards.cards.readers(),
    reads: cards.reads,
    failures,
    transport: options.fetch ?? fetch,
    proxyFor: options.proxyFor,
    logFile: options.logFile ?? null,
    updateStatus: options.updateStatus,
  });
  return { desk, failures, journal };
}

export function supportHandlers(support: SupportServices, copyText?: (text: string) => Promise<void>): Pick<HandlerTable, 'support:getReport'> {
  return {
    'support:getReport': async ({ probe, copy }) => {
      const report = await support.desk.report(probe === true);
      const text = reportText(report);
      const copied = copy === true && copyText !== undefined;
      if (copied) await copyText(text);
      return { report, text, copied };
    },
  };
}

/** What still answers while the policy is broken: the page's own state, the stop screen and the support report; nothing that sends. */
const answersWhileBroken = new Set<RequestChannel>(['app:getInfo', 'app:confirmClose', 'session:get', 'eid:getReaders', 'eid:getCards', 'support:getReport']);

/** Every handler: refused while the policy is broken (unless it sends nothing), and its failures noted for support. */
export function guarded(table: HandlerTable, policy: PolicySource, support: SupportServices): HandlerTable {
  const { failures, journal } = support;
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
