import type { Database } from '../sqlite';
import { DatabaseFromFutureError } from '../errors';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-search-terms';
import { migration0003 } from './0003-message-blocks';
import { migration0004 } from './0004-conversation-identity';
import { migration0005 } from './0005-integer-interaction-keys';
import { migration0006 } from './0006-drop-identity-index';
import { migration0007 } from './0007-interaction-key-everywhere';
import { migration0008 } from './0008-drop-last-seen-index';
import type { Migration } from './types';

export type { Migration } from './types';

/** All migrations, oldest first. Append new ones; never reorder or edit. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008];

export function latestSchemaVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrationOutcome {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Brings the schema up to date in one transaction: either every pending
 * migration applies and user_version moves, or nothing changes.
 * A database from a newer Spyglass is refused with DatabaseFromFutureError.
 */
export function runMigrations(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  pathForMessages = db.name,
): MigrationOutcome {
  assertVersionsGoUp(migrations);
  const from = schemaVersion(db);
  const latest = latestSchemaVersion(migrations);
  if (from > latest) throw new DatabaseFromFutureError(from, latest, pathForMessages);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, applied: [] };
  // Rebuilding a table (create new, copy, drop old, rename) needs foreign keys
  // off, or dropping the old table would cascade-delete its children. The
  // pragma is a no-op inside a transaction, so it goes around it, and every
  // key is checked before the commit instead.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  if (foreignKeys) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
      const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
      if (broken.length > 0) {
        const first = broken[0]!;
        throw new Error(
          `Schema migration left ${broken.length} row(s) whose parent is missing (first: ${first.table} -> ${first.parent}); nothing was changed.`,
        );
      }
    })();
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  db.pragma('optimize');
  return { from, to: latest, applied: pending.map((m) => `${m.version}-${m.name}`) };
}

function assertVersionsGoUp(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`Migration ${m.version}-${m.name} must have a version greater than ${previous}.`);
    }
    previous = m.version;
  }
}
