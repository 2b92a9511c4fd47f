/**
 * Keeps an up-to-date list of card readers and whether a card is in each.
 *
 * pcsclite never recovers once pcscd has gone away (it emits 'error' and every
 * reader ends), and it throws when pcscd is not running at all, so the watcher
 * drops the whole context on an error and builds a new one with backoff.
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
    this.readers.set(name, { reader, cardPresent: false });
    reader.on('status', ({ state, atr }) => {
      const watched = this.readers.get(name);
      if (!watched || watched.reader !== reader) return;
      const cardPresent = (state & reader.SCARD_STATE_PRESENT) !== 0;
      if (cardPresent === watched.cardPresent) return;
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
    // A reader's own errors (e.g. on close) are followed by 'end' or by the context's 'error'.
    reader.on('error', (error) => this.log.warn(`[pcsc] lezer gaf een fout: ${describe(error)}`));
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
