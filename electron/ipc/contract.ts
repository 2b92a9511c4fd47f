/**
 * The one IPC contract between the main process and the page.
 *
 * Every request channel (invoke/handle) and every main→page event is declared
 * here once, with its payload and answer types; the runtime guard for what the
 * page sends lives in payload-guards.ts, one named guard per payload.
 * Electron's ipc-main.ts, the browser host and the preload API are all derived from
 * these tables, so a channel cannot exist on one side only.
 */
import type { EidFieldWarning, EidReadCause, EidReadStep } from '../../native/beid/types';
import type { CardKind } from '../../native/contactless/card-kind';
import type { ReaderStatus } from '../../native/pcsc/types';
import type { FieldProblem } from '../rules/passholder-rules';
import type { EnvironmentName } from '../settings/environments';
import type { Language } from '../settings/languages';
import type { IgnoredPolicyKey, PolicyKey, PolicyProblem, ProxyPolicy, ReaderRoles, SettingSource, UitidV2ClientSetting, UpdateMode } from '../settings/policy';
import type { UitpasErrorCode } from '../uitpas/error-codes';
import type { UpdateNoticeView } from '../update/update-notice';
import type { InstallerKind, UpdateNotice, UpdateStatus } from '../update/update-plan';
import type { BadResponseReason, LoginProblem } from '../uitpas/errors';
import type { Balie, CardInfo, GroupPass, Identification, Passholder, UitpasPrice } from '../uitpas/model';
import type { NewCardReason, Registered } from '../uitpas/types';
import {
  isBlockRequest,
  isCardQuery,
  isCardSystemDataChange,
  isCardSystemRegistration,
  isChooseBalieRequest,
  isCloseAnswer,
  isDemoCardRequest,
  isPracticeSwitch,
  isFindPassholdersQuery,
  isNewCardRequest,
  isOptInChange,
  isPassholderSearch,
  isPriceQuery,
  isRegisterPassholderRequest,
  isSettingsChange,
  isSupportRequest,
  isUpdatePassholderRequest,
} from './payload-guards';
import { isNothing, type Guard } from './validation';

/**
 * Types declared where main keeps them that the page needs too: the page may
 * import only this file (and electron/rules/) from main, never native/.
 */
export type { Balie, CardInfo, CardKind, EidFieldWarning, EidReadCause, EnvironmentName, GroupPass, Identification, Language, NewCardReason, Passholder, ReaderStatus, Registered, UitpasErrorCode, UitpasPrice };
export type { IgnoredPolicyKey, PolicyKey, PolicyProblem, ReaderRoles, SettingSource, UitidV2ClientSetting };
export type { InstallerKind, UpdateMode, UpdateStatus };
export type { UpdateNotice, UpdateNoticeView };
export type { EidFieldWarningCode } from '../../native/beid/types';
export type { OptInPreferences, PassholderSearch, PriceReason } from '../uitpas/types';
import type { OptInPreferences } from '../uitpas/types';

/**
 * What became of a call the real counter makes after register or update (SX PassHolderService register()/update()):
 * stored, failed (the registration or update stands; the page may retry the opt-ins), or not sent.
 */
export type FollowUp = 'stored' | 'failed' | 'not-sent';

/** The opt-ins a failed follow-up sent, kept so the page can send them once more through setOptInPreferences. */
export interface OptInRetry {
  uid: string;
  dateOfBirth?: string;
  preferences: OptInPreferences;
}

export interface AppInfo {
  name: string;
  version: string;
  /** 'win32' | 'darwin' | 'linux': the page shows platform-specific help. */
  platform: string;
  /** Which host serves the page: the Electron window, or the browser host used for development and tests. */
  host: 'electron' | 'browser';
}

/**
 * Every error code a channel can answer with. Codes travel, words do not: the
 * page turns a code and its parameters into text in the staff member's language
 * (renderer/messages/).
 */
