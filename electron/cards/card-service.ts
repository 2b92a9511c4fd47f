/**
 * The service for cards in readers. Watches the card readers and reads every
 * card put in or tapped on one, by itself: an eID is read whole, a UiTPAS card
 * gives its chip number. The card says what it is (native/contactless/card-kind.ts),
 * never the reader's name, so any reader holds either, and two readers work at
 * once. Emits over the contract: the reader list, `eid:reading` progress,
 * `eid:card` (first identity and address, then complete), `card:tapped` (a
 * UiTPAS card's chip number), `card:seen` (kind and cost, for support),
 * `eid:removed` and `eid:error`.
 *
 * Card data lives here only while the card is in its reader: removal, a new
 * read or close() drops it. Nothing read from a card is ever logged.
 *
 * A read recovers by itself, as eid-mw's CPCSC::Recover does (cardcomm/pkcs11/
 * src/cardlayer/pcsc.cpp: reconnect, then carry on): after SCARD_W_RESET_CARD
 * (another program reset the card), after a card pulled and put back before
 * pcscd noticed, and once when a signature check fails on a shared connection
 * (another program's SELECT may have landed between ours and a READ BINARY).
 */
import { randomUUID, type X509Certificate } from 'node:crypto';
import { NoResponseError } from '../../native/beid/apdu';
import { SelectMemory } from '../../native/beid/beid-protocol';
import type { EidReadError } from '../../native/beid/errors';
import { isGenuine } from '../../native/beid/integrity';
import { readEid, type EidRead } from '../../native/beid/read-eid';
import type { CardTransport } from '../../native/beid/transport';
import { isContactlessAtr, type CardKind } from '../../native/contactless/card-kind';
import { readChipNumber } from '../../native/contactless/chip-number';
import { connectShared, PcscCode, toEidReadError, type CardConnection } from '../../native/pcsc/card-connection';
import type { ConnectCard, CreatePcscContext } from '../../native/pcsc/pcsc-port';
import { ReaderWatcher } from '../../native/pcsc/reader-watcher';
import { connectTransacted } from '../../native/pcsc/transacted-card';
import type { ReaderStatus } from '../../native/pcsc/types';
import type { EidCard } from '../ipc/contract';
import type { MainEvents } from '../ipc/main-events';
import { completeCardView, partialCardView } from './card-view';
import { noReaderRoles, readerTakes, type ReaderRoles } from './reader-roles';

export interface CardServiceOptions {
  createPcscContext: CreatePcscContext;
  /** Opens a card handle with PC/SC transactions: the app's addon by default, a fake in unit tests. */
  connectCard?: ConnectCard;
  /** Readers pinned to eIDs or to UiTPAS cards, asked at each insertion (the setting may change). */
  readerRoles?: () => ReaderRoles | Promise<ReaderRoles>;
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
  /** Waits while another program holds the card exclusively (default ~4 s in all). */
  busyRetryDelaysMs?: readonly number[];
  /** The clock for card expiry and certificate validity; tests set it. */
  now?: () => Date;
}

/** Reads after the first, per insertion, when the card was reset, re-inserted or read inconsistently. */
const maxRecoveries = 2;

interface Recovery {
  /** For the log: never card data. */
  why: string;
  /** Leave the card with SCARD_RESET_CARD, so pcscd powers it up again for the next attempt. */
  resetCard: boolean;
}

interface ReadOutcome {
  read?: EidRead;
  readId?: string;
  failure?: EidReadError;
  /** The card left during the read (or another read took over): say so, and let a re-insertion read afresh. */
  removed: boolean;
}

export class CardService {
  private readonly watcher: ReaderWatcher;
  private readonly cards = new Map<string, EidCard>();
  /** Bumped on every insertion and removal: a read that finishes under an older number is stale. */
  private readonly insertions = new Map<string, number>();
  private readonly removalWaiters = new Map<string, Set<() => void>>();
  private readonly selectMemory = new SelectMemory();
  /** One read at a time per reader: pcsclite keeps one card handle per reader object. */
  private readonly readsInProgress = new Map<string, Promise<void>>();
  private readonly log: Pick<Console, 'warn'>;

