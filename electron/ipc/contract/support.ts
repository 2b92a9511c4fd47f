/** What the support screen and `--diagnose` show IT: versions, settings' sources, readers, reads, network, failures. Nothing personal. */
import type { EidReadCause } from '../../../native/beid/types';
import type { CardKind } from '../../../native/contactless/card-kind';
import type { ReaderStatus } from '../../../native/pcsc/types';
import type { EnvironmentName } from '../../settings/environments';
import type { IgnoredPolicyKey, PolicyKey, PolicyProblem, ProxyPolicy, SettingSource } from '../../settings/policy';
import type { UpdateStatus } from '../../update/update-plan';
import { isSupportRequest } from '../payload-guards';
import { request, type Answer, type RequestIn } from './channel-spec';
import type { BalieErrorCode } from './errors';
import type { RequestChannel } from './index';

/** A reader as the support screen shows it: its role from the settings, and what it sees now. */
export interface SupportReader {
  name: string;
  /** From readerRoles: for the eID, for contactless UiTPAS cards, both, or any card (no role set). */
  role: 'eidreader' | 'nfcreader' | 'both' | 'any';
  cardPresent: boolean;
}

/** One card read, as the reader test reports it: never what was on the card. */
export interface SupportRead {
  /** ISO time of the end of the read. */
  at: string;
  reader: string;
  /** What kind of card it was: an eID, a contactless UiTPAS card, or neither. */
  cardKind: CardKind;
  /** APDUs exchanged with the card; null for the demo card (not behind PC/SC) and a failed read. */
  apdus: number | null;
  /** From the first sign of the card to the complete read (or the failure). */
  ms: number;
  /** 'read'; 'ignored' when the reader is pinned to the other kind of card (readerRoles); or why it failed. */
  outcome: 'read' | 'ignored' | EidReadCause;
}

/** A service the app must reach, as the support screen tried it just now. */
export interface SupportProbe {
  target: 'uitpas' | 'uitid';
  /** Scheme, host and port only. */
  origin: string;
  reachable: boolean;
  /** The HTTP status it answered with (any answer means reachable). */
  httpStatus?: number;
  latencyMs?: number;
  /** What failed when unreachable: a code (ECONNREFUSED, ERR_PROXY_CONNECTION_FAILED, timeout, redirect…). */
  failure?: string;
  /** What the network stack uses for it: DIRECT, PROXY host:port, … */
  proxy: string;
  /** The server's Date minus this computer's clock, in seconds. */
  clockOffsetSeconds?: number;
}

/** A failure the page was answered with: codes only, never the payload or a server's text. */
export interface SupportFailure {
  at: string;
  channel: RequestChannel;
  code: BalieErrorCode;
  /** UiTPAS's own code, the login problem, the bad-response reason, the HTTP status, when there is one. */
  detail?: string;
}

/** What the support screen shows and "Copy report" copies: nothing personal (checked by a test). */
export interface SupportReport {
  generatedAt: string;
  app: { name: string; version: string; host: 'electron' | 'browser' };
  versions: { electron: string | null; chromium: string | null; node: string; os: string };
  environment: EnvironmentName;
  login: 'uitid-v1' | 'uitid-v2';
  loggedIn: boolean;
  policy: { file: string; status: 'absent' | 'valid' | 'broken'; problem?: PolicyProblem; ignored: IgnoredPolicyKey[] };
  sources: Record<PolicyKey, SettingSource>;
  /** The proxy in force for every session (UiTPAS, UiTiD login, updater): the policy's, or the system's. */
  proxy: { mode: ProxyPolicy['mode']; source: 'policy' | 'default' };
  /** null in the browser host, which never updates. */
  updates: UpdateStatus | null;
  readerService: ReaderStatus['service'];
  readers: SupportReader[];
  reads: SupportRead[];
  /** Empty when the network was not tried (a broken policy sends nothing). */
  network: SupportProbe[];
  failures: SupportFailure[];
  /** The support log file (codes and timings), for IT. */
  logFile: string | null;
}

export const supportRequests = {
  /**
   * The support report: `probe` tries UiTPAS and UiTiD again (otherwise the last tries are kept), `copy`
   * puts the text on the clipboard where main can (the app); the page copies it itself in the browser host.
   */
  'support:getReport': request<{ report: SupportReport; text: string; copied: boolean }>()(isSupportRequest),
} as const;

type R = typeof supportRequests;

export interface SupportApi {
  getSupportReport(request: RequestIn<R, 'support:getReport'>): Answer<R, 'support:getReport'>;
}
