/**
 * Finds or starts pcscd with vpcd's virtual readers for the PC/SC suites.
 * A pcscd already running is reused and left alone; one started here is
 * stopped at the end of the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const socketPath = '/run/pcscd/pcscd.comm';
const vpcdConfig = '/etc/reader.conf.d/vpcd';
const pcscdBinary = '/usr/sbin/pcscd';

export interface PartAvailability {
  available: boolean;
  /** Why it is not available, and how to make it so. */
  reason?: string;
}

export interface PcscdHandle extends PartAvailability {
  stop(): Promise<void>;
}

export async function ensurePcscd(): Promise<PcscdHandle> {
  const none = () => Promise.resolve();
  if (!existsSync(vpcdConfig)) {
    return { available: false, reason: 'vsmartcard-vpcd ontbreekt (apt-get install pcscd vsmartcard-vpcd)', stop: none };
  }
  if (await isListening(socketPath)) return { available: true, stop: none };
  if (!existsSync(pcscdBinary)) {
    return { available: false, reason: 'pcscd ontbreekt (apt-get install pcscd vsmartcard-vpcd)', stop: none };
  }
  if (process.getuid?.() !== 0) {
    return { available: false, reason: 'pcscd draait niet; start het als root: pcscd --foreground &', stop: none };
  }
  const child = spawn(pcscdBinary, ['--foreground'], { stdio: 'ignore' });
  if (!(await waitFor(() => isListening(socketPath), 5000))) {
    child.kill();
    return { available: false, reason: 'pcscd startte niet binnen 5 s', stop: none };
  }
  return { available: true, stop: () => stopProcess(child) };
}

/** Only root may stop and start the machine's pcscd. */
export const canRestartPcscd = () => process.getuid?.() === 0 && existsSync(pcscdBinary);

/**
 * Stops the running pcscd (by the pid it wrote, never by name) and starts a new
 * one, as a service restart or a crash would. The new one outlives the test.
 */
export async function restartPcscd(downtimeMs = 500): Promise<void> {
  killByPidFile('/run/pcscd/pcscd.pid');
  if (!(await waitFor(async () => !(await isListening(socketPath)), 5000))) throw new Error('pcscd stopte niet');
  await new Promise((resolve) => setTimeout(resolve, downtimeMs));
  spawn(pcscdBinary, ['--foreground'], { stdio: 'ignore', detached: true }).unref();
  if (!(await waitFor(() => isListening(socketPath), 5000))) throw new Error('pcscd startte niet opnieuw');
}

