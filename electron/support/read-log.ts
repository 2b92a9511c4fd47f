/**
 * The reader test: every card read, as support needs it (which reader, what kind of card, how many APDUs,
 * how long, how it ended), learned from the reader service's own events. What was on the card is never
 * kept: only the event's reader name and the outcome are looked at.
 */
import type { EventChannel, EventPayloadOf, SupportRead } from '../ipc/contract';
import type { MainEvents } from '../ipc/main-events';
import type { ApduCounter } from './apdu-counter';

const kept = 5;

export class ReadLog {
  private readonly started = new Map<string, { at: number; apdus: number }>();
  private readonly reads: SupportRead[] = [];
  private readonly stop: () => void;

  constructor(
    events: MainEvents,
    private readonly apdus: ApduCounter,
    /** Readers behind PC/SC; another (the demo card) has no APDU count. */
    private readonly isPcscReader: (reader: string) => boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.stop = events.subscribe((channel, payload) => this.seen(channel, payload));
  }

  recent(): SupportRead[] {
    return [...this.reads];
  }

  close(): void {
    this.stop();
  }

  private seen(channel: EventChannel, payload: unknown): void {
    if (channel === 'eid:reading') {
      const { reader } = payload as EventPayloadOf<'eid:reading'>;
      if (!this.started.has(reader)) this.started.set(reader, { at: this.now(), apdus: this.apdus.sent(reader) });
    } else if (channel === 'eid:card') {
      const { reader, complete } = payload as EventPayloadOf<'eid:card'>;
      if (complete) this.finish(reader, 'read');
    } else if (channel === 'eid:error') {
      const { reader, cause } = payload as EventPayloadOf<'eid:error'>;
      this.finish(reader, cause);
    } else if (channel === 'eid:removed') {
      this.started.delete((payload as EventPayloadOf<'eid:removed'>).reader);
    }
  }

  private finish(reader: string, outcome: SupportRead['outcome']): void {
    const start = this.started.get(reader) ?? { at: this.now(), apdus: this.apdus.sent(reader) };
    this.started.delete(reader);
    this.reads.unshift({
      at: new Date(this.now()).toISOString(),
      reader,
      cardKind: 'eid',
      apdus: this.isPcscReader(reader) ? this.apdus.sent(reader) - start.apdus : null,
      ms: this.now() - start.at,
      outcome,
    });
    this.reads.splice(kept);
  }
}
