/**
 * The reader test: every card read, as support needs it (which reader, what kind of card, how many APDUs,
 * how long, how it ended), learned from the card service's own events (`card:seen` gives kind and cost).
 * What was on the card is never kept: only reader names, kinds, counts, times and causes are looked at.
 */
import type { EventChannel, EventPayloadOf, SupportRead } from '../ipc/contract';
import type { MainEvents } from '../ipc/main-events';

const kept = 5;

export class ReadLog {
  private readonly started = new Map<string, number>();
  private readonly reads: SupportRead[] = [];
  private readonly stop: () => void;

  constructor(
    events: MainEvents,
    /** The demo card is read without PC/SC: no card:seen, no APDU count. */
    private readonly demoReader: string,
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
      if (!this.started.has(reader)) this.started.set(reader, this.now());
    } else if (channel === 'card:seen') {
      const { reader, kind, apduCount, ignored } = payload as EventPayloadOf<'card:seen'>;
      this.finish(reader, kind, apduCount, ignored ? 'ignored' : 'read');
    } else if (channel === 'eid:card') {
      const { reader, complete } = payload as EventPayloadOf<'eid:card'>;
      if (complete && reader === this.demoReader) this.finish(reader, 'eid', null, 'read');
    } else if (channel === 'eid:error') {
      const { reader, cause } = payload as EventPayloadOf<'eid:error'>;
      this.finish(reader, 'eid', null, cause);
    } else if (channel === 'eid:removed') {
      this.started.delete((payload as EventPayloadOf<'eid:removed'>).reader);
    }
  }

  private finish(reader: string, cardKind: SupportRead['cardKind'], apdus: number | null, outcome: SupportRead['outcome']): void {
    const start = this.started.get(reader) ?? this.now();
    this.started.delete(reader);
    this.reads.unshift({ at: new Date(this.now()).toISOString(), reader, cardKind, apdus, ms: this.now() - start, outcome });
    this.reads.splice(kept);
  }
}
