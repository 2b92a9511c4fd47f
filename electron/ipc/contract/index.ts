/**
 * The one IPC contract between the main process and the page.
 *
 * Every request channel (invoke/handle) and every main→page event is declared
 * once, in the file of its subject (app.ts, cards.ts, session.ts, passholders.ts,
 * support.ts, visit.ts, network.ts), with its payload guard (payload-guards.ts) and answer type; this
 * file joins the subject tables. Electron's ipc-main.ts, the browser host and the
 * preload API are all derived from these tables, so a channel cannot exist on one
 * side only. The page imports this file (and electron/rules/) from main, never native/.
 */
import { appEvents, appRequests, type AppApi } from './app';
import { cardEvents, cardRequests, type CardsApi } from './cards';
import type { EventSpec, RequestSpec } from './channel-spec';
import { networkEvents, networkRequests, type NetworkApi } from './network';
import { passholderRequests, type PassholdersApi } from './passholders';
import { sessionEvents, sessionRequests, type SessionApi } from './session';
import { supportRequests, type SupportApi } from './support';
import { visitRequests, type VisitApi } from './visit';

export * from './app';
export * from './cards';
export * from './errors';
export * from './network';
export * from './passholders';
export * from './session';
export * from './support';
export * from './visit';
export type { RequestSpec, EventSpec } from './channel-spec';

/** Types declared where main keeps them that the page needs too. */
export type { EidFieldWarning, EidFieldWarningCode, EidReadCause } from '../../../native/beid/types';
export type { CardKind } from '../../../native/contactless/card-kind';
export type { ReaderStatus } from '../../../native/pcsc/types';
export type { EnvironmentName } from '../../settings/environments';
export type { Language } from '../../settings/languages';
export type { IgnoredPolicyKey, PolicyKey, PolicyProblem, ReaderRoles, SettingSource, UitidV2ClientSetting, UpdateMode } from '../../settings/policy';
export type { InstallerKind, UpdateStatus } from '../../update/update-plan';
export type { UitpasErrorCode } from '../../uitpas/error-codes';
export type { UpdateNotice, UpdateNoticeView } from '../../update/update-plan';
export type { Balie, CardInfo, GroupPass, Identification, Passholder, UitpasPrice } from '../../uitpas/model';
export type { NewCardReason, OptInPreferences, PassholderSearch, PriceReason, Registered } from '../../uitpas/types';

export const requestChannels = {
  ...appRequests,
  ...cardRequests,
  ...sessionRequests,
  ...passholderRequests,
  ...supportRequests,
  ...visitRequests,
  ...networkRequests,
} as const;

export const eventChannels = {
  ...appEvents,
  ...cardEvents,
  ...sessionEvents,
  ...networkEvents,
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

/** The API the page sees as `window.balie`: each subject's part, made in bridge-api.ts from the channels. */
export interface BalieApi extends AppApi, CardsApi, SessionApi, PassholdersApi, SupportApi, VisitApi, NetworkApi {}