export const balieErrorCodes = [
  'invalid-request',
  'untrusted-sender',
  'unknown-channel',
  'internal',
  'not-logged-in',
  'no-balie',
  'settings-incomplete',
  'secret-store-unavailable',
  'login-cancelled',
  'invalid-field',
  'demo-only',
  /** The machine's policy file cannot be used: nothing is sent until IT fixes it (SessionView.policyProblem says where). */
  'policy-broken',
  /** The machine's policy sets this setting: staff cannot change it. */
  'setting-locked',
  /** The same write is already on its way to UiTPAS (main serialises writes per pass holder and card). */
  'duplicate-in-flight',
  /** An earlier write for this pass holder or card got no answer: look them up first (sent with outcomeUnknown). */
  'outcome-unknown',
  'uitpas-rejected',
  'uitpas-login-required',
  'uitpas-timeout',
  'uitpas-unreachable',
  'uitpas-server',
  'uitpas-bad-response',
  /** The list of writes without an answer could not be read: it was moved aside, and writes wait until IT has looked at it. */
  'pending-outcomes-unreadable',
] as const;

export type BalieErrorCode = (typeof balieErrorCodes)[number];

export interface BalieError {
  code: BalieErrorCode;
  /** The form field the error concerns, when it concerns one. */
  field?: string;
  /** invalid-field: which rule the field breaks. */
  problem?: FieldProblem;
  /** uitpas-rejected: UiTPAS's own error code. */
  apiCode?: string;
  /** uitpas-rejected with a code the app does not know: UiTPAS's own text, shown as it came. */
  serverMessage?: string;
  requiredPermission?: string;
  /** uitpas-server, uitpas-bad-response: the HTTP status UiTPAS answered with. */
  httpStatus?: number;
  /** uitpas-bad-response: what was wrong with the answer. */
  badResponse?: BadResponseReason;
  /** uitpas-login-required: what to put right (log in again, the clock, the app's key). */
  loginProblem?: LoginProblem;
  /** loginProblem clock: the server's time minus this computer's, in seconds, when the answer said. */
  clockOffsetSeconds?: number;
  /** uitpas-unreachable: the network's own code (ECONNREFUSED, ERR_PROXY_CONNECTION_FAILED, …), for support. */
  network?: string;
  /**
   * The request may have reached UiTPAS before it failed: do not send it again
   * before looking the pass holder up (by INSZ or UiTPAS number).
   */
  outcomeUnknown?: boolean;
  /** INSZ_ALREADY_USED: the uid of the pass holder who has this INSZ. */
  existingPassholderUid?: string;
}

export interface TappedCard {
  reader: string;
  /** The card's UID in upper-case hex: 14 digits for a UiTPAS card (native/contactless/chip-number.ts). */
  chipNumber: string;
}

export interface CardSeen {
  reader: string;
  kind: CardKind;
  /** APDUs the read took, re-sends and re-reads included. */
  apduCount: number;
  /** PC/SC transactions it ran in. */
  transactions: number;
  /** The reader is pinned to the other kind of card (settings' readerRoles): the card was not used. */
  ignored: boolean;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BalieError };

export function contractError(code: BalieErrorCode): BalieError {
  return { code };
}

export type Gender = 'MALE' | 'FEMALE';

/** What an eID fills in on a pass holder form, in the UiTPAS API's field names. */
export interface PassholderPrefill {
  name: string;
  firstName: string;
  secondName: string;
  inszNumber: string;
  /** YYYY-MM-DD, or null when the card leaves the day or month blank (see dateOfBirthRaw). */
  dateOfBirth: string | null;
  gender: Gender | null;
  nationality: string;
  placeOfBirth: string;
  street: string;
  postalCode: string;
  city: string;
  /** True only when the National Register's signatures over this data checked out. */
  verified: boolean;
}

export interface EidCardSummary {
  appletVersion: string;
  cardNumber: string;
  /** The card's document type code (1: Belgian identity card); native/'s Dutch label stays in main. */
  documentType: number;
  validityBegin: string;
  validityEnd: string;
  /** The validity end is before today: still prefilled, never verified. */
  expired?: boolean;
}

/** Per part of the card: is it what the National Register signed? */
export interface EidIntegrity {
  identity: boolean;
  address: boolean;
  photo: boolean;
  /** 'not-rrn': chains to a Belgian root but is not the National Register's signing certificate. */
  certificate: 'trusted' | 'untrusted' | 'unreadable' | 'not-rrn';
}

/**
 * An eID in a reader. Sent twice per read: first with identity and address
 * (`complete: false`, no photo, not yet verified), then complete.
 */
