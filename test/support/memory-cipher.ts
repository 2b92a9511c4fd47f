/** A stand-in for the OS secret store: reversible, visibly not plain text, and switchable off. */
import type { SecretCipher } from '../../electron/settings/secret-store';

export function memoryCipher(available = true): SecretCipher & { available: boolean } {
  return {
    available,
    unavailableReason() {
      return Promise.resolve(this.available ? null : 'no-keyring');
    },
    encrypt: (plain) => Promise.resolve(Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`)),
    decrypt: (data) => Promise.resolve({ result: Buffer.from(data.toString().slice(4), 'base64').toString(), shouldReEncrypt: false }),
  };
}
