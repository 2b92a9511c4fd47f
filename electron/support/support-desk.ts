/**
 * The support report: versions, where each setting comes from, the readers and the reader test, whether
 * UiTPAS and UiTiD answer (latency, proxy, clock), the last failures as codes. The same report serves the
 * support screen, "Copy report" and `--diagnose`. Nothing personal goes in: only reader names, codes,
 * counts and times are taken from what the services know (test/integration/support-report.test.ts reads a
 * card and logs in, then searches the report for the person and the account).
 */
import { arch, release, type } from 'node:os';
import type { AppInfo, ReaderStatus, SupportProbe, SupportReader, SupportReport } from '../ipc/contract';
import type { ReaderRoles } from '../settings/policy';
import type { UpdateStatus } from '../update/update-plan';
import { withoutUserName } from './private-paths';
import type { PolicySource } from '../settings/policy-source';
import type { UitpasSession } from '../uitpas/session';
import type { FailureLog } from './failure-log';
import { probe, type ProbeOptions } from './probe';
import type { ReadLog } from './read-log';

export interface SupportDeskOptions extends Omit<ProbeOptions, 'now'> {
  appInfo: AppInfo;
  session: UitpasSession;
  policy: PolicySource;
  readers: () => ReaderStatus;
  reads: ReadLog;
  failures: FailureLog;
  logFile: string | null;
  /** The updater's state; absent where nothing updates (the browser host). */
  updateStatus?: () => UpdateStatus | null;
}

export class SupportDesk {
  private network: SupportProbe[] = [];

  constructor(private readonly options: SupportDeskOptions) {}

  /** `tryNetwork`: reach UiTPAS and UiTiD again now; otherwise the last tries are shown. A broken policy sends nothing. */
  async report(tryNetwork: boolean): Promise<SupportReport> {
    const { appInfo, session, policy } = this.options;
    const view = await session.view();
    if (policy.broken) this.network = [];
    else if (tryNetwork) {
      const targets = await session.probeTargets();
      this.network = await Promise.all([probe('uitpas', targets.uitpas, this.options), probe('uitid', targets.uitid, this.options)]);
    }
    const state = policy.current;
    const readers = this.options.readers();
    // Electron's typings promise `electron` and `chrome`; the browser host runs in plain Node without them.
    const versions = process.versions as Partial<Record<string, string>>;
    return {
      generatedAt: new Date().toISOString(),
      app: { name: appInfo.name, version: appInfo.version, host: appInfo.host },
      versions: { electron: versions.electron ?? null, chromium: versions.chrome ?? null, node: process.versions.node, os: `${type()} ${release()} (${arch()})` },
      environment: view.environment,
      login: await session.loginKind(),
      loggedIn: view.loggedIn,
      policy: {
        file: withoutUserName(state.file),
        status: state.status,
        ...(state.status === 'broken' ? { problem: { file: withoutUserName(state.file), key: state.key, problem: state.problem } } : {}),
        ignored: policy.ignored,
      },
      sources: view.sources,
      proxy: { mode: policy.policy.proxy?.mode ?? 'system', source: policy.policy.proxy ? 'policy' : 'default' },
      updates: this.options.updateStatus?.() ?? null,
      readerService: readers.service,
      readers: readers.readers.map(({ name, cardPresent }) => ({ name, role: roleOf(name, view.readerRoles), cardPresent })),
      reads: this.options.reads.recent(),
      network: [...this.network],
      failures: this.options.failures.recent(),
      logFile: this.options.logFile === null ? null : withoutUserName(this.options.logFile),
    };
  }
}

function roleOf(name: string, roles: ReaderRoles): SupportReader['role'] {
  const eid = roles.eidreader.includes(name);
  const nfc = roles.nfcreader.includes(name);
  return eid && nfc ? 'both' : eid ? 'eidreader' : nfc ? 'nfcreader' : 'any';
}

/** The report as plain text for a ticket or a mail: the same in every language (it is for IT and publiq). */
export function reportText(report: SupportReport): string {
  const lines = [
    `${report.app.name} support report, ${report.generatedAt}`,
    `app: ${report.app.version} (${report.app.host}); electron ${report.versions.electron ?? '-'}, chromium ${report.versions.chromium ?? '-'}, node ${report.versions.node}; os ${report.versions.os}`,
    `environment: ${report.environment}; login: ${report.login}; logged in: ${report.loggedIn ? 'yes' : 'no'}`,
    `policy: ${report.policy.file || '-'} (${report.policy.status}${report.policy.problem ? `: ${report.policy.problem.problem} at ${report.policy.problem.key ?? 'the whole file'}` : ''})`,
    ...report.policy.ignored.map((entry) => `policy ignored: ${entry.key} (${entry.problem}, ${entry.level}) in ${entry.origin}`),
    `proxy: ${report.proxy.mode} (${report.proxy.source === 'policy' ? 'policy' : 'system'})`,
    report.updates
      ? `updates: ${report.updates.mode} (${report.updates.modeSource}); installer ${report.updates.installer}; channel ${report.updates.channel}${report.updates.targetVersion ? `; target ${report.updates.targetVersion}` : ''}; last check ${report.updates.lastCheck ? `${report.updates.lastCheck.at} ${report.updates.lastCheck.outcome}` : 'none'}`
      : 'updates: -',
    `settings: ${Object.entries(report.sources)
      .map(([key, source]) => `${key}=${source}`)
      .join(', ')}`,
    `reader service: ${report.readerService}`,
    ...report.readers.map((reader) => `reader: ${reader.name} [${reader.role}] ${reader.cardPresent ? 'card present' : 'empty'}`),
    ...report.reads.map((read) => `read: ${read.at} ${read.reader} ${read.cardKind} ${read.apdus ?? '-'} APDUs ${read.ms} ms ${read.outcome}`),
    ...(report.network.length === 0 ? ['network: not tried'] : report.network.map(probeLine)),
    ...report.failures.map((failure) => `failure: ${failure.at} ${failure.channel} ${failure.code}${failure.detail ? ` (${failure.detail})` : ''}`),
    `log: ${report.logFile ?? '-'}`,
  ];
  return `${lines.join('\n')}\n`;
}

function probeLine(probe: SupportProbe): string {
  const result = probe.reachable ? `reachable, HTTP ${probe.httpStatus ?? '?'} in ${probe.latencyMs ?? '?'} ms` : `NOT reachable (${probe.failure ?? '?'})`;
  const clock = probe.clockOffsetSeconds === undefined ? '' : `, clock offset ${probe.clockOffsetSeconds} s`;
  return `${probe.target}: ${probe.origin} ${result}, proxy ${probe.proxy}${clock}`;
}
