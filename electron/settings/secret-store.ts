/**
 * Secrets (the consumer secret, the staff member's access token) encrypted by
 * the operating system's secret store and kept as files in the app's folder.
 * Where the OS has no secret store, nothing is stored: the store refuses
 * rather than keep a secret in plain text.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretStoreProblem } from '../ipc/contract';
import { writeFileAtomic } from './atomic-file';

/** The OS encryption: Electron's safeStorage in the app, a stand-in in tests. */
export interface SecretCipher {
  /** null when encryption is available; otherwise why not. */
  unavailableReason(): Promise<SecretStoreProblem | null>;
  encrypt(plain: string): Promise<Buffer>;
  /** `shouldReEncrypt`: the OS rotated its key or offers a better one; the secret should be stored again. */
  decrypt(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
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
    await writeFileAtomic(this.file(name), await this.cipher.encrypt(value));
  }

  async read(name: SecretName): Promise<string | null> {
    if (await this.cipher.unavailableReason()) return null;
    let decrypted: { result: string; shouldReEncrypt: boolean };
    try {
      decrypted = await this.cipher.decrypt(await readFile(this.file(name)));
    } catch {
      return null;
    }
    // Honour the OS's hint at once: the old encryption may be the weaker one. A failure leaves the old file, still readable.
    if (decrypted.shouldReEncrypt) await this.write(name, decrypted.result).catch(() => undefined);
    return decrypted.result;
  }

  async remove(name: SecretName): Promise<void> {
    await rm(this.file(name), { force: true });
  }

  private file(name: SecretName): string {
    return join(this.directory, `${name}.bin`);
  }
}
