/**
 * The one IPC contract between the main process and the page.
 *
 * Every request channel (invoke/handle) and every main→page event is declared
 * here once, with its payload types and a runtime guard for what the page sends.
 * Electron's ipc.ts, the browser host and the preload API are all derived from
 * these tables, so a channel cannot exist on one side only.
 */
import type { EidReadCause, EidReadStep } from '../native/beid/types';
import type { ReaderStatus } from '../native/pcsc/types';
import { isNothing, type Guard } from './validation';

export type { EidReadCause, EidReadStep } from '../native/beid/types';
export type { ReaderInfo, ReaderStatus } from '../native/pcsc/types';

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
} as const;

export type BalieErrorCode = keyof typeof contractErrors;

export interface BalieError {
  code: BalieErrorCode;
  /** Short Dutch text for the counter employee, saying what to do. */
  message: string;
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
  /** Each returns a function that stops listening. */
  onReaders(listener: (status: EventPayloadOf<'eid:readers'>) => void): () => void;
  onReading(listener: (reading: EventPayloadOf<'eid:reading'>) => void): () => void;
  onCard(listener: (card: EventPayloadOf<'eid:card'>) => void): () => void;
  onCardRemoved(listener: (removed: EventPayloadOf<'eid:removed'>) => void): () => void;
  onReadFailed(listener: (failure: EventPayloadOf<'eid:error'>) => void): () => void;
}
