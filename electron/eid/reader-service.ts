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
import { eidErrors, type EidCard } from '../contract';
import type { MainEvents } from '../main-events';
import { completeCardView, partialCardView } from './card-view';

export interface EidReaderServiceOptions {
  createPcscContext: CreatePcscContext;
  /** The roots an RRN certificate must chain to: the bundled Belgian roots, or a test's own. */
  trustAnchors: readonly X509Certificate[];
  events: MainEvents;
  log?: Pick<Console, 'warn'>;
  retryDelaysMs?: readonly number[];
}

export class EidReaderService {
  private readonly watcher: ReaderWatcher;
  private readonly cards = new Map<string, EidCard>();
  /** Bumped on every insertion and removal: a read that finishes under an older number is stale. */
  private readonly insertions = new Map<string, number>();
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
  async read(readerName: string, transport: CardTransport): Promise<void> {
    const insertion = this.bump(readerName);
    const isCurrent = () => this.insertions.get(readerName) === insertion;
    const readId = randomUUID();
    const { events, trustAnchors } = this.options;
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
      // A read cut short because the card left is reported as such, whatever the reader said.
      const cause = isCurrent() ? failure.reason : 'card-removed';
      this.log.warn(`[eid] lezen in "${readerName}" mislukt: ${cause} (${failure.detail})`);
      this.cards.delete(readerName);
      events.emit('eid:error', { reader: readerName, cause, message: eidErrors[cause] });
    }
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
      this.options.events.emit('eid:error', { reader: reader.name, cause: failure.reason, message: eidErrors[failure.reason] });
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
