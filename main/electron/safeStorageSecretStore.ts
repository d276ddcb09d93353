import * as fs from 'node:fs';
import * as path from 'node:path';
import { safeStorage } from 'electron';
import { FileSecretStore, readSecretFile, secretFilePath, type SecretName, type SecretStore } from '../config/secretStore';

/**
 * Secrets encrypted by the OS secret store (DPAPI, Keychain, libsecret /
 * kwallet) through safeStorage. An administrator provisions a secret by
 * writing it in plain text to `<userData>/secrets/<name>`; at the next start
 * Spyglass encrypts it into `<name>.enc` and deletes the plain file. Where no
 * real store exists (Linux `basic_text`) the plain file is kept, user-only,
 * and the app says so (FileSecretStore).
 */
export function createSafeStorageSecretStore(userDataDir: string): SecretStore {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : 'os';
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') return new FileSecretStore(userDataDir);
  return {
    isSecure: true,
    insecureReason: null,
    async get(name: SecretName) {
      const plainFile = secretFilePath(userDataDir, name);
      const encFile = `${plainFile}.enc`;
      const plain = readSecretFile(plainFile);
      if (plain !== undefined) {
        fs.mkdirSync(path.dirname(encFile), { recursive: true, mode: 0o700 });
        fs.writeFileSync(encFile, safeStorage.encryptString(plain), { mode: 0o600 });
        fs.rmSync(plainFile);
        return plain;
      }
      return fs.existsSync(encFile) ? safeStorage.decryptString(fs.readFileSync(encFile)) : undefined;
    },
  };
}
