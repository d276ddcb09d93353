import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const CACHE_KEY_BYTES = 32;

/**
 * Holds the 256-bit key that encrypts transcript bodies. The Electron build
 * implements this with safeStorage (main/electron/); the web host and tests
 * use FileKeyStore. `isSecure` is false when the key is not protected by an OS
 * secret store, and the UI shows `insecureReason` as a warning.
 */
export interface KeyStore {
  readonly isSecure: boolean;
  /** Human-readable; set when isSecure is false. */
  readonly insecureReason: string | null;
  /** Returns the key, creating and saving it on first use. */
  getOrCreateKey(): Promise<Buffer>;
}

/**
 * Key in a file created with mode 0600 (owner read/write only). Protects
 * against other local users, not against anyone running as this user, hence
 * isSecure=false. On Windows the mode is ignored and the file inherits the
 * ACL of %LOCALAPPDATA%, which is already private to the user.
 */
export class FileKeyStore implements KeyStore {
  readonly isSecure = false;
  readonly insecureReason =
    'The operating system secret store is not available, so the key that encrypts cached transcripts ' +
    'is kept in a file readable only by your user account.';

  constructor(private readonly keyPath: string) {}

  async getOrCreateKey(): Promise<Buffer> {
    const existing = this.readExisting();
    if (existing) return existing;
    mkdirSync(dirname(this.keyPath), { recursive: true, mode: 0o700 });
    const key = randomBytes(CACHE_KEY_BYTES);
    try {
      // 'wx' fails if another process created it meanwhile; then use theirs.
      writeFileSync(this.keyPath, key.toString('base64'), { mode: 0o600, flag: 'wx' });
      return key;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
        const raced = this.readExisting();
        if (raced) return raced;
      }
      throw err;
    }
  }

  private readExisting(): Buffer | null {
    let text: string;
    try {
      text = readFileSync(this.keyPath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const key = Buffer.from(text.trim(), 'base64');
    if (key.length !== CACHE_KEY_BYTES) {
      throw new Error(`The cache key file ${this.keyPath} is damaged (expected ${CACHE_KEY_BYTES} bytes).`);
    }
    // Tighten permissions if someone loosened them.
    if (process.platform !== 'win32' && (statSync(this.keyPath).mode & 0o077) !== 0) chmodSync(this.keyPath, 0o600);
    return key;
  }
}
