import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

// Cached transcripts are only this user's to read (issue 11 item 2): the cache
// folder is 0700 and every file in it 0600 on Linux and macOS, whatever the
// umask, and caches made before this (0644 files in a 0755 folder) are tightened
// when they open. On Windows the cache lives under %LOCALAPPDATA% (paths.ts),
// whose ACL already grants only the user (and SYSTEM/Administrators); POSIX modes
// mean nothing there, so nothing is changed.

const OWNER_ONLY_FILE = 0o600;
const OWNER_ONLY_DIRECTORY = 0o700;

/** Creates the cache folder if needed and makes it owner-only, if it is ours to change. */
export function makePrivateDirectory(dir: string, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIRECTORY });
  if (platform === 'win32' || !ownedByMe(dir)) return;
  if ((statSync(dir).mode & 0o777) !== OWNER_ONLY_DIRECTORY) chmodSync(dir, OWNER_ONLY_DIRECTORY);
}

/**
 * Creates the database file empty with mode 0600 before SQLite opens it.
 * SQLite gives the -wal, -shm and -journal files it creates the database
 * file's own mode, so they are born 0600 too (no moment when they are readable).
 */
export function createPrivateFile(path: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32' || existsSync(path)) return;
  closeSync(openSync(path, 'a', OWNER_ONLY_FILE));
}

/** Tightens existing files (a cache made by an older Spyglass, a moved-aside copy) to 0600. */
export function restrictToOwner(paths: readonly string[], platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  for (const path of paths) {
    let mode: number;
    try {
      mode = statSync(path).mode;
    } catch {
      continue; // not there (no -wal yet): nothing to tighten
    }
    if ((mode & 0o777) !== OWNER_ONLY_FILE) chmodSync(path, OWNER_ONLY_FILE);
  }
}

/** The database file with the files SQLite keeps next to it. */
export function databaseFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`, `${path}-journal`];
}

function ownedByMe(path: string): boolean {
  return typeof process.getuid !== 'function' || statSync(path).uid === process.getuid();
}
