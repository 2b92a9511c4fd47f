/**
 * Watches the card readers and reads every eID put in one, by itself, emitting
 * over the contract: the reader list, `eid:reading` progress, `eid:card` (first
 * identity and address, then complete), `eid:removed` and `eid:error`.
 *
 * Card data lives here only while the card is in its reader: removal, a new
 * read or close() drops it. Nothing read from a card is ever logged.
 */
import { randomUUID, type X509Certificate } from 'node:crypto';
import { readEid } from '../../native/beid/read-eid';
import type { CardTransport } from '../../native/beid/transport';
import { connectExclusive, toEidReadError } from '../../native/pcsc/card-connection';
import type { CreatePcscContext, PcscCardReader } from '../../native/pcsc/pcsc-port';
import { ReaderWatcher } from '../../native/pcsc/reader-watcher';
import type { ReaderStatus } from '../../native/pcsc/types';
import type { EidCard } from '../ipc/contract';
import type { MainEvents } from '../ipc/main-events';
import { completeCardView, partialCardView } from './card-view';

export interface EidReaderServiceOptions {
  createPcscContext: CreatePcscContext;
  /** The roots an RRN certificate must chain to: the bundled Belgian roots, or a test's own. */
  trustAnchors: readonly X509Certificate[];
  events: MainEvents;
  log?: Pick<Console, 'warn'>;
  retryDelaysMs?: readonly number[];
  /**
   * How long a failed read waits for the card's removal before blaming the card:
   * a reader may report a pulled card as a garbled answer first and as removed
   * only at its next poll (pcscd polls some readers every ~400 ms).
   */
  removalGraceMs?: number;
}

export class EidReaderService {
  private readonly watcher: ReaderWatcher;
  private readonly cards = new Map<string, EidCard>();
  /** Bumped on every insertion and removal: a read that finishes under an older number is stale. */
  private readonly insertions = new Map<string, number>();
  private readonly removalWaiters = new Map<string, Set<() => void>>();
  private readonly log: Pick<Console, 'warn'>;

  constructor(private readonly options: EidReaderServiceOptions) {
    this.log = options.log ?? console;
    this.watcher = new ReaderWatcher({
      createContext: options.createPcscContext,
      onChange: (status) => options.events.emit('eid:readers', status),
      onCardInserted: (reader) => void this.readFromReader(reader),
      onCardRemoved: (name) => this.cardRemoved(name),
      retryDelaysMs: options.retryDelaysMs,
      log: this.log,
    });
  }

  start(): void {
    this.watcher.start();
  }

  readers(): ReaderStatus {
    return this.watcher.status();
  }

  currentCards(): EidCard[] {
    return [...this.cards.values()];
  }

  close(): void {
    this.watcher.close();
    this.cards.clear();
    this.insertions.clear();
  }

  /**
   * Reads a card over any transport and emits what it finds. PC/SC readers come
   * through here after connecting; demo mode hands in a virtual card directly.
   */
  async read(readerName: string, transport: CardTransport, trustAnchors = this.options.trustAnchors): Promise<void> {
    const insertion = this.bump(readerName);
    const isCurrent = () => this.insertions.get(readerName) === insertion;
    const readId = randomUUID();
    const { events } = this.options;
    this.cards.delete(readerName);
    try {
      const read = await readEid(transport, {
        trustAnchors,
        onProgress: ({ step, fraction }) => {
          if (isCurrent()) events.emit('eid:reading', { reader: readerName, step, progress: fraction });
        },
        onIdentityAndAddress: (partial) => {
          if (isCurrent()) this.publish(partialCardView(readerName, readId, partial));
        },
      });
      if (isCurrent()) this.publish(completeCardView(readerName, readId, read));
    } catch (error) {
      const failure = toEidReadError(error);
      this.cards.delete(readerName);
      // A read cut short because the card left is reported as such, whatever the reader said.
      const removed = failure.reason === 'card-removed' || !isCurrent() || (await this.removedWithin(readerName, this.removalGraceMs));
      const cause = removed ? 'card-removed' : failure.reason;
      this.log.warn(`[eid] lezen in "${readerName}" mislukt: ${cause} (${failure.detail})`);
      events.emit('eid:error', { reader: readerName, cause });
    }
  }

  private get removalGraceMs(): number {
    return this.options.removalGraceMs ?? 600;
  }

  private removedWithin(readerName: string, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiters = this.removalWaiters.get(readerName) ?? new Set();
      this.removalWaiters.set(readerName, waiters);
      const onRemoval = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        waiters.delete(onRemoval);
        resolve(false);
      }, ms);
      waiters.add(onRemoval);
    });
  }

  /** Removal of a card that was never in a PC/SC reader (demo mode). */
  remove(readerName: string): void {
    this.cardRemoved(readerName);
  }

  private async readFromReader(reader: PcscCardReader): Promise<void> {
    let connection;
    try {
      connection = await connectExclusive(reader);
    } catch (error) {
      const failure = toEidReadError(error);
      this.log.warn(`[eid] verbinden met "${reader.name}" mislukt: ${failure.reason} (${failure.detail})`);
      this.options.events.emit('eid:error', { reader: reader.name, cause: failure.reason });
      return;
    }
    try {
      await this.read(reader.name, connection);
    } finally {
      await connection.close();
    }
  }

  private cardRemoved(readerName: string): void {
    this.bump(readerName);
    const waiters = this.removalWaiters.get(readerName);
    this.removalWaiters.delete(readerName);
    for (const wake of waiters ?? []) wake();
    this.cards.delete(readerName);
    this.options.events.emit('eid:removed', { reader: readerName });
  }

  private publish(card: EidCard): void {
    this.cards.set(card.reader, card);
    this.options.events.emit('eid:card', card);
  }

  private bump(readerName: string): number {
    const next = (this.insertions.get(readerName) ?? 0) + 1;
    this.insertions.set(readerName, next);
    return next;
  }
}