export interface EidCard {
  reader: string;
  /** New for every read, so the page can tell a re-inserted card from the one it has. */
  readId: string;
  complete: boolean;
  card: EidCardSummary;
  prefill: PassholderPrefill;
  /** The birth date exactly as on the card. */
  dateOfBirthRaw: string;
  photo: { jpegBase64: string; hashMatches: boolean } | null;
  integrity: EidIntegrity | null;
  /** Fields the card holds but that could not be read: left empty, the page says which. */
  warnings?: EidFieldWarning[];
}

/** Why this computer cannot keep secrets: the OS has no encryption, Linux has no keyring (plain text, refused), or the page runs in the browser host. */
export type SecretStoreProblem = 'no-encryption' | 'no-keyring' | 'browser-host';

export interface SessionView {
  environment: EnvironmentName;
  environments: EnvironmentName[];
  /** The Service Consumer key (not secret); whether its secret is stored is all the page learns of the secret. */
  consumerKey: string;
  hasConsumerSecret: boolean;
  /** Why secrets cannot be stored on this computer, or null. */
  secretStoreProblem: SecretStoreProblem | null;
  /** The language of the page on this workstation. */
  language: Language;
  /** Whether the register and update forms tick "store the eID photo" by default (absent: yes). */
  storeEidPhoto?: boolean;
  loggedIn: boolean;
  /** The logged-in UiTiD account (e-mail or name) when the login says it (UiTiD v2), for the top bar. */
  account: string | null;
  balies: { id: string; name: string }[];
  balie: Balie | null;
  /** The settings file could not be read: the app fell back to demo, and the page must say so until settings are saved. */
  settingsUnreadable?: boolean;
  /** Where each setting comes from; `policy` ones are shown locked. */
  sources: Record<PolicyKey, SettingSource>;
  /** The UiTiD v2 client the login uses (null: UiTiD v1). */
  uitidV2: UitidV2ClientSetting | null;
  readerRoles: ReaderRoles;
  /** The machine's policy cannot be used: the app stops in a screen naming the file and the key. */
  policyProblem?: PolicyProblem;
}

export interface SettingsChange {
  environment: EnvironmentName;
  language?: Language;
  consumerKey?: string;
  /** Write-only: stored in the OS secret store, never sent back. */
  consumerSecret?: string;
  storeEidPhoto?: boolean;
}

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

export interface EidReading {
  reader: string;
  step: EidReadStep;
  /** 0…1 */
  progress: number;
}

export interface EidReadFailure {
  reader: string;
  cause: EidReadCause;
}

/** A request channel: the guard checks what the page sends, the phantom type says what main answers. */
export interface RequestSpec<Req, Res> {
  readonly validate: Guard<Req>;
  readonly response?: Res;
}

function request<Res>() {
  return <Req>(validate: Guard<Req>): RequestSpec<Req, Res> => ({ validate });
}

export interface EventSpec<Payload> {
  readonly payload?: Payload;
}

function event<Payload>(): EventSpec<Payload> {
  return {};
}

