/**
 * Writes to UiTPAS whose outcome is not known yet, kept on disk so that an
 * answer lost to a crash, a closed window or a dropped connection still makes
 * the app insist on a look-up after a restart, before the same write is sent
 * again (a second registration, a second card).
 *
 * A write is noted before it is sent and struck once its outcome is known;
 * what stays is only what a look-up needs: the UiTPAS number (or, when a write
 * names no card, the pass holder's uid), which operation, since when, and
 * where it was sent: the environment and the balie. A note belongs there: only
 * a write or a look-up in that same environment and balie meets it, so a
 * look-up in the demo environment never clears a production write. No name,
 * no national number, no address: whoever reads the file learns that a card
 * was involved in a counter operation, nothing about the person.
 *
 * A file that exists but cannot be read is never taken for "nothing pending":
 * it is moved aside (like settings.json) and, while it lies there, every write
 * is refused with a message saying so, until IT has looked at it and removed it.
 */
import { access, readFile, rename } from 'node:fs/promises';
import { writeFileAtomic } from '../settings/atomic-file';

/** Where a write was sent: the environment and the balie's consumer key ('' before a balie is chosen). */
export interface OutcomeScope {
  environment: string;
  balie: string;
}

export interface PendingOutcome extends OutcomeScope {
  /** `card:<UiTPAS number>` or `uid:<pass holder uid>`. */
  key: string;
  /** The contract channel of the write, e.g. uitpas:registerPassholder. */
  operation: string;
  /** ISO time the write was sent. */
  since: string;
}

export class PendingOutcomesUnreadableError extends Error {
  constructor(readonly asideFile: string) {
    super('the pending-outcomes file could not be read');
  }
}

export class PendingOutcomes {
  private entries: PendingOutcome[] | undefined;
  /** File writes one after another, so a later state never loses to an earlier one. */
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The file an unreadable list was moved to; while it exists, writes are refused. */
  get asideFile(): string {
    return `${this.file}.unreadable`;
  }

  /** The unknown outcome recorded here for any of these keys, if one is. Throws while an unreadable file lies aside. */
  async find(scope: OutcomeScope, keys: readonly string[]): Promise<PendingOutcome | undefined> {
    return (await this.load()).find((entry) => sameScope(entry, scope) && keys.includes(entry.key));
  }

  async list(): Promise<readonly PendingOutcome[]> {
    return [...(await this.load())];
  }

  /** Noted before the write is sent, under each key a look-up can settle. */
  async note(scope: OutcomeScope, keys: readonly string[], operation: string): Promise<void> {
    if (keys.length === 0) return;
    const since = this.now().toISOString();
    const entries = (await this.load()).filter((entry) => !(sameScope(entry, scope) && keys.includes(entry.key)));
    entries.push(...keys.map((key) => ({ key, operation, since, ...scope })));
    await this.store(entries);
  }

  /**
   * The outcome is known here (answered, refused, or looked up in this environment and balie): strike these keys.
   * A look-up passes when it was sent: a write noted after that is newer than what it could show, and stays.
   */
  async settle(scope: OutcomeScope, keys: readonly string[], lookUpSentAt?: Date): Promise<void> {
    const entries = await this.load();
    const shown = (entry: PendingOutcome) => lookUpSentAt === undefined || Date.parse(entry.since) <= lookUpSentAt.getTime();
    const kept = entries.filter((entry) => !(sameScope(entry, scope) && keys.includes(entry.key) && shown(entry)));
    if (kept.length !== entries.length) await this.store(kept);
  }

  private async load(): Promise<PendingOutcome[]> {
    if (await exists(this.asideFile)) throw new PendingOutcomesUnreadableError(this.asideFile);
    if (this.entries) return this.entries;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new PendingOutcomesUnreadableError(this.file);
      this.entries = [];
      return this.entries;
    }
    const stored = parseEntries(text);
    if (!stored) {
      await rename(this.file, this.asideFile);
      throw new PendingOutcomesUnreadableError(this.asideFile);
    }
    this.entries = stored;
    return this.entries;
  }

  private store(entries: PendingOutcome[]): Promise<void> {
    this.entries = entries;
    const content = `${JSON.stringify(entries, null, 2)}\n`;
    this.saving = this.saving.catch(() => undefined).then(() => writeFileAtomic(this.file, content));
    return this.saving;
  }
}

/** A note from before notes had a scope belongs everywhere: it blocks in any scope and any look-up settles it. */
function sameScope(entry: Partial<OutcomeScope>, scope: OutcomeScope): boolean {
  if (entry.environment === undefined) return true;
  return entry.environment === scope.environment && entry.balie === scope.balie;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Null when the text is not a list of notes: a half-understood list could hide a pending write. */
function parseEntries(text: string): PendingOutcome[] | null {
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(stored) || !stored.every(isPendingOutcome)) return null;
  return stored;
}

function isPendingOutcome(value: unknown): value is PendingOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const { key, operation, since, environment, balie } = value as Record<string, unknown>;
  const scoped = environment === undefined || (typeof environment === 'string' && typeof balie === 'string');
  return typeof key === 'string' && typeof operation === 'string' && typeof since === 'string' && scoped;
}