  constructor(private readonly options: CardServiceOptions) {
    this.log = options.log ?? console;
    this.watcher = new ReaderWatcher({
      createContext: options.createPcscContext,
      onChange: (status) => options.events.emit('eid:readers', status),
      onCardInserted: (reader, atr) => this.queueRead(reader.name, atr),
      onCardRemoved: (name) => this.cardRemoved(name),
      retryDelaysMs: options.retryDelaysMs,
      log: this.log,
    });
  }

  start(): void {
    this.watcher.start();
  }

  /** After the computer wakes from sleep: PC/SC handles may be dead without saying so; start afresh. */
  resume(): void {
    this.watcher.reconnect();
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
   * Reads a card over any transport and emits what it finds. Demo mode hands in
   * a virtual card here; PC/SC readers go through readFromReader.
   */
  async read(readerName: string, transport: CardTransport, trustAnchors = this.options.trustAnchors): Promise<void> {
    this.finish(readerName, await this.readOnce(readerName, transport, trustAnchors));
  }

  /** Reads; publishes the partial card at once, and leaves the complete one to finish() (a repeat may replace it). */
  private async readOnce(readerName: string, transport: CardTransport, trustAnchors: readonly X509Certificate[]): Promise<ReadOutcome> {
    const insertion = this.bump(readerName);
    const isCurrent = () => this.insertions.get(readerName) === insertion;
    const readId = randomUUID();
    const { events } = this.options;
    this.cards.delete(readerName);
    try {
      const read = await readEid(transport, {
        trustAnchors,
        selectMemory: this.selectMemory,
        now: this.options.now,
        onProgress: ({ step, fraction }) => {
          if (isCurrent()) events.emit('eid:reading', { reader: readerName, step, progress: fraction });
        },
        onIdentityAndAddress: (partial) => {
          if (isCurrent()) this.publish(partialCardView(readerName, readId, partial));
        },
      });
      return { read, readId, removed: !isCurrent() };
    } catch (error) {
      const failure = toEidReadError(error);
      this.cards.delete(readerName);
      // A reset card is still there: no need to wait for a removal that will not come.
      const removed = !isCurrent() || (failure.pcscCode !== PcscCode.resetCard && (await this.removedWithin(readerName, this.removalGraceMs)));
      return { failure, removed };
    }
  }

  /** The complete card, or why the read failed: a read cut short because the card left is reported as such, whatever the reader said. */
  private finish(readerName: string, { read, readId, failure, removed }: ReadOutcome): void {
    if (read && readId && !removed) this.publish(completeCardView(readerName, readId, read));
    if (!failure) return;
    const cause = removed ? 'card-removed' : failure.reason;
    this.log.warn(`[eid] lezen in "${readerName}" mislukt: ${cause} (${failure.detail})`);
    this.options.events.emit('eid:error', { reader: readerName, cause });
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

  /** A card swapped mid-read is read after the old read let go of the reader's handle. */
  private queueRead(readerName: string, atr: Buffer | undefined): void {
    const previous = this.readsInProgress.get(readerName) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.readFromReader(readerName, atr));
    this.readsInProgress.set(readerName, next);
    void next.finally(() => {
      if (this.readsInProgress.get(readerName) === next) this.readsInProgress.delete(readerName);
    });
  }

  private connect(name: string): Promise<CardConnection> {
    return connectShared(name, this.options.connectCard ?? connectTransacted, {
      busyRetryDelaysMs: this.options.busyRetryDelaysMs,
      onWaiting: () => this.options.events.emit('eid:reading', { reader: name, step: 'waiting', progress: 0 }),
    });
  }

  /**
   * A contactless card (its ATR says so) gives its chip number; any other card
   * is read as an eID, and one that is no eID is asked for a chip number
   * after all (a reader that does not build a part-3 ATR).
   */
  private async readFromReader(name: string, atr: Buffer | undefined): Promise<void> {
    const roles = await Promise.resolve(this.options.readerRoles?.() ?? noReaderRoles).catch(() => noReaderRoles);
    const takesEid = readerTakes(roles, name, 'eid');
    for (let attempt = 0; ; attempt++) {
      let connection;
      try {
        connection = await this.connect(name);
      } catch (error) {
        const failure = toEidReadError(error);
        this.log.warn(`[kaart] verbinden met "${name}" mislukt: ${failure.reason} (${failure.detail})`);
        this.options.events.emit('eid:error', { reader: name, cause: failure.reason });
        return;
      }
      let outcome: ReadOutcome | undefined;
      let recovery: Recovery | null = null;
      try {
        if (isContactlessAtr(atr)) {
          await this.readChip(name, connection, roles, 'unknown-card');
          return;
        }
        if (!takesEid) {
          // A contact card in a reader pinned to UiTPAS cards: not ours to read (another program's, perhaps).
          this.seen(name, 'unknown', connection, true);
          return;
        }
        outcome = await this.readOnce(name, connection, this.options.trustAnchors);
        if (outcome.failure?.reason === 'not-eid' && !outcome.removed) {
          await this.readChip(name, connection, roles, 'not-eid');
          return;
        }
        recovery = attempt < maxRecoveries && !outcome.removed ? this.recoveryFor(name, outcome) : null;
      } finally {
        // Released at once: other programs may use the card as soon as the app has read it.
        await connection.close(recovery?.resetCard ?? false);
      }
      if (!recovery) {
        this.seen(name, 'eid', connection, false);
        this.finish(name, outcome);
        return;
      }
      this.log.warn(`[eid] "${name}" opnieuw gelezen: ${recovery.why}`);
    }
  }

  /**
   * A UiTPAS card: its chip number goes to the page as `card:tapped`. A
   * contactless card without one is unknown, never "not an eID"; a contact
   * card without one is what people put in an eID reader by mistake.
   */
  private async readChip(name: string, connection: CardConnection, roles: ReaderRoles, withoutChip: 'unknown-card' | 'not-eid'): Promise<void> {
    const insertion = this.insertions.get(name);
    let chip;
    try {
      chip = await readChipNumber(connection);
    } catch (error) {
      const failure = toEidReadError(error);
      const removed = this.insertions.get(name) !== insertion || (await this.removedWithin(name, this.removalGraceMs));
      this.options.events.emit('eid:error', { reader: name, cause: removed ? 'card-removed' : failure.reason });
      return;
    }
    if (chip.chipNumber === null) {
      this.seen(name, 'unknown', connection, false);
      this.options.events.emit('eid:error', { reader: name, cause: withoutChip });
      return;
    }
    const ignored = !readerTakes(roles, name, 'uitpas');
    this.seen(name, 'uitpas', connection, ignored);
    if (ignored) {
      this.log.warn(`[kaart] UiTPAS in "${name}" genegeerd: die lezer is voor eID's ingesteld`);
      return;
    }
    if (this.insertions.get(name) === insertion) this.options.events.emit('card:tapped', { reader: name, chipNumber: chip.chipNumber });
  }

  private seen(reader: string, kind: CardKind, connection: CardConnection, ignored: boolean): void {
    const { apduCount, transactions } = connection;
    this.options.events.emit('card:seen', { reader, kind, apduCount, transactions, ignored });
  }

  /** Why a read in a PC/SC reader is worth repeating at once, or null. */
  private recoveryFor(readerName: string, { read, failure }: ReadOutcome): Recovery | null {
    if (failure?.pcscCode === PcscCode.resetCard) return { why: 'kaart gereset door een ander programma', resetCard: false };
    const stillThere = this.watcher.status().readers.some((reader) => reader.name === readerName && reader.cardPresent);
    // The card there now may never have been powered up for us: reset it on the way out, as eid-mw's Recover reconnects with SCARD_RESET_CARD.
    if (failure?.reason === 'card-removed' && stillThere) return { why: 'kaart uitgenomen en weer ingestoken', resetCard: true };
    if (failure instanceof NoResponseError && stillThere) return { why: 'kaart antwoordde niet', resetCard: true };
    if (read && !isGenuine(read.integrity) && read.integrity.certificate === 'trusted') return { why: 'handtekening klopte niet (gedeelde lezer)', resetCard: false };
    return null;
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
