/**
 * The one IPC contract between the main process and the page.
 *
 * Every request channel (invoke/handle) and every main→page event is declared
 * here once, with its payload and answer types; the runtime guard for what the
 * page sends lives in payload-guards.ts, one named guard per payload.
 * Electron's ipc-main.ts, the browser host and the preload API are all derived from
 * these tables, so a channel cannot exist on one side only.
 */
import type { EidReadCause, EidReadStep } from '../../native/beid/types';
import type { ReaderStatus } from '../../native/pcsc/types';
import type { EnvironmentName } from '../settings/environments';
import type { Balie, CardInfo, Passholder, UitpasPrice } from '../uitpas/model';
import type { Registered } from '../uitpas/types';
import {
  isCardQuery,
  isCardSystemDataChange,
  isCardSystemRegistration,
  isChooseBalieRequest,
  isDemoCardRequest,
  isFindPassholdersQuery,
  isNewCardRequest,
  isPriceQuery,
  isRegisterPassholderRequest,
  isSearchPassholdersQuery,
  isSettingsChange,
  isUpdatePassholderRequest,
} from './payload-guards';
import { isNothing, type Guard } from './validation';

export type { EidReadCause, EidReadStep } from '../../native/beid/types';
export type { ReaderInfo, ReaderStatus } from '../../native/pcsc/types';
export type { EnvironmentName } from '../settings/environments';
export type { Balie, CardInfo, Passholder, UitpasPrice } from '../uitpas/model';
export type { NewCardReason, PriceReason, Registered, RegisterPassholderFields, UpdatePassholderFields } from '../uitpas/types';

export interface AppInfo {
  name: string;
  version: string;
  /** 'win32' | 'darwin' | 'linux': the page shows platform-specific help. */
  platform: string;
  /** Which host serves the page: the Electron window, or the browser host used for development and tests. */
  host: 'electron' | 'browser';
}

/** Errors every channel can answer with; feature errors extend this union in their own issue. */
export const contractErrors = {
  'invalid-request': 'De app stuurde een ongeldig verzoek. Herstart de app; meld het als het blijft gebeuren.',
  'untrusted-sender': 'Dit verzoek kwam niet van het venster van de app en is genegeerd.',
  'unknown-channel': 'De app vroeg iets wat niet bestaat. Herstart de app; meld het als het blijft gebeuren.',
  internal: 'Er ging intern iets mis. Probeer opnieuw; meld het als het blijft gebeuren.',
  'not-logged-in': 'Je bent niet aangemeld bij UiTPAS. Meld je aan.',
  'no-balie': 'Kies eerst de balie waar je werkt.',
  'settings-incomplete': 'De sleutel of het geheim voor deze omgeving ontbreekt. Vul ze in bij Instellingen.',
  'secret-store-unavailable': 'Deze computer heeft geen veilige sleutelbewaring; aanmelden kan hier alleen in de demo-omgeving.',
  'login-cancelled': 'Aanmelden afgebroken.',
  'invalid-field': 'Een veld is niet juist ingevuld.',
  'demo-only': 'Dit kan alleen in de demo-omgeving.',
  // The UiTPAS failures carry their own, more precise message.
  'uitpas-rejected': 'UiTPAS weigerde dit.',
  'uitpas-login-required': 'Je aanmelding bij UiTPAS is verlopen. Meld je opnieuw aan.',
  'uitpas-timeout': 'UiTPAS antwoordde niet op tijd.',
  'uitpas-unreachable': 'UiTPAS is niet bereikbaar.',
  'uitpas-server': 'UiTPAS heeft een storing.',
  'uitpas-bad-response': 'UiTPAS gaf een onverwacht antwoord.',
} as const;

export type BalieErrorCode = keyof typeof contractErrors;

export interface BalieError {
  code: BalieErrorCode;
  /** Short Dutch text for the counter employee, saying what to do. */
  message: string;
  /** The form field the error concerns, when it concerns one. */
  field?: string;
  /** UiTPAS's own error code (uitpas-rejected). */
  apiCode?: string;
  requiredPermission?: string;
  /**
   * The request may have reached UiTPAS before it failed: do not send it again
   * before looking the pass holder up (by INSZ or UiTPAS number).
   */
  outcomeUnknown?: boolean;
  /** INSZ_ALREADY_USED: the uid of the pass holder who has this INSZ. */
  existingPassholderUid?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BalieError };

export function contractError(code: BalieErrorCode): BalieError {
  return { code, message: contractErrors[code] };
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
  documentType: { code: number; label: string };
  validityBegin: string;
  validityEnd: string;
}

/** Per part of the card: is it what the National Register signed? */
export interface EidIntegrity {
  identity: boolean;
  address: boolean;
  photo: boolean;
  certificate: 'trusted' | 'untrusted' | 'unreadable';
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
}

export interface SessionView {
  environment: EnvironmentName;
  environments: { name: EnvironmentName; label: string }[];
  /** The Service Consumer key (not secret); whether its secret is stored is all the page learns of the secret. */
  consumerKey: string;
  hasConsumerSecret: boolean;
  /** Why secrets cannot be stored on this computer, or null. */
  secretStoreProblem: string | null;
  loggedIn: boolean;
  balies: { id: string; name: string }[];
  balie: Balie | null;
}

export interface SettingsChange {
  environment: EnvironmentName;
  consumerKey?: string;
  /** Write-only: stored in the OS secret store, never sent back. */
  consumerSecret?: string;
}

export interface EidReading {
  reader: string;
  step: EidReadStep;
  /** 0…1 */
  progress: number;
}

