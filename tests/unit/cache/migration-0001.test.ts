import Database, { type Database as SqliteDatabase } from '../../../main/cache/sqlite';
import { describe, expect, it } from 'vitest';
import { migration0001 } from '../../../main/cache/migrations/0001-initial';

function freshDb() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration0001.up(db);
  return db;
}

const insertInteraction = (db: SqliteDatabase, id = 'i1') =>
  db
    .prepare(
      `INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at) VALUES (?, 'chat', 'connected', 1, 0, 2)`,
    )
    .run(id);

describe('migration 0001 (initial)', () => {
  it('creates STRICT tables that reject values of the wrong type', () => {
    const db = freshDb();
    expect(() =>
      db
        .prepare(
          `INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at) VALUES ('x', 'chat', 's', 'yesterday', 0, 1)`,
        )
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('rejects an unknown channel', () => {
    const db = freshDb();
    expect(() =>
      db
        .prepare(`INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at) VALUES ('x', 'fax', 's', 1, 0, 1)`)
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });

  it('deletes messages, their encrypted blocks, search index entries and notes with the interaction', () => {
    const db = freshDb();
    insertInteraction(db);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO messages (interaction_id, message_id, sender_kind, sender_name, at, channel, block_id, body_offset, body_length)
         VALUES ('i1', 'm1', 'agent', 'Ann', 1, 'chat', 1, 0, 1)`,
      )
      .run();
    // The index uses -message id as rowid (newest first = ascending).
    db.prepare('INSERT INTO message_fts (rowid, body) VALUES (?, ?)').run(-lastInsertRowid, 'refund please');
    db.prepare(`INSERT INTO message_blocks (interaction_id, data) VALUES ('i1', x'00')`).run();
    db.prepare(`INSERT INTO notes (interaction_id, author_id, author_name, at, text) VALUES ('i1', 's', 'Sue', 1, x'00')`).run();
    expect(db.prepare(`SELECT count(*) AS n FROM message_fts WHERE message_fts MATCH 'refund'`).get()).toEqual({ n: 1 });

    db.prepare(`DELETE FROM interactions WHERE id = 'i1'`).run();

    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM message_blocks').get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM message_fts WHERE message_fts MATCH 'refund'`).get()).toEqual({ n: 0 });
  });

  it('keeps no readable copy of indexed text (contentless FTS)', () => {
    const db = freshDb();
    insertInteraction(db);
    db.prepare('INSERT INTO message_fts (rowid, body) VALUES (1, ?)').run('secret words here');
    expect(db.prepare('SELECT body FROM message_fts WHERE rowid = 1').get()).toEqual({ body: null });
  });

  it('refuses a message for an interaction that does not exist', () => {
    const db = freshDb();
    expect(() =>
      db
        .prepare(
          `INSERT INTO messages (interaction_id, message_id, sender_kind, sender_name, at, channel, block_id, body_offset, body_length)
           VALUES ('nope', 'm1', 'agent', 'A', 1, 'chat', 1, 0, 1)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
