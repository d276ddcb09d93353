import type { Database, Statement } from 'better-sqlite3';
import type { BodyCipher } from './encryption';
import { FTS_REBUILD_PENDING } from './migrations/0003-message-keys';

/** Where a message body sits inside its decrypted block. */
export interface BodyRef {
  blockId: number;
  bodyOffset: number;
  bodyLength: number;
}

export function sliceBody(block: Buffer | null, ref: BodyRef): string | null {
  if (!block || ref.bodyOffset + ref.bodyLength > block.length) return null;
  return block.toString('utf8', ref.bodyOffset, ref.bodyOffset + ref.bodyLength);
}

const PAGE_ROWS = 5_000;
type MessageRef = { id: number } & BodyRef;

/** Decrypted blocks, kept while consecutive messages read from the same few blocks. */
class BlockReader {
  private readonly cache = new Map<number, Buffer | null>();
  private readonly blockStmt: Statement;

  constructor(
    db: Database,
    private readonly cipher: BodyCipher,
  ) {
    this.blockStmt = db.prepare('SELECT data FROM message_blocks WHERE id = ?');
  }

  body(ref: BodyRef): string | null {
    let block = this.cache.get(ref.blockId);
    if (block === undefined) {
      if (this.cache.size >= 64) this.cache.clear();
      const row = this.blockStmt.get(ref.blockId) as { data: Buffer } | undefined;
      block = row ? this.cipher.decryptBytes(row.data) : null;
      this.cache.set(ref.blockId, block);
    }
    return sliceBody(block, ref);
  }
}

/**
 * The full-text index of message bodies (`message_fts`, see migrations 0001
 * and 0003): contentless, so it holds words but no text. Rows go in at the end
 * of each write transaction, in ascending FTS rowid (= -message id) so FTS5
 * keeps one in-memory batch; rows leave only with their exact text, which is
 * read back from the encrypted blocks.
 */
export class MessageIndex {
  private pending: { messageRowId: number; text: string }[] = [];
  private readonly insertStmt: Statement;
  private readonly deleteStmt: Statement;

  constructor(
    private readonly db: Database,
    private readonly cipher: BodyCipher,
  ) {
    this.insertStmt = db.prepare('INSERT INTO message_fts (rowid, body) VALUES (?, ?)');
    this.deleteStmt = db.prepare("INSERT INTO message_fts (message_fts, rowid, body) VALUES ('delete', ?, ?)");
  }

  /** Queues a stored message for indexing; `text` must be exactly the stored (redacted) body. */
  add(messageRowId: number, text: string): void {
    this.pending.push({ messageRowId, text });
  }

  /** Call last inside the write transaction. */
  flush(): void {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const { messageRowId, text } = this.pending[i]!;
      this.insertStmt.run(-messageRowId, text);
    }
    this.pending = [];
  }

  /** The transaction rolled back: its queued rows were never stored. */
  discardPending(): void {
    this.pending = [];
  }

  /**
   * Removes the index rows of every message of these interactions; call in the
   * same transaction, before deleting them. A body that cannot be decrypted
   * leaves its words behind; search joins on stored messages, so they match
   * nothing. Returns how many could not be removed.
   */
  removeInteractions(interactionKeys: readonly number[]): number {
    if (interactionKeys.length === 0) return 0;
    const blocks = new BlockReader(this.db, this.cipher);
    // better-sqlite3 cannot write while a read is open on the connection: read a page, then write it.
    const page = this.db.prepare(
      `SELECT id, block_id AS blockId, body_offset AS bodyOffset, body_length AS bodyLength FROM messages
       WHERE interaction_key IN (SELECT value FROM json_each(@keys)) AND id > @after ORDER BY id LIMIT ${PAGE_ROWS}`,
    );
    const keys = JSON.stringify(interactionKeys);
    let unreadable = 0;
    for (let after = 0; ; ) {
      const rows = page.all({ keys, after }) as MessageRef[];
      if (rows.length === 0) return unreadable;
      for (const row of rows) {
        const text = blocks.body(row);
        if (text === null) unreadable++;
        else this.deleteStmt.run(-row.id, text);
      }
      after = rows.at(-1)!.id;
    }
  }

  /**
   * After migration 0003 the index is empty: fills it from the encrypted bodies
   * in one transaction, so a crash leaves the flag set and it runs again.
   * Returns the number of messages indexed (0 when nothing was pending).
   */
  rebuildIfPending(): number {
    const pending = this.db.prepare('SELECT value FROM cache_meta WHERE key = ?').get(FTS_REBUILD_PENDING);
    if (!pending) return 0;
    return this.db.transaction(() => {
      const blocks = new BlockReader(this.db, this.cipher);
      const page = this.db.prepare(
        `SELECT id, block_id AS blockId, body_offset AS bodyOffset, body_length AS bodyLength FROM messages
         WHERE id < ? ORDER BY id DESC LIMIT ${PAGE_ROWS}`,
      );
      let indexed = 0;
      for (let before = Number.MAX_SAFE_INTEGER; ; ) {
        const rows = page.all(before) as MessageRef[];
        if (rows.length === 0) break;
        for (const row of rows) {
          const text = blocks.body(row);
          if (text === null) continue;
          this.insertStmt.run(-row.id, text);
          indexed++;
        }
        before = rows.at(-1)!.id;
      }
      this.db.prepare('DELETE FROM cache_meta WHERE key = ?').run(FTS_REBUILD_PENDING);
      return indexed;
    })();
  }
}
