/**
 * The order of writes to UiTPAS. Writes that concern the same pass holder or
 * card (their keys overlap) run one after another, never side by side; the
 * very same write while the first is still on its way (a double click, a
 * second Enter) is refused with 'duplicate-in-flight' instead of reaching
 * UiTPAS twice. A change of session (environment, login, logout, balie) waits
 * for the writes on their way and holds new ones back until it is done, so a
 * write never starts under one environment and is sent under another.
 */
import { contractError } from '../ipc/contract';
import { BalieFailure } from '../ipc/dispatch';

export class WriteGate {
  /** Per key, the end of the last write that holds it. */
  private readonly tails = new Map<string, Promise<void>>();
  private readonly fingerprints = new Set<string>();
  private readonly running = new Set<Promise<unknown>>();
  private sessionChange: Promise<unknown> = Promise.resolve();

  /** Writes sent or waiting their turn right now. */
  get writesInFlight(): number {
    return this.running.size;
  }

  /**
   * Runs a write once every earlier write with one of its keys and any session
   * change are done. `fingerprint` names the write exactly (channel + payload).
   */
  async write<T>(keys: readonly string[], fingerprint: string, work: () => Promise<T>): Promise<T> {
    if (this.fingerprints.has(fingerprint)) throw new BalieFailure(contractError('duplicate-in-flight'));
    this.fingerprints.add(fingerprint);
    const earlier = keys.flatMap((key) => this.tails.get(key) ?? []);
    let release = () => {};
    const done = new Promise<void>((resolve) => (release = resolve));
    for (const key of keys) this.tails.set(key, done);
    const run = Promise.allSettled([...earlier, this.sessionChange]).then(work);
    this.running.add(run);
    try {
      return await run;
    } finally {
      release();
      for (const key of keys) if (this.tails.get(key) === done) this.tails.delete(key);
      this.fingerprints.delete(fingerprint);
      this.running.delete(run);
    }
  }

  /** Runs a session change after the writes on their way; writes asked for meanwhile wait for it. */
  changeSession<T>(work: () => Promise<T>): Promise<T> {
    const run = Promise.allSettled([...this.running, this.sessionChange]).then(work);
    this.sessionChange = run.catch(() => undefined);
    return run;
  }
}
