/**
 * The policy as the running app sees it: read once at start, then again
 * whenever the file appears, changes or goes away. Polling the file's stat
 * (fs.watchFile) rather than fs.watch, because the folder may not exist yet
 * when the app starts (IT creates it later) and fs.watch needs it to.
 */
import { unwatchFile, watchFile } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, posix, win32 } from 'node:path';
import { parsePolicy, type Policy, type PolicyState } from './policy';


export class PolicySource {
  private state: PolicyState;
  private readonly listeners = new Set<(state: PolicyState) => void>();
  private watching = false;

  constructor(
    readonly file: string,
    /** How often the file's stat is polled: a change shows within this. */
    private readonly pollMs = 2_000,
  ) {
    this.state = { status: 'absent', file };
  }

  get current(): PolicyState {
    return this.state;
  }

  /** What the policy sets, or nothing when there is none; a broken policy sets nothing (and stops the app). */
  get policy(): Policy {
    return this.state.status === 'valid' ? this.state.policy : {};
  }

  get broken(): boolean {
    return this.state.status === 'broken';
  }

  async load(): Promise<PolicyState> {
    this.state = await readPolicy(this.file);
    return this.state;
  }

  /** Calls the listener with the new state after every change of the file's content. */
  onChange(listener: (state: PolicyState) => void): () => void {
    this.listeners.add(listener);
    if (!this.watching && this.file !== '') {
      this.watching = true;
      watchFile(this.file, { interval: this.pollMs, persistent: false }, this.reload);
      // The watcher's first stat is taken a moment after it starts: a change in between would never show.
      setTimeout(this.reload, this.pollMs).unref();
    }
    return () => this.listeners.delete(listener);
  }

  close(): void {
    if (this.watching) unwatchFile(this.file, this.reload);
    this.watching = false;
    this.listeners.clear();
  }

  /** Reads the file again; the listeners hear of it only when what it says changed. */
  private readonly reload = (): void => {
    const before = JSON.stringify(this.state);
    void this.load().then((state) => {
      if (JSON.stringify(state) === before) return;
      for (const listener of this.listeners) listener(state);
    });
  };
}

/** For the services without a policy file (tests that do not care). */
export function noPolicy(): PolicySource {
  return new PolicySource('');
}

export async function readPolicy(file: string): Promise<PolicyState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'absent', file };
    return { status: 'broken', file, key: null, problem: 'unreadable' };
  }
  return parsePolicy(file, text);
}


/**
 * Where the policy lives on each OS. `root` replaces the machine's root (a
 * temporary folder in tests, the browser host's own folder); the packaged app
 * never takes one, so a user cannot point it elsewhere.
 */
export function policyFile(platform: string, env: Readonly<Record<string, string | undefined>>, root?: string): string {
  if (platform === 'win32') {
    if (root !== undefined) return join(root, 'ProgramData', 'UiTPAS Balie', 'policy.json');
    return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'UiTPAS Balie', 'policy.json');
  }
  if (platform === 'darwin') return root !== undefined ? join(root, 'Library', 'Application Support', 'UiTPAS Balie', 'policy.json') : posix.join('/Library/Application Support/UiTPAS Balie/policy.json');
  return root !== undefined ? join(root, 'etc', 'uitpas-balie', 'policy.json') : '/etc/uitpas-balie/policy.json';
}