function isListening(path: string): Promise<boolean> {
  if (!existsSync(path)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) {
    // A test restarted pcscd: the one running now is not our child, but it wrote its pid.
    killByPidFile('/run/pcscd/pcscd.pid');
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function killByPidFile(path: string): void {
  // pcscd writes the pid, a newline and a NUL.
  const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
  if (Number.isInteger(pid) && pid > 1) process.kill(pid, 'SIGTERM');
}

/** One vpcd entry of a reader.conf.d: two readers "<name> NN 00" and "<name> NN 01" on `port` and `port + 1`. */
export interface VpcdEntry {
  name: string;
  port: number;
}

/**
 * A pcscd of the test's own, so readers can come and go without touching the
 * machine's pcscd: it runs in a private mount namespace (unshare -m) where
 * /run/pcscd is a temporary folder, so its socket appears there, and clients
 * find it through PCSCLITE_CSOCK_NAME (libpcsclite reads it once, at the first
 * SCardEstablishContext: set it before any PC/SC call of the process).
 *
 * pcscd reads reader.conf.d only at start, and Debian's pcscd (built with
 * libudev) ignores `pcscd --hotplug` for reader.conf readers (pcsc-lite 1.9.9
 * src/hotplug_libudev.c HPReCheckSerialReaders does nothing), so readers
 * appear and disappear here the way they do when the service restarts.
 */
export class PrivatePcscd {
  readonly socketPath: string;
  private readonly runDir: string;
  private readonly confDir: string;
  private child: ChildProcess | undefined;

  constructor(readonly folder = mkdtempSync(join(tmpdir(), 'balie-pcscd-'))) {
    this.runDir = join(folder, 'run');
    this.confDir = join(folder, 'reader.conf.d');
    mkdirSync(this.runDir, { recursive: true });
    this.socketPath = join(this.runDir, 'pcscd.comm');
  }

  static availability(): PartAvailability {
    if (process.getuid?.() !== 0) return { available: false, reason: 'een eigen pcscd vraagt root (unshare -m)' };
    if (!existsSync('/usr/bin/unshare') || !existsSync(pcscdBinary)) return { available: false, reason: 'unshare of pcscd ontbreekt' };
    if (!existsSync('/usr/lib/pcsc/drivers/serial/libifdvpcd.so')) return { available: false, reason: 'vsmartcard-vpcd ontbreekt' };
    return { available: true };
  }

  async start(entries: readonly VpcdEntry[]): Promise<void> {
    rmSync(this.confDir, { recursive: true, force: true });
    mkdirSync(this.confDir);
    for (const { name, port } of entries) {
      const id = `0x${port.toString(16).toUpperCase()}`;
      writeFileSync(
        join(this.confDir, `vpcd-${port}`),
        `FRIENDLYNAME "${name}"\nDEVICENAME /dev/null:${id}\nLIBPATH /usr/lib/pcsc/drivers/serial/libifdvpcd.so\nCHANNELID ${id}\n`,
      );
    }
    const script = `mount --bind ${this.runDir} /run/pcscd && exec ${pcscdBinary} --foreground -c ${this.confDir}`;
    this.child = spawn('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], { stdio: 'ignore' });
    if (!(await waitFor(() => isListening(this.socketPath), 5000))) throw new Error('eigen pcscd startte niet');
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      // pcscd may hang in its exit handlers with vpcd cards connected; then it is killed, as a crash would.
      const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
    rmSync(this.socketPath, { force: true });
  }

  /** As the computer going to sleep: the service is frozen, its sockets stay open. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  async dispose(): Promise<void> {
    this.resume();
    await this.stop();
    rmSync(this.folder, { recursive: true, force: true });
  }
}

/**
 * Another program using the card: a separate Node process with its own PC/SC
 * context (as the eID Viewer or a browser's eID module would be), connected
 * shared or exclusive. `release()` disconnects leaving the card, `reset()`
 * disconnects resetting it (every other handle then gets SCARD_W_RESET_CARD).
 */
export interface OtherProgram {
  release(): Promise<void>;
  reset(): Promise<void>;
}

// FOLLOW: like the eID Viewer, connect to every card put in and let go when it leaves; otherwise hold the first.
const otherProgramScript = `
const reader = process.env.READER, exclusive = process.env.SHARE === 'exclusive', follow = process.env.FOLLOW === '1';
const pcsc = require('pcsclite')();
pcsc.on('error', () => undefined);
pcsc.on('reader', (r) => {
  if (r.name !== reader) return;
  r.on('error', () => undefined);
  const mode = exclusive ? r.SCARD_SHARE_EXCLUSIVE : r.SCARD_SHARE_SHARED;
  let said = false;
  const tryConnect = () => r.connect({ share_mode: mode }, (error) => {
    if (error) return follow ? undefined : setTimeout(tryConnect, 20);
    if (!said) process.stdout.write('held\\n');
    said = true;
  });
  if (follow) {
    r.on('status', ({ state }) => {
      if (state & r.SCARD_STATE_PRESENT) tryConnect();
      else if (r.connected) r.disconnect(r.SCARD_LEAVE_CARD, () => undefined);
    });
    process.stdout.write('held\\n');
    said = true;
  } else tryConnect();
  process.stdin.on('data', (line) => {
    const disposition = String(line).trim() === 'reset' ? r.SCARD_RESET_CARD : r.SCARD_LEAVE_CARD;
    const done = () => { process.stdout.write('released\\n'); pcsc.close(); process.exit(0); };
    if (r.connected) r.disconnect(disposition, done); else done();
  });
});
`;

export function startOtherProgram(
  readerName: string,
  share: 'shared' | 'exclusive',
  socketPath?: string,
  { follow = false }: { follow?: boolean } = {},
): Promise<OtherProgram> {
  const child = spawn(process.execPath, ['-e', otherProgramScript], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      READER: readerName,
      SHARE: share,
      FOLLOW: follow ? '1' : '0',
      ...(socketPath ? { PCSCLITE_CSOCK_NAME: socketPath } : {}),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        if (!String(chunk).includes(word)) return;
        child.stdout.off('data', onData);
        resolve();
      };
      child.stdout.on('data', onData);
      child.once('exit', () => resolve());
      child.once('error', reject);
    });
  const end = (command: string) => {
    const released = said('released');
    child.stdin.write(`${command}\n`);
    return released;
  };
  return said('held').then(() => ({ release: () => end('release'), reset: () => end('reset') }));
}
