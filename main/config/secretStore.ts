import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Named secrets that must never sit in settings or policy files (the AMI
 * secret today). The Electron build keeps them encrypted by the OS secret
 * store (main/electron/safeStorageSecretStore.ts); the web host and tests use
 * FileSecretStore, like the cache key (main/cache/keyStore.ts): a file only
 * this user can read, and `isSecure` false so the app can say so.
 */
export interface SecretStore {
  readonly isSecure: boolean;
  /** Human-readable; set when isSecure is false. */
  readonly insecureReason: string | null;
  /** The secret, or undefined when none is stored. */
  get(name: SecretName): Promise<string | undefined>;
}

export const secretNames = ['asterisk.secret'] as const;
export type SecretName = (typeof secretNames)[number];

/** Where an administrator puts a secret for Spyglass to pick up: `<userData>/secrets/<name>`. */
export const secretFilePath = (userDataDir: string, name: SecretName): string => path.join(userDataDir, 'secrets', name);

/** Secrets longer than this are refused (a wrong file was put in place). */
export const MAX_SECRET_CHARS = 1000;

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

export class FileSecretStore implements SecretStore {
  readonly isSecure = false;
  readonly insecureReason =
    'The operating system secret store is not available, so secrets (the Asterisk AMI secret) are kept in files readable only by your user account.';

  constructor(private readonly userDataDir: string) {}

  async get(name: SecretName): Promise<string | undefined> {
    mkdirSync(path.join(this.userDataDir, 'secrets'), { recursive: true, mode: 0o700 });
    return readSecretFile(secretFilePath(this.userDataDir, name));
  }
}

/** A secret from the store, else from an environment variable (e.g. SPYGLASS_AMI_SECRET). */
export async function secretOrEnv(store: SecretStore | undefined, name: SecretName, envVar: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const stored = await store?.get(name);
  if (stored) return stored;
  const fromEnv = env[envVar];
  return fromEnv && fromEnv.length <= MAX_SECRET_CHARS ? fromEnv : undefined;
}
