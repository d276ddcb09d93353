import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { MAX_SECRET_CHARS, secretNames, type SecretName } from '../../preload/contract/secrets';

export { MAX_SECRET_CHARS, secretNames, type SecretName };

/**
 * Named secrets that must never sit in settings or policy files: the SIP
 * password and the Asterisk AMI secret. The Electron build keeps them
 * encrypted by the OS secret store (main/electron/safeStorageSecretStore.ts);
 * the web host and tests use FileSecretStore, like the cache key
 * (main/cache/keyStore.ts): a file only this user can read, and `isSecure`
 * false so the app can say so. Write-only towards the UI: the `secrets:set`
 * command stores and clears, and only main ever reads a value back.
 */
export interface SecretStore {
  readonly isSecure: boolean;
  /** Human-readable; set when isSecure is false. */
  readonly insecureReason: string | null;
  /** Where secrets are kept, in words for Settings. */
  readonly where: string;
  /** The secret, or undefined when none is stored. */
  get(name: SecretName): Promise<string | undefined>;
  /** Stores (replaces) the secret; the value is checked first (one line, at most MAX_SECRET_CHARS). */
  set(name: SecretName, value: string): Promise<void>;
  /** Forgets the secret; nothing stored is fine. */
  clear(name: SecretName): Promise<void>;
}

/** Labs and tests only: the variable read when the store holds no such secret. */
export const secretEnvVars: Record<SecretName, string> = {
  'phone.password': 'SPYGLASS_SIP_PASSWORD',
  'asterisk.secret': 'SPYGLASS_AMI_SECRET',
  'phone.turnPassword': 'SPYGLASS_TURN_PASSWORD',
};

/** Where an administrator puts a secret for Spyglass to pick up: `<userData>/secrets/<name>`. */
export const secretFilePath = (userDataDir: string, name: SecretName): string => path.join(userDataDir, 'secrets', name);

/** A usable secret: one line of 1..MAX_SECRET_CHARS characters. */
export function checkSecretValue(value: string): void {
  if (value === '' || value.length > MAX_SECRET_CHARS || /[\r\n\0]/.test(value)) {
    throw new Error(`A secret must be a single line of 1 to ${MAX_SECRET_CHARS} characters.`);
  }
}

/** Reads `<dir>/<name>` (trailing newline trimmed), tightening its permissions to the user only. */
export function readSecretFile(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const value = text.replace(/\r?\n$/, '');
  if (value === '' || value.length > MAX_SECRET_CHARS || /[\r\n]/.test(value)) {
    throw new Error(`The secret file ${file} is not a single line of at most ${MAX_SECRET_CHARS} characters.`);
  }
  return value;
}

/** Writes a user-only file (0600 from birth, in a 0700 folder), whole or not at all (write, then rename). */
export function writePrivateFile(file: string, data: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  renameSync(tmp, file);
}

export class FileSecretStore implements SecretStore {
  readonly isSecure = false;
  readonly insecureReason =
    'The operating system secret store is not available, so secrets (the SIP password, the Asterisk AMI secret) are kept in files readable only by your user account.';

  constructor(private readonly userDataDir: string) {}

  get where(): string {
    return `In files only your user account can read, in ${path.join(this.userDataDir, 'secrets')} (no operating system secret store is available).`;
  }

  async get(name: SecretName): Promise<string | undefined> {
    mkdirSync(path.join(this.userDataDir, 'secrets'), { recursive: true, mode: 0o700 });
    return readSecretFile(secretFilePath(this.userDataDir, name));
  }

  async set(name: SecretName, value: string): Promise<void> {
    checkSecretValue(value);
    writePrivateFile(secretFilePath(this.userDataDir, name), value);
  }

  async clear(name: SecretName): Promise<void> {
    rmSync(secretFilePath(this.userDataDir, name), { force: true });
  }
}

/** Where a secret comes from now: the store, else its lab/test environment variable, else nowhere. */
export async function secretSource(store: SecretStore | undefined, name: SecretName, env: NodeJS.ProcessEnv = process.env): Promise<'store' | 'environment' | 'none'> {
  if (await store?.get(name)) return 'store';
  const fromEnv = env[secretEnvVars[name]];
  return fromEnv && fromEnv.length <= MAX_SECRET_CHARS ? 'environment' : 'none';
}

/** A secret from the store, else from an environment variable (e.g. SPYGLASS_AMI_SECRET). */
export async function secretOrEnv(store: SecretStore | undefined, name: SecretName, envVar: string = secretEnvVars[name], env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const stored = await store?.get(name);
  if (stored) return stored;
  const fromEnv = env[envVar];
  return fromEnv && fromEnv.length <= MAX_SECRET_CHARS ? fromEnv : undefined;
}
