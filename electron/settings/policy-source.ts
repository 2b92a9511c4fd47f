/**
 * The policy as the running app sees it: read once at start, then again whenever a source changes. The
 * sources, the first winning per key: on Windows the registry (Group Policy, Intune), on macOS a
 * configuration profile's managed preferences, and on every OS the JSON file. Polling the file's stat
 * (fs.watchFile) rather than fs.watch, because the folder may not exist yet when the app starts (IT
 * creates it later) and fs.watch needs it to; the registry and managed preferences are read again on
 * the same beat.
 *
 * A file is IT's only when an administrator could have written it: owner root (POSIX) or an administrator
 * (Windows), and neither it nor its folder writable by anyone else (policy-access.ts). Otherwise it is not
 * obeyed and the app stops, naming it: on a PC without a policy, any user could otherwise create one and
 * steer every counter.
 */
import { unwatchFile, watchFile } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, posix, win32 } from 'node:path';
import { checkPolicyDocument, mergePolicyDocuments, policyDocumentFromJson, type CheckedDocument, type IgnoredPolicyKey, type Policy, type PolicyDocument, type PolicyState, type RecommendedPolicy } from './policy';
import type { AccessCheck } from './policy-access';

/** One place a policy can come from: what it says, nothing (absent), or why it stops the app. */
export interface PolicyOrigin {
  readonly name: string;
  read(): Promise<CheckedDocument | null>;
}

export interface PolicySourceOptions {
  /** Sources read before the file, winning over it per key (registry, managed preferences). */
  before?: PolicyOrigin[];
  /** Who may have written the file and its folder; without it, no check (tests that do not care). */
  access?: AccessCheck;
  /** How long to wait before reading an empty or unparsable file again (it may be half written). */
  settleMs?: number;
}

export class PolicySource {
  private state: PolicyState;
  private readonly listeners = new Set<(state: PolicyState) => void>();
  private watching = false;
  private ticker: NodeJS.Timeout | null = null;
  private readonly origins: PolicyOrigin[];

  constructor(
    readonly file: string,
    /** How often the sources are polled: a change shows within this. */
    private readonly pollMs = 2_000,
    options: PolicySourceOptions = {},
  ) {
    this.state = { status: 'absent', file };
    this.origins = [...(options.before ?? []), ...(file === '' ? [] : [jsonFileOrigin(file, options)])];
  }

  get current(): PolicyState {
    return this.state;
  }

  /** What the policy sets, or nothing when there is none; a broken policy sets nothing (and stops the app). */
  get policy(): Policy {
    return this.state.status === 'valid' ? this.state.policy : {};
  }

  /** The defaults the policy recommends (staff may change them). */
  get recommended(): RecommendedPolicy {
    return this.state.status === 'valid' ? this.state.recommended : {};
  }

  /** Keys the app did not use, for the support screen and --diagnose. */
  get ignored(): IgnoredPolicyKey[] {
    return this.state.status === 'valid' ? this.state.ignored : [];
  }

  get broken(): boolean {
    return this.state.status === 'broken';
  }

  async load(): Promise<PolicyState> {
    const documents = (await Promise.all(this.origins.map((origin) => origin.read()))).filter((document) => document !== null);
    this.state = mergePolicyDocuments(documents, this.file);
    return this.state;
  }

  /** Calls the listener with the new state after every change of what the sources say. */
  onChange(listener: (state: PolicyState) => void): () => void {
    this.listeners.add(listener);
    if (!this.watching) {
      this.watching = true;
      if (this.file !== '') watchFile(this.file, { interval: this.pollMs, persistent: false }, this.reload);
      // The watcher's first stat is taken a moment after it starts: a change in between would never show.
      setTimeout(this.reload, this.pollMs).unref();
      if (this.origins.length > (this.file === '' ? 0 : 1)) {
        this.ticker = setInterval(this.reload, this.pollMs);
        this.ticker.unref();
      }
    }
    return () => this.listeners.delete(listener);
  }

