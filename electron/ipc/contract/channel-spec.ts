/**
 * How a channel is declared: a request channel pairs the guard for what the page
 * sends with the (phantom) type of what main answers; an event channel names its
 * payload. Each subject file (app.ts, cards.ts, …) declares its channels with these
 * and types its part of `window.balie` from its own table, so no subject file needs
 * index.ts and the tables cannot import each other in a circle.
 */
import type { Guard } from '../validation';
import type { Result } from './errors';

export interface RequestSpec<Req, Res> {
  readonly validate: Guard<Req>;
  readonly response?: Res;
}

export function request<Res>() {
  return <Req>(validate: Guard<Req>): RequestSpec<Req, Res> => ({ validate });
}

export interface EventSpec<Payload> {
  readonly payload?: Payload;
}

export function event<Payload>(): EventSpec<Payload> {
  return {};
}

/** What the page sends on channel C of table T. */
export type RequestIn<T, C extends keyof T> = T[C] extends RequestSpec<infer Req, unknown> ? Req : never;
/** What main answers on channel C of table T. */
export type ResponseIn<T, C extends keyof T> = T[C] extends RequestSpec<unknown, infer Res> ? Res : never;
/** The payload of event C of table T. */
export type PayloadIn<T, C extends keyof T> = T[C] extends EventSpec<infer P> ? P : never;

/** A `window.balie` method's answer for channel C of table T. */
export type Answer<T, C extends keyof T> = Promise<Result<ResponseIn<T, C>>>;
/** A `window.balie` listener registration for event C of table T: returns a function that stops listening. */
export type Listen<T, C extends keyof T> = (listener: (payload: PayloadIn<T, C>) => void) => () => void;
