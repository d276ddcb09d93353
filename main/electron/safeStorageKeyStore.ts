import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { safeStorage } from 'electron';
import { CACHE_KEY_BYTES, FileKeyStore, type KeyStore } from '../cache/keyStore';

/**
 * The cache key, encrypted by the OS secret store (DPAPI, Keychain, libsecret
 * / kwallet) through Electron safeStorage. Where no real store exists
 * (Linux `basic_text`), falls back to a user-only key file and says so, as
 * Signal and Element do.
 */
export function createSafeStorageKeyStore(userDataDir: string): KeyStore {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : 'os';
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') {
    return new FileKeyStore(path.join(userDataDir, 'cache.key'));
  }
  const file = path.join(userDataDir, 'cache.key.enc');
  return {
    isSecure: true,
    insecureReason: null,
    async getOrCreateKey() {
      if (fs.existsSync(file)) {
        return Buffer.from(safeStorage.decryptString(fs.readFileSync(file)), 'base64');
      }
      const key = randomBytes(CACHE_KEY_BYTES);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, safeStorage.encryptString(key.toString('base64')), { mode: 0o600 });
      return key;
    },
  };
}
