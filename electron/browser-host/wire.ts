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
  | { kind: 'event'; channel: EventChannel; payload: unknown };

const isId: Guard<number> = (value): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isAnything: Guard<unknown> = (_value): _value is unknown => true;

export const isWireRequest: Guard<WireRequest> = isObject({
  id: isId,
  channel: (value): value is string => typeof value === 'string',
  payload: optional(isAnything),
});

export const bridgeScriptPath = '/__balie/bridge.js';
/** The subprotocol the host answers with, and the prefix of the one that carries the run's token. */
export const bridgeProtocol = 'balie';
export const tokenProtocolPrefix = 'balie-token.';
/** Where the page keeps the token (sessionStorage, this origin only): a reload still connects. */
export const tokenStorageKey = 'balie-host-token';
export const bridgeSocketPath = '/__balie/socket';
