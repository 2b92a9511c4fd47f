/**
 * Messages on the browser host's WebSocket: the page's requests, main's
 * answers and events. The channel and payload are checked by the dispatcher.
 */
import type { EventChannel, Result } from '../ipc/contract';
import { isObject, optional, type Guard } from '../ipc/validation';

export interface WireRequest {
  id: number;
  channel: string;
  payload?: unknown;
}

export type WireMessage =
  | { kind: 'response'; id: number; result: Result<unknown> }
  | { kind: 'event'; channel: EventChannel; payload: unknown }
  /** The first message on a socket opened with the start-up token: this tab's own secret, for every later socket. */
  | { kind: 'tab'; secret: string };

const isId: Guard<number> = (value): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isAnything: Guard<unknown> = (_value): _value is unknown => true;

export const isWireRequest: Guard<WireRequest> = isObject({
  id: isId,
  channel: (value): value is string => typeof value === 'string',
  payload: optional(isAnything),
});

export const bridgeScriptPath = '/__balie/bridge.js';
/** The subprotocol the host answers with, and the prefixes of the ones that carry the run's start-up token or a tab's secret. */
export const bridgeProtocol = 'balie';
export const tokenProtocolPrefix = 'balie-token.';
export const tabProtocolPrefix = 'balie-tab.';
/** Where the page keeps its tab secret (sessionStorage: this origin and this tab only), so a reload and a reconnect still connect. */
export const tabStorageKey = 'balie-host-tab';
export const bridgeSocketPath = '/__balie/socket';