export const requestChannels = {
  'app:getInfo': request<AppInfo>()(isNothing),
  /** The page's answer to app:closeRequested: close the window now, or keep it open. */
  'app:confirmClose': request<null>()(isCloseAnswer),
  'eid:getReaders': request<ReaderStatus>()(isNothing),
  /** The cards in the readers right now (after a page reload). */
  'eid:getCards': request<EidCard[]>()(isNothing),
  /** Demo environment only: put a virtual card of a made-up person in the demo reader, or take it out. */
  'eid:insertDemoCard': request<null>()(isDemoCardRequest),
  'eid:removeDemoCard': request<null>()(isNothing),
  /** Demo environment only: the practice switch that loses the answer of every write to UiTPAS while on, to learn the unknown outcome. */
  'demo:practiseLostAnswers': request<null>()(isPracticeSwitch),
  'session:get': request<SessionView>()(isNothing),
  'session:login': request<SessionView>()(isNothing),
  'session:logout': request<SessionView>()(isNothing),
  'session:chooseBalie': request<SessionView>()(isChooseBalieRequest),
  'settings:save': request<SessionView>()(isSettingsChange),
  'uitpas:getCard': request<CardInfo>()(isCardQuery),
  'uitpas:getPrice': request<UitpasPrice>()(isPriceQuery),
  /** A UiTPAS number, an INSZ or a chip number, as typed or scanned: looked up through uitpas/retrieve. */
  'uitpas:findPassholders': request<Passholder[]>()(isFindPassholdersQuery),
  /**
   * Whatever was scanned, typed or tapped (UiTPAS number, INSZ, chip number), as uitpas/retrieve finds it:
   * a pass holder, a card (in stock, blocked, deleted, another balie's), a group pass, or null for nothing.
   */
  'uitpas:identify': request<Identification | null>()(isFindPassholdersQuery),
  /** Search by name (`*` as wildcard), first name, date of birth (YYYY-MM-DD), postal code, or several UiTPAS numbers. */
  'uitpas:searchPassholders': request<{ total: number; passholders: Passholder[] }>()(isPassholderSearch),
  /**
   * Answers whether UiTPAS was told the data is verified (main decides that from the eID read), and what became
   * of the opt-ins and the photo sent after it.
   */
  'uitpas:registerPassholder': request<Registered & { verified: boolean; optIns: FollowUp; picture: FollowUp }>()(isRegisterPassholderRequest),
  'uitpas:registerNewCard': request<Registered>()(isNewCardRequest),
  'uitpas:updatePassholder': request<{ code: string; picture: FollowUp; optIns: FollowUp; retry?: OptInRetry }>()(isUpdatePassholderRequest),
  /** The five opt-ins of a pass holder: after a registration whose own follow-up failed, or changed on their screen. */
  'uitpas:setOptInPreferences': request<OptInPreferences>()(isOptInChange),
  /** Blocks one card (lost, stolen, defect); a new card is a separate step. */
  'uitpas:blockCard': request<{ code: string }>()(isBlockRequest),
  'uitpas:registerInCardSystem': request<Passholder>()(isCardSystemRegistration),
  'uitpas:updateCardSystemData': request<{ code: string }>()(isCardSystemDataChange),
  /**
   * The support report: `probe` tries UiTPAS and UiTiD again (otherwise the last tries are kept), `copy`
   * puts the text on the clipboard where main can (the app); the page copies it itself in the browser host.
   */
  'support:getReport': request<{ report: SupportReport; text: string; copied: boolean }>()(isSupportRequest),
  /** The update notice for staff, if there is one (a page that loads after the check asks here). */
  'update:getNotice': request<UpdateNoticeView | null>()(isNothing),
} as const;

export const eventChannels = {
  /** The session changed without the page asking (the machine's policy changed on disk). */
  'session:changed': event<SessionView>(),
  /** The window is being closed; the page asks staff first when a write is on its way, and answers with app:confirmClose. */
  'app:closeRequested': event<{ requestInFlight: boolean }>(),
  /** The reader list or the PC/SC service changed. */
  'eid:readers': event<ReaderStatus>(),
  'eid:reading': event<EidReading>(),
  'eid:card': event<EidCard>(),
  'eid:removed': event<{ reader: string }>(),
  'eid:error': event<EidReadFailure>(),
  /** A UiTPAS card tapped on a reader (or put in one): its chip number, for the page to look up and route. */
  'card:tapped': event<TappedCard>(),
  /** What a reader's card turned out to be and what reading it cost: for support's reader test. */
  'card:seen': event<CardSeen>(),
  /** What the release feed said that staff must know: a newer version, one installing at closing, or this one too old. */
  'update:notice': event<UpdateNoticeView>(),
} as const;

export type RequestChannel = keyof typeof requestChannels;
export type EventChannel = keyof typeof eventChannels;

export type RequestOf<C extends RequestChannel> =
  (typeof requestChannels)[C] extends RequestSpec<infer Req, unknown> ? Req : never;
export type ResponseOf<C extends RequestChannel> =
  (typeof requestChannels)[C] extends RequestSpec<unknown, infer Res> ? Res : never;
export type EventPayloadOf<C extends EventChannel> =
  (typeof eventChannels)[C] extends EventSpec<infer P> ? P : never;

export function isRequestChannel(channel: unknown): channel is RequestChannel {
  return typeof channel === 'string' && Object.hasOwn(requestChannels, channel);
}

export function isEventChannel(channel: unknown): channel is EventChannel {
  return typeof channel === 'string' && Object.hasOwn(eventChannels, channel);
}