/** What the counter employee is told when a read fails, per cause. */
export const eidErrors: Readonly<Record<EidReadCause, string>> = {
  'not-eid': 'Dit is geen Belgische eID-kaart. Steek een eID in.',
  'card-removed': 'De kaart werd uitgenomen tijdens het lezen. Steek ze opnieuw in en laat ze zitten tot het lezen klaar is.',
  'reader-in-use': 'Een ander programma gebruikt de kaartlezer. Sluit het (bv. de eID Viewer) en steek de kaart opnieuw in.',
  'reader-gone': 'De kaartlezer is losgekoppeld. Sluit hem opnieuw aan en steek de kaart opnieuw in.',
  'pcsc-unavailable': 'De kaartlezerdienst (PC/SC) is niet bereikbaar. Wacht even; lukt het niet, herstart de computer.',
  'unreadable-data': 'De kaart kon niet gelezen worden. Steek ze opnieuw in; lukt het niet, typ de gegevens over.',
};

export interface EidReadFailure {
  reader: string;
  cause: EidReadCause;
  message: string;
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
  'eid:getReaders': request<ReaderStatus>()(isNothing),
  /** The cards in the readers right now (after a page reload). */
  'eid:getCards': request<EidCard[]>()(isNothing),
  /** Demo environment only: put a virtual card of a made-up person in the demo reader, or take it out. */
  'eid:insertDemoCard': request<null>()(isDemoCardRequest),
  'eid:removeDemoCard': request<null>()(isNothing),
  'session:get': request<SessionView>()(isNothing),
  'session:login': request<SessionView>()(isNothing),
  'session:logout': request<SessionView>()(isNothing),
  'session:chooseBalie': request<SessionView>()(isChooseBalieRequest),
  'settings:save': request<SessionView>()(isSettingsChange),
  'uitpas:getCard': request<CardInfo>()(isCardQuery),
  'uitpas:getPrice': request<UitpasPrice>()(isPriceQuery),
  /** A UiTPAS number or an INSZ, as typed or scanned. */
  'uitpas:findPassholders': request<Passholder[]>()(isFindPassholdersQuery),
  /** Search by name (`*` as wildcard), first name, date of birth (YYYY-MM-DD), postal code, or several UiTPAS numbers. */
  'uitpas:searchPassholders': request<{ total: number; passholders: Passholder[] }>()(isSearchPassholdersQuery),
  /** Answers whether UiTPAS was told the data is verified: main decides that from the eID read. */
  'uitpas:registerPassholder': request<Registered & { verified: boolean }>()(isRegisterPassholderRequest),
  'uitpas:registerNewCard': request<Registered>()(isNewCardRequest),
  'uitpas:updatePassholder': request<{ code: string; message: string }>()(isUpdatePassholderRequest),
  'uitpas:registerInCardSystem': request<Passholder>()(isCardSystemRegistration),
  'uitpas:updateCardSystemData': request<{ code: string; message: string }>()(isCardSystemDataChange),
} as const;

export const eventChannels = {
  /** The reader list or the PC/SC service changed. */
  'eid:readers': event<ReaderStatus>(),
  'eid:reading': event<EidReading>(),
  'eid:card': event<EidCard>(),
  'eid:removed': event<{ reader: string }>(),
  'eid:error': event<EidReadFailure>(),
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
  getReaders(): Promise<Result<ResponseOf<'eid:getReaders'>>>;
  getCards(): Promise<Result<ResponseOf<'eid:getCards'>>>;
  insertDemoCard(request: RequestOf<'eid:insertDemoCard'>): Promise<Result<null>>;
  removeDemoCard(): Promise<Result<null>>;
  getSession(): Promise<Result<SessionView>>;
  logIn(): Promise<Result<SessionView>>;
  logOut(): Promise<Result<SessionView>>;
  chooseBalie(request: RequestOf<'session:chooseBalie'>): Promise<Result<SessionView>>;
  saveSettings(change: RequestOf<'settings:save'>): Promise<Result<SessionView>>;
  getCard(request: RequestOf<'uitpas:getCard'>): Promise<Result<ResponseOf<'uitpas:getCard'>>>;
  getPrice(query: RequestOf<'uitpas:getPrice'>): Promise<Result<ResponseOf<'uitpas:getPrice'>>>;
  findPassholders(request: RequestOf<'uitpas:findPassholders'>): Promise<Result<ResponseOf<'uitpas:findPassholders'>>>;
  searchPassholders(request: RequestOf<'uitpas:searchPassholders'>): Promise<Result<ResponseOf<'uitpas:searchPassholders'>>>;
  registerPassholder(fields: RequestOf<'uitpas:registerPassholder'>): Promise<Result<ResponseOf<'uitpas:registerPassholder'>>>;
  registerNewCard(request: RequestOf<'uitpas:registerNewCard'>): Promise<Result<ResponseOf<'uitpas:registerNewCard'>>>;
  updatePassholder(request: RequestOf<'uitpas:updatePassholder'>): Promise<Result<ResponseOf<'uitpas:updatePassholder'>>>;
  registerInCardSystem(request: RequestOf<'uitpas:registerInCardSystem'>): Promise<Result<ResponseOf<'uitpas:registerInCardSystem'>>>;
  updateCardSystemData(request: RequestOf<'uitpas:updateCardSystemData'>): Promise<Result<ResponseOf<'uitpas:updateCardSystemData'>>>;
  /** Each returns a function that stops listening. */
  onReaders(listener: (status: EventPayloadOf<'eid:readers'>) => void): () => void;
  onReading(listener: (reading: EventPayloadOf<'eid:reading'>) => void): () => void;
  onCard(listener: (card: EventPayloadOf<'eid:card'>) => void): () => void;
  onCardRemoved(listener: (removed: EventPayloadOf<'eid:removed'>) => void): () => void;
  onReadFailed(listener: (failure: EventPayloadOf<'eid:error'>) => void): () => void;
}
