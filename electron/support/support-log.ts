/**
 * The support log: one line per event, codes and timings only (never a payload, a name, a number from a
 * card or a server's text), in a file that rotates (support.log, then .1 … .3, 1 MB each) so it never
 * grows without end. The level comes from the policy (logLevel, default warn). Values that are not plain
 * codes or numbers are cut to a safe alphabet, so nothing free-form can slip in.
 */
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { logLevels, type LogLevel } from '../settings/policy';

export type LogValue = string | number | boolean;

export interface SupportLogOptions {
  level?: LogLevel;
  maxBytes?: number;
  /** How many rotated files are kept beside the current one. */
  keep?: number;
  now?: () => Date;
}

export class SupportLog {
  private level: LogLevel;
  private queue: Promise<void> = Promise.resolve();
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly now: () => Date;

  constructor(
    readonly file: string,
    options: SupportLogOptions = {},
  ) {
    this.level = options.level ?? 'warn';
    this.maxBytes = options.maxBytes ?? 1_000_000;
    this.keep = options.keep ?? 3;
    this.now = options.now ?? (() => new Date());
  }

  setLevel(level: LogLevel | undefined): void {
    this.level = level ?? 'warn';
  }

  /** `event` is a code (app-start, failure, call, read…); fields are codes and numbers. */
  write(level: LogLevel, event: string, fields: Record<string, LogValue | undefined> = {}): void {
    if (logLevels.indexOf(level) > logLevels.indexOf(this.level)) return;
    const parts = [this.now().toISOString(), level, safe(event)];
    for (const [name, value] of Object.entries(fields)) if (value !== undefined) parts.push(`${safe(name)}=${safe(value)}`);
    const line = `${parts.join(' ')}\n`;
    this.queue = this.queue.then(() => this.append(line)).catch(() => undefined);
  }

  /** Resolves when every line written so far is on disk. */
  flushed(): Promise<void> {
    return this.queue;
  }

  private async append(line: string): Promise<void> {
    // The user's own log folder is private to the user (mkdir's mode applies only to folders it creates).
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const size = await stat(this.file).then(
      (info) => info.size,
      () => 0,
    );
    if (size > 0 && size + Buffer.byteLength(line) > this.maxBytes) await this.rotate();
    await appendFile(this.file, line, { mode: 0o600 });
  }

  private async rotate(): Promise<void> {
    for (let index = this.keep - 1; index >= 1; index -= 1) await rename(`${this.file}.${index}`, `${this.file}.${index + 1}`).catch(() => undefined);
    await rename(this.file, `${this.file}.1`);
  }
}

/** Letters, digits and a few separators, at most 80 characters: a code, a reader name, a number. */
function safe(value: LogValue): string {
  return String(value)
    .replace(/[^\w.:/()-]+/g, '_')
    .slice(0, 80);
}