/** The main-process side: one handler per request channel. */
export type HandlerTable = {
  [C in RequestChannel]: (payload: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/** The API the page sees as `window.balie`, made by hand from the channels above. */
export interface BalieApi {
  getAppInfo(): Promise<Result<ResponseOf<'app:getInfo'>>>;
  confirmClose(answer: RequestOf<'app:confirmClose'>): Promise<Result<null>>;
  getReaders(): Promise<Result<ResponseOf<'eid:getReaders'>>>;
  getCards(): Promise<Result<ResponseOf<'eid:getCards'>>>;
  insertDemoCard(request: RequestOf<'eid:insertDemoCard'>): Promise<Result<null>>;
  removeDemoCard(): Promise<Result<null>>;
  practiseLostAnswers(request: RequestOf<'demo:practiseLostAnswers'>): Promise<Result<null>>;
  getSession(): Promise<Result<SessionView>>;
  logIn(): Promise<Result<SessionView>>;
  logOut(): Promise<Result<SessionView>>;
  chooseBalie(request: RequestOf<'session:chooseBalie'>): Promise<Result<SessionView>>;
  saveSettings(change: RequestOf<'settings:save'>): Promise<Result<SessionView>>;
  getCard(request: RequestOf<'uitpas:getCard'>): Promise<Result<ResponseOf<'uitpas:getCard'>>>;
  getPrice(query: RequestOf<'uitpas:getPrice'>): Promise<Result<ResponseOf<'uitpas:getPrice'>>>;
  findPassholders(request: RequestOf<'uitpas:findPassholders'>): Promise<Result<ResponseOf<'uitpas:findPassholders'>>>;
  identify(request: RequestOf<'uitpas:identify'>): Promise<Result<ResponseOf<'uitpas:identify'>>>;
  searchPassholders(request: RequestOf<'uitpas:searchPassholders'>): Promise<Result<ResponseOf<'uitpas:searchPassholders'>>>;
  registerPassholder(fields: RequestOf<'uitpas:registerPassholder'>): Promise<Result<ResponseOf<'uitpas:registerPassholder'>>>;
  registerNewCard(request: RequestOf<'uitpas:registerNewCard'>): Promise<Result<ResponseOf<'uitpas:registerNewCard'>>>;
  updatePassholder(request: RequestOf<'uitpas:updatePassholder'>): Promise<Result<ResponseOf<'uitpas:updatePassholder'>>>;
  setOptInPreferences(request: RequestOf<'uitpas:setOptInPreferences'>): Promise<Result<ResponseOf<'uitpas:setOptInPreferences'>>>;
  blockCard(request: RequestOf<'uitpas:blockCard'>): Promise<Result<ResponseOf<'uitpas:blockCard'>>>;
  registerInCardSystem(request: RequestOf<'uitpas:registerInCardSystem'>): Promise<Result<ResponseOf<'uitpas:registerInCardSystem'>>>;
  updateCardSystemData(request: RequestOf<'uitpas:updateCardSystemData'>): Promise<Result<ResponseOf<'uitpas:updateCardSystemData'>>>;
  getSupportReport(request: RequestOf<'support:getReport'>): Promise<Result<ResponseOf<'support:getReport'>>>;
  getUpdateNotice(): Promise<Result<ResponseOf<'update:getNotice'>>>;
  /** Each returns a function that stops listening. */
  onCloseRequested(listener: (request: EventPayloadOf<'app:closeRequested'>) => void): () => void;
  onSessionChanged(listener: (session: EventPayloadOf<'session:changed'>) => void): () => void;
  onReaders(listener: (status: EventPayloadOf<'eid:readers'>) => void): () => void;
  onReading(listener: (reading: EventPayloadOf<'eid:reading'>) => void): () => void;
  onCard(listener: (card: EventPayloadOf<'eid:card'>) => void): () => void;
  onCardRemoved(listener: (removed: EventPayloadOf<'eid:removed'>) => void): () => void;
  onReadFailed(listener: (failure: EventPayloadOf<'eid:error'>) => void): () => void;
  onCardTapped(listener: (tapped: EventPayloadOf<'card:tapped'>) => void): () => void;
  onCardSeen(listener: (seen: EventPayloadOf<'card:seen'>) => void): () => void;
  onUpdateNotice(listener: (notice: EventPayloadOf<'update:notice'>) => void): () => void;
}
