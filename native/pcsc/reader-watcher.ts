/**
 * Keeps an up-to-date list of card readers and whether a card is in each.
 *
 * pcsclite never recovers once pcscd has gone away (it emits 'error' and every
 * reader ends), and it throws when pcscd is not running at all, so the watcher
 * drops the whole context on an error and builds a new one with backoff. A
 * reader whose own status thread fails (pcsclite src/cardreader.cpp ends its
 * SCardGetStatusChange loop on any error but an unplug, e.g. an invalid handle
 * after the computer slept) is never watched again by that context, so that
 * too rebuilds the context.
 *
 * A card pulled and put back between two of pcscd's polls shows only as a new
 * value of the insert/remove counter pcsc-lite keeps in the upper 16 bits of
 * the reader state (winscard_clnt.c); the watcher reports it as a removal and
 * an insertion, so the new card is read.
 */
import type { CreatePcscContext, PcscCardReader, PcscContext } from './pcsc-port';
import type { ReaderStatus } from './types';

export interface ReaderWatcherOptions {
  createContext: CreatePcscContext;
  onChange: (status: ReaderStatus) => void;
  /** A card went into a reader (or was there when the reader appeared). */
  onCardInserted?: (reader: PcscCardReader, atr: Buffer | undefined) => void;
  /** A card left its reader, or its reader or the PC/SC service went away with it. */
  onCardRemoved?: (readerName: string) => void;
  /** Waits before each new attempt to reach the PC/SC service; the last one repeats. */
  retryDelaysMs?: readonly number[];
  log?: Pick<Console, 'warn'>;
}

const defaultRetryDelaysMs = [250, 500, 1000, 2000, 5000];

interface WatchedReader {
  reader: PcscCardReader;
  cardPresent: boolean;
  /** pcsc-lite's insert/remove counter at the last status. */
  events: number;
}

export class ReaderWatcher {
  private context: PcscContext | undefined;
  private readonly readers = new Map<string, WatchedReader>();
  private retryTimer: NodeJS.Timeout | undefined;
  private failedAttempts = 0;
  private closed = false;
  private readonly retryDelaysMs: readonly number[];
  private readonly log: Pick<Console, 'warn'>;

  constructor(private readonly options: ReaderWatcherOptions) {
    this.retryDelaysMs = options.retryDelaysMs ?? defaultRetryDelaysMs;
    this.log = options.log ?? console;
  }

  start(): void {
    this.connect();
  }

  status(): ReaderStatus {
    const readers = [...this.readers.entries()]
      .map(([name, watched]) => ({ name, cardPresent: watched.cardPresent }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { service: this.context ? 'running' : 'unavailable', readers };
  }

  /** The live pcsclite reader, for a read that connects to the card. */
  reader(name: string): PcscCardReader | undefined {
    return this.readers.get(name)?.reader;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.dropContext();
  }

  /** Drops the PC/SC context and builds a new one at once (after sleep, or a reader that stopped being watched). */
  reconnect(): void {
    if (this.closed) return;
    clearTimeout(this.retryTimer);
    this.dropContext();
    this.options.onChange(this.status());
    this.failedAttempts = 0;
    this.connect();
  }

  private connect(): void {
    if (this.closed) return;
    let context: PcscContext;
    try {
      context = this.options.createContext();
    } catch (error) {
      // Said once per outage, not at every retry.
      if (this.failedAttempts === 0) this.log.warn(`[pcsc] PC/SC-dienst niet bereikbaar, de app probeert opnieuw: ${describe(error)}`);
      this.scheduleRetry();
      return;
    }
    this.context = context;
    this.failedAttempts = 0;
    context.on('reader', (reader) => this.watchReader(reader));
    context.on('error', (error) => {
      this.log.warn(`[pcsc] PC/SC-dienst gaf een fout: ${describe(error)}`);
      this.dropContext();
      this.options.onChange(this.status());
      this.scheduleRetry();
    });
    this.options.onChange(this.status());
  }

  private watchReader(reader: PcscCardReader): void {
    const name = reader.name;
    this.readers.set(name, { reader, cardPresent: false, events: -1 });
    reader.on('status', ({ state, atr }) => {
      const watched = this.readers.get(name);
      if (!watched || watched.reader !== reader) return;
      const cardPresent = (state & reader.SCARD_STATE_PRESENT) !== 0;
      const events = state >>> 16;
      const swapped = cardPresent && watched.cardPresent && watched.events >= 0 && events !== watched.events;
      watched.events = events;
      if (swapped) this.options.onCardRemoved?.(name);
      else if (cardPresent === watched.cardPresent) return;
      watched.cardPresent = cardPresent;
      this.options.onChange(this.status());
      if (cardPresent) this.options.onCardInserted?.(reader, atr);
      else this.options.onCardRemoved?.(name);
    });
    reader.on('end', () => {
      const watched = this.readers.get(name);
      if (watched?.reader !== reader) return;
      this.readers.delete(name);
      this.options.onChange(this.status());
      if (watched.cardPresent) this.options.onCardRemoved?.(name);
    });
    // The reader's status thread has stopped; only a new context watches it again.
    reader.on('error', (error) => {
      this.log.warn(`[pcsc] lezer gaf een fout, de app verbindt opnieuw met de PC/SC-dienst: ${describe(error)}`);
      this.scheduleRebuild();
    });
    this.options.onChange(this.status());
  }

  private dropContext(): void {
    const context = this.context;
    this.context = undefined;
    const withCard = [...this.readers.entries()].filter(([, watched]) => watched.cardPresent).map(([name]) => name);
    for (const { reader } of this.readers.values()) {
      // pcsclite still emits 'error' on each reader after its context failed; keep it from throwing.
      reader.removeAllListeners().on('error', ignore);
    }
    this.readers.clear();
    for (const name of withCard) this.options.onCardRemoved?.(name);
    if (!context) return;
    context.removeAllListeners();
    // close() makes pcsclite emit 'error' ("Command cancelled"); without a listener Node would throw.
    context.on('error', ignore);
    context.close();
  }

  /** Soon, not at once: when pcscd itself went away the context's own 'error' follows and takes over. */
  private scheduleRebuild(): void {
    if (this.closed) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.reconnect(), this.retryDelaysMs[0]);
  }

  private scheduleRetry(): void {
    if (this.closed) return;
    const index = Math.min(this.failedAttempts, this.retryDelaysMs.length - 1);
    this.failedAttempts += 1;
    this.retryTimer = setTimeout(() => this.connect(), this.retryDelaysMs[index]);
  }
}

function ignore(): void {}

/** PC/SC errors carry a code and a fixed text, never card data, so their message may be logged. */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
