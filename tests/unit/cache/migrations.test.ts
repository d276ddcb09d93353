import Database from '../../../main/cache/sqlite';
import { describe, expect, it } from 'vitest';
import { DatabaseFromFutureError } from '../../../main/cache/errors';
import { latestSchemaVersion, MIGRATIONS, runMigrations, schemaVersion, type Migration } from '../../../main/cache/migrations';

describe('migration runner', () => {
  it('brings a new database to the latest version and records it in user_version', () => {
    const db = new Database(':memory:');
    const outcome = runMigrations(db);
    expect(outcome.from).toBe(0);
    expect(schemaVersion(db)).toBe(latestSchemaVersion());
    expect(outcome.applied).toEqual(MIGRATIONS.map((m) => `${m.version}-${m.name}`));
  });

  it('does nothing the second time', () => {
    const db = new Database(':memory:');
    runMigrations(db);
    expect(runMigrations(db).applied).toEqual([]);
  });

  it('refuses a database written by a newer Spyglass and says what to do', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');
    let error: unknown;
    try {
      runMigrations(db, MIGRATIONS, '/home/sue/.cache/spyglass/session-cache.sqlite');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseFromFutureError);
    const e = error as DatabaseFromFutureError;
    expect(e.code).toBe('DATABASE_FROM_FUTURE');
    expect(e.message).toContain('schema version 99');
    expect(e.message).toContain(`supports up to ${latestSchemaVersion()}`);
    expect(e.message).toContain('/home/sue/.cache/spyglass/session-cache.sqlite');
    expect(e.message).toMatch(/Update Spyglass/);
    expect(schemaVersion(db)).toBe(99);
  });

  it('applies nothing when one pending migration fails', () => {
    const db = new Database(':memory:');
    const migrations: Migration[] = [
      { version: 1, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 2, name: 'broken', up: (d) => d.exec('CREATE TABLE b (x NOPE_TYPE) STRICT') },
    ];
    expect(() => runMigrations(db, migrations)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'a'").get()).toBeUndefined();
  });

  it('rebuilds a parent table without cascading deletes into its children', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const parentAndChild: Migration = {
      version: 1,
      name: 'parent-child',
      up: (d) =>
        d.exec(`CREATE TABLE p (id TEXT PRIMARY KEY) STRICT;
          CREATE TABLE c (p_id TEXT NOT NULL REFERENCES p (id) ON DELETE CASCADE) STRICT;
          INSERT INTO p VALUES ('x'); INSERT INTO c VALUES ('x');`),
    };
    const rebuildParent: Migration = {
      version: 2,
      name: 'rebuild-parent',
      up: (d) =>
        d.exec(`CREATE TABLE p_new (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE) STRICT;
          INSERT INTO p_new (id) SELECT id FROM p; DROP TABLE p; ALTER TABLE p_new RENAME TO p;`),
    };
    runMigrations(db, [parentAndChild, rebuildParent]);
    expect(db.prepare('SELECT count(*) AS n FROM c').get()).toEqual({ n: 1 });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a migration that leaves rows pointing at nothing, and changes nothing', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const migrations: Migration[] = [
      {
        version: 1,
        name: 'orphan',
        up: (d) =>
          d.exec(`CREATE TABLE p (id TEXT PRIMARY KEY) STRICT;
            CREATE TABLE c (p_id TEXT NOT NULL REFERENCES p (id)) STRICT; INSERT INTO c VALUES ('ghost');`),
      },
    ];
    expect(() => runMigrations(db, migrations)).toThrow(/parent is missing \(first: c -> p\); nothing was changed/);
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'c'").get()).toBeUndefined();
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('rejects a migration list whose versions do not go up', () => {
    const db = new Database(':memory:');
    const noop = () => {};
    expect(() =>
      runMigrations(db, [
        { version: 2, name: 'b', up: noop },
        { version: 1, name: 'a', up: noop },
      ]),
    ).toThrow(/must have a version greater than 2/);
  });
});