  close(): void {
    if (this.watching && this.file !== '') unwatchFile(this.file, this.reload);
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    this.watching = false;
    this.listeners.clear();
  }

  /** Reads the sources again; the listeners hear of it only when what they say changed. */
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

/**
 * The file's bytes as text: UTF-8 with or without a BOM (Notepad), UTF-16 with a BOM (what Windows
 * PowerShell 5.1's Out-File and `>` write). Null for bytes that are none of these.
 */
export function decodePolicyText(bytes: Uint8Array): string | null {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

type FileRead = { kind: 'absent' } | { kind: 'unreadable' } | { kind: 'text'; text: string | null };

async function readOnce(file: string): Promise<FileRead> {
  try {
    return { kind: 'text', text: decodePolicyText(await readFile(file)) };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'absent' } : { kind: 'unreadable' };
  }
}

const looksComplete = (read: FileRead): boolean => read.kind !== 'text' || (read.text !== null && read.text.trim() !== '' && canParse(read.text));
const canParse = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The JSON file as a source: its access checked first, an empty or unparsable one read again once it had time to be finished. */
export function jsonFileOrigin(file: string, options: Pick<PolicySourceOptions, 'access' | 'settleMs'> = {}): PolicyOrigin {
  const settleMs = options.settleMs ?? 500;
  return {
    name: file,
    async read() {
      let read = await readOnce(file);
      if (read.kind === 'absent') return null;
      if (!looksComplete(read)) {
        // A file caught while IT's tool writes it is empty or cut short: give it a moment.
        await new Promise((resolve) => setTimeout(resolve, settleMs));
        read = await readOnce(file);
        if (read.kind === 'absent') return null;
      }
      const refused = options.access ? await options.access([file, dirname(file)]) : null;
      if (refused) return { ok: false, problem: { file: refused.path, key: null, problem: refused.problem } };
      if (read.kind === 'unreadable') return { ok: false, problem: { file, key: null, problem: 'unreadable' } };
      if (read.text === null) return { ok: false, problem: { file, key: null, problem: 'not-json' } };
      const document = policyDocumentFromJson(file, read.text);
      if (!('origin' in document)) return { ok: false, problem: { file, ...document } };
      return checkPolicyDocument(document);
    },
  };
}

/** A source that hands over raw documents (registry, managed preferences): checked against the one schema. */
export function documentOrigin(name: string, read: () => Promise<PolicyDocument | null>): PolicyOrigin {
  return {
    name,
    async read() {
      const document = await read();
      return document === null ? null : checkPolicyDocument(document);
    },
  };
}

export async function readPolicy(file: string, options: Pick<PolicySourceOptions, 'access' | 'settleMs'> = {}): Promise<PolicyState> {
  const document = await jsonFileOrigin(file, options).read();
  return mergePolicyDocuments(document ? [document] : [], file);
}

/**
 * Where the policy file lives on each OS. `root` replaces the machine's root (a temporary folder in tests,
 * the browser host's own folder); the packaged app never takes one, so a user cannot point it elsewhere.
 * `programData` is Windows' known folder (windows-machine.ts), never the environment variable.
 */
export function policyFile(platform: string, root?: string, programData = 'C:\\ProgramData'): string {
  if (platform === 'win32') {
    if (root !== undefined) return join(root, 'ProgramData', 'UiTPAS Balie', 'policy.json');
    return win32.join(programData, 'UiTPAS Balie', 'policy.json');
  }
  if (platform === 'darwin') return root !== undefined ? join(root, 'Library', 'Application Support', 'UiTPAS Balie', 'policy.json') : posix.join('/Library/Application Support/UiTPAS Balie/policy.json');
  return root !== undefined ? join(root, 'etc', 'uitpas-balie', 'policy.json') : '/etc/uitpas-balie/policy.json';
}
