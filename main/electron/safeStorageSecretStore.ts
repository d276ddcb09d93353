import * as fs from 'node:fs';
import { safeStorage } from 'electron';
import { checkSecretValue, FileSecretStore, readSecretFile, secretFilePath, writePrivateFile, type SecretName, type SecretStore } from '../config/secretStore';

/**
 * Secrets encrypted by the OS secret store (DPAPI, Keychain, libsecret /
 * kwallet) through safeStorage, as `<userData>/secrets/<name>.enc`. Set from
 * Settings (`secrets:set`), or provisioned by an administrator writing it in
 * plain text to `<userData>/secrets/<name>`: at the next read Spyglass
 * encrypts it into `<name>.enc` and deletes the plain file. Where no real
 * store exists (Linux `basic_text`) the plain file is kept, user-only, and
 * the app says so (FileSecretStore).
 */
export function createSafeStorageSecretStore(userDataDir: string): SecretStore {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : 'os';
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') return new FileSecretStore(userDataDir);
  const encFileOf = (name: SecretName) => `${secretFilePath(userDataDir, name)}.enc`;
  return {
    isSecure: true,
    insecureReason: null,
    where: 'In the operating system’s secret store (encrypted with Electron safeStorage; never in settings or policy files).',
    async get(name) {
      const plainFile = secretFilePath(userDataDir, name);
      const plain = readSecretFile(plainFile);
      if (plain !== undefined) {
        writePrivateFile(encFileOf(name), safeStorage.encryptString(plain));
        fs.rmSync(plainFile);
        return plain;
      }
      const encFile = encFileOf(name);
      return fs.existsSync(encFile) ? safeStorage.decryptString(fs.readFileSync(encFile)) : undefined;
    },
    async set(name, value) {
      checkSecretValue(value);
      writePrivateFile(encFileOf(name), safeStorage.encryptString(value));
      // A plain file left by an administrator would win at the next read.
      fs.rmSync(secretFilePath(userDataDir, name), { force: true });
    },
    async clear(name) {
      fs.rmSync(encFileOf(name), { force: true });
      fs.rmSync(secretFilePath(userDataDir, name), { force: true });
    },
  };
}
