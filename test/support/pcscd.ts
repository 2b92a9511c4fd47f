/**
 * Finds or starts pcscd with vpcd's virtual readers for the PC/SC suites.
 * A pcscd already running is reused and left alone; one started here is
 * stopped at the end of the run.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';

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
 * Stops the running pcscd and starts a new one, as a service restart or a
 * crash would. The new one outlives the test; whoever started the first one
 * stops "pcscd" by name at the end (.ci/run, global-setup).
 */
export async function restartPcscd(downtimeMs = 500): Promise<void> {
  execFileSync('pkill', ['-x', 'pcscd']);
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
    // A test restarted pcscd: the one running now is not our child.
    execFileSync('pkill', ['-x', 'pcscd'], { stdio: 'ignore' });
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
