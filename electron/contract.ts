/**
 * The one IPC contract between the main process and the page.
 *
 * Every request channel (invoke/handle) and every main→page event is declared
 * here once, with its payload types and a runtime guard for what the page sends.
 * Electron's ipc.ts, the browser host and the preload API are all derived from
 * these tables, so a channel cannot exist on one side only.
 */
import type { ReaderStatus } from '../native/pcsc/types';
import { isNothing, type Guard } from './validation';

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
} as const;

export const eventChannels = {
  /** The reader list or the PC/SC service changed. */
  'eid:readers': event<ReaderStatus>(),
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
  /** Returns a function that stops listening. */
  onReaders(listener: (status: EventPayloadOf<'eid:readers'>) => void): () => void;
}
