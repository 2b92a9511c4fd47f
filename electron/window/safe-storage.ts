/** The OS secret store behind SecretStore: Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet). */
import { safeStorage } from 'electron';
import type { SecretCipher } from '../settings/secret-store';

export const safeStorageCipher: SecretCipher = {
  unavailableReason: async () => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'no-encryption';
    // Without a keyring, Linux "encrypts" with a fixed key: that is plain text, and refused.
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return 'no-keyring';
    }
    return null;
  },
  encrypt: (plain) => safeStorage.encryptStringAsync(plain),
  decrypt: async (encrypted) => {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
    return { result, shouldReEncrypt };
  },
};
