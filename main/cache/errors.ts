// Typed errors the UI can act on. They cross the worker boundary as {code, message}.

export type CacheErrorCode =
  | 'DISK_FULL'
  | 'INVALID_INPUT'
  | 'UNKNOWN_INTERACTION'
  | 'NOT_FOUND'
  | 'CLOSED'
  | 'WORKER_FAILED'
  | 'DATABASE_FROM_FUTURE'
  /** The file is encrypted with another key (or may be): left untouched, the message says what to do. */
  | 'KEY_MISMATCH'
  /** An export could not be made; the message says why. The cache itself is fine. */
  | 'EXPORT_FAILED'
  /** More writes are waiting for the disk than the cache holds in memory: this one was not taken (nothing else is lost). */
  | 'OVERLOADED'
  | 'INTERNAL';

export interface CacheErrorShape {
  code: CacheErrorCode;
  message: string;
}

export class CacheError extends Error implements CacheErrorShape {
  constructor(
    readonly code: CacheErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CacheError';
  }

  toJSON(): CacheErrorShape {
    return { code: this.code, message: this.message };
  }
}

/**
 * The file was written by a newer Spyglass (higher schema version). We refuse
 * rather than guess: downgrading the schema could silently drop cached data.
 */
export class DatabaseFromFutureError extends CacheError {
  constructor(
    readonly databaseVersion: number,
    readonly supportedVersion: number,
    readonly path: string,
  ) {
    super(
      'DATABASE_FROM_FUTURE',
      `The session cache at ${path} was created by a newer version of Spyglass ` +
        `(schema version ${databaseVersion}; this version supports up to ${supportedVersion}). ` +
        `Update Spyglass to open it, or delete or rename that file to start with an empty cache.`,
    );
    this.name = 'DatabaseFromFutureError';
  }
}

/**
 * The cache file cannot be read with the key Spyglass has now, and it is (or
 * may be) a good cache under another key: a secret store reset or restored
 * from elsewhere, a key file replaced. It is never moved aside or replaced for
 * that (issue 11 item 2); the key may come back. `certain` is false when the
 * file's key record (keyId.ts) is missing, so it could also be damaged.
 */
export class CacheKeyMismatchError extends CacheError {
  constructor(
    readonly path: string,
    readonly certain: boolean,
  ) {
    super(
      'KEY_MISMATCH',
      (certain
        ? `The session cache at ${path} is encrypted with a different key from the one Spyglass has now ` +
          '(the operating system secret store or the cache key file was reset or replaced, or the cache belongs to another user account). '
        : `The session cache at ${path} cannot be read with the key Spyglass has now, and its key record is missing, ` +
          'so Spyglass cannot tell whether it is damaged or encrypted with another key. ') +
        'Nothing was moved or deleted; offline review is off until this is resolved. ' +
        'To keep those cached transcripts, restore the previous key (the secret store or the cache.key file from a backup, ' +
        'or sign in as the user who made the cache) and start Spyglass again. To give them up and start a new cache, ' +
        `quit Spyglass, delete ${path} and the files next to it whose names begin with that file's name, and start Spyglass again.`,
    );
    this.name = 'CacheKeyMismatchError';
  }
}

export function diskFullError(): CacheError {
  return new CacheError(
    'DISK_FULL',
    'The disk holding the session cache is full, so new data was not saved. ' +
      'Free some space on that disk; cached data already saved is still available.',
  );
}

export function unknownInteractionError(): CacheError {
  return new CacheError('UNKNOWN_INTERACTION', 'Record refers to an interaction that is not cached yet; record the interaction first.');
}

/** Maps SQLite/Node errors to CacheError; unknown errors become INTERNAL. */
export function toCacheError(err: unknown): CacheError {
  if (err instanceof CacheError) return err;
  const code = (err as { code?: unknown })?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'SQLITE_IOERR_WRITE') return diskFullError();
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return unknownInteractionError();
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return new CacheError('INVALID_INPUT', `Record rejected by the cache: ${message}`);
  }
  return new CacheError('INTERNAL', message);
}

export function fromErrorShape(shape: CacheErrorShape): CacheError {
  return new CacheError(shape.code, shape.message);
}
