/**
 * The main process's outgoing events. Services emit here; each transport (the
 * Electron window, the browser host's sockets) subscribes and forwards.
 */
import type { EventChannel, EventPayloadOf } from './contract';

export type EventListener = (channel: EventChannel, payload: unknown) => void;

export class MainEvents {
  private readonly listeners = new Set<EventListener>();

  emit<C extends EventChannel>(channel: C, payload: EventPayloadOf<C>): void {
    for (const listener of this.listeners) listener(channel, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
