import type { Database, Statement } from './sqlite';
import type { BodyCipher } from './encryption';
import { decodeBlock, decodeBlockMessage, ftsRowId, type StoredMessage } from './messageBlocks';

const PAGE_ROWS = 1_000;

/** Reads and decrypts message blocks, keeping the last few for neighbouring reads. */
export class BlockReader {
  private readonly cache = new Map<number, Buffer | null>();
  private readonly blockStmt: Statement;

  constructor(
    db: Database,
    private readonly cipher: BodyCipher,
    private readonly capacity = 64,
  ) {
    this.blockStmt = db.prepare('SELECT data FROM message_blocks WHERE id = ?').pluck();
  }

  /** One message of a block; null if the block is missing or cannot be decrypted (key changed, damage). */
  message(blockId: number, slot: number): StoredMessage | null {
    const plain = this.plaintext(blockId);
    return plain ? decodeBlockMessage(plain, slot) : null;
  }

  /** All messages of stored block data; null if it cannot be decrypted. */
  decode(data: Buffer): StoredMessage[] | null {
    const plain = this.cipher.decryptBytes(data);
    return plain ? decodeBlock(plain) : null;
  }

  private plaintext(blockId: number): Buffer | null {
    let plain = this.cache.get(blockId);
    if (plain === undefined) {
      if (this.cache.size >= this.capacity) this.cache.clear();
      const data = this.blockStmt.get(blockId) as Buffer | undefined;
      plain = data ? this.cipher.decryptBytes(data) : null;
      this.cache.set(blockId, plain);
    }
    return plain;
  }
}

/**
 * The full-text index of message bodies (`message_fts`, see migration 0003):
 * contentless, so it holds words but no text. Rows go in at the end of each
 * write transaction in ascending rowid, so FTS5 keeps them in one in-memory
 * batch; rows leave only with their exact text, read back from the blocks.
 */
export class MessageIndex {
  private pending: { rowid: number; text: string }[] = [];
  private readonly insertStmt: Statement;
  private readonly deleteStmt: Statement;

  constructor(
    private readonly db: Database,
    private readonly cipher: BodyCipher,
  ) {
    this.insertStmt = db.prepare('INSERT INTO message_fts (rowid, body) VALUES (?, ?)');
    this.deleteStmt = db.prepare("INSERT INTO message_fts (message_fts, rowid, body) VALUES ('delete', ?, ?)");
  }

  /** Queues a stored block's messages (redacted bodies, as stored). */
  add(blockId: number, messages: readonly Pick<StoredMessage, 'body'>[]): void {
    messages.forEach((m, slot) => this.pending.push({ rowid: ftsRowId(blockId, slot), text: m.body }));
  }

  /** Call last inside the write transaction. Rows were queued newest (lowest rowid) last. */
  flush(): void {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const { rowid, text } = this.pending[i]!;
      this.insertStmt.run(rowid, text);
    }
    this.pending = [];
  }

  /** The transaction rolled back: its queued rows were never stored. */
  discardPending(): void {
    this.pending = [];
  }

  /**
   * Removes the index rows of every message of these interactions; call in the
   * same transaction, before deleting them. A block that cannot be decrypted
   * leaves its words behind; search joins on stored blocks, so they match
   * nothing. Returns how many blocks could not be read.
   */
  removeInteractions(interactionKeys: readonly number[]): number {
    if (interactionKeys.length === 0) return 0;
    const reader = new BlockReader(this.db, this.cipher);
    // better-sqlite3 cannot write while a read is open on the connection: read a page, then write it.
    // Newest block first and last slot first, so the FTS rowids go up: FTS5 flushes its pending
    // batch whenever a rowid is not above the previous one (in block order a purge was ~70 us
    // per message and left a tiny segment per message).
    const page = this.db.prepare(
      `SELECT id, data FROM message_blocks
       WHERE interaction_key IN (SELECT value FROM json_each(@keys)) AND id < @before ORDER BY id DESC LIMIT ${PAGE_ROWS}`,
    );
    const keys = JSON.stringify(interactionKeys);
    let unreadable = 0;
    for (let before = Number.MAX_SAFE_INTEGER; ; ) {
      const rows = page.all({ keys, before }) as { id: number; data: Buffer }[];
      if (rows.length === 0) return unreadable;
      for (const row of rows) {
        const messages = reader.decode(row.data);
        if (messages === null) unreadable++;
        else for (let slot = messages.length - 1; slot >= 0; slot--) this.deleteStmt.run(ftsRowId(row.id, slot), messages[slot]!.body);
      }
      before = rows.at(-1)!.id;
    }
  }
}
