/**
 * Secrets (the consumer secret, the staff member's access token) encrypted by
 * the operating system's secret store and kept as files in the app's folder.
 * Where the OS has no secret store, nothing is stored: the store refuses
 * rather than keep a secret in plain text.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretStoreProblem } from '../ipc/contract';

/** The OS encryption: Electron's safeStorage in the app, a stand-in in tests. */
export interface SecretCipher {
  /** null when encryption is available; otherwise why not. */
  unavailableReason(): Promise<SecretStoreProblem | null>;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(encrypted: Buffer): Promise<string>;
}

export type SecretName = 'consumerSecret' | 'accessToken';

export class SecretStoreUnavailableError extends Error {
  constructor(readonly problem: SecretStoreProblem) {
    super(`secrets cannot be stored: ${problem}`);
    this.name = 'SecretStoreUnavailableError';
  }
}

export class SecretStore {
  constructor(
    private readonly directory: string,
    private readonly cipher: SecretCipher,
  ) {}

  unavailableReason(): Promise<SecretStoreProblem | null> {
    return this.cipher.unavailableReason();
  }

  async write(name: SecretName, value: string): Promise<void> {
    const reason = await this.cipher.unavailableReason();
    if (reason) throw new SecretStoreUnavailableError(reason);
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    await writeFile(this.file(name), await this.cipher.encrypt(value), { mode: 0o600 });
  }

  async read(name: SecretName): Promise<string | null> {
    if (await this.cipher.unavailableReason()) return null;
    try {
      return await this.cipher.decrypt(await readFile(this.file(name)));
    } catch {
      return null;
    }
  }

  async remove(name: SecretName): Promise<void> {
    await rm(this.file(name), { force: true });
  }

  private file(name: SecretName): string {
    return join(this.directory, `${name}.bin`);
  }
}
