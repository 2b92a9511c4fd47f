/**
 * Writes to UiTPAS whose outcome is not known yet, kept on disk so that an
 * answer lost to a crash, a closed window or a dropped connection still makes
 * the app insist on a look-up after a restart, before the same write is sent
 * again (a second registration, a second card).
 *
 * A write is noted before it is sent and struck once its outcome is known;
 * what stays is only what a look-up needs: the UiTPAS number (or, when a write
 * names no card, the pass holder's uid), which operation, and since when. No
 * name, no national number, no address: whoever reads the file learns that a
 * card was involved in a counter operation, nothing about the person.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-file';

export interface PendingOutcome {
  /** `card:<UiTPAS number>` or `uid:<pass holder uid>`. */
  key: string;
  /** The contract channel of the write, e.g. uitpas:registerPassholder. */
  operation: string;
  /** ISO time the write was sent. */
  since: string;
}

export class PendingOutcomes {
  private entries: PendingOutcome[] | undefined;
  /** File writes one after another, so a later state never loses to an earlier one. */
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The unknown outcome recorded for any of these keys, if one is. */
  async find(keys: readonly string[]): Promise<PendingOutcome | undefined> {
    return (await this.load()).find((entry) => keys.includes(entry.key));
  }

  async list(): Promise<readonly PendingOutcome[]> {
    return [...(await this.load())];
  }

  /** Noted before the write is sent, under each key a look-up can settle. */
  async note(keys: readonly string[], operation: string): Promise<void> {
    if (keys.length === 0) return;
    const since = this.now().toISOString();
    const entries = (await this.load()).filter((entry) => !keys.includes(entry.key));
    entries.push(...keys.map((key) => ({ key, operation, since })));
    await this.store(entries);
  }

  /** The outcome is known (answered, refused, or looked up): strike these keys. */
  async settle(keys: readonly string[]): Promise<void> {
    const entries = await this.load();
    const kept = entries.filter((entry) => !keys.includes(entry.key));
    if (kept.length !== entries.length) await this.store(kept);
  }

  private async load(): Promise<PendingOutcome[]> {
    if (this.entries) return this.entries;
    try {
      const stored: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      this.entries = Array.isArray(stored) ? stored.filter(isPendingOutcome) : [];
    } catch {
      this.entries = [];
    }
    return this.entries;
  }

  private store(entries: PendingOutcome[]): Promise<void> {
    this.entries = entries;
    const content = `${JSON.stringify(entries, null, 2)}\n`;
    this.saving = this.saving.catch(() => undefined).then(() => writeFileAtomic(this.file, content));
    return this.saving;
  }
}

function isPendingOutcome(value: unknown): value is PendingOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const { key, operation, since } = value as Record<string, unknown>;
  return typeof key === 'string' && typeof operation === 'string' && typeof since === 'string';
}
