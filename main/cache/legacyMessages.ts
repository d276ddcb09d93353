import type { Database } from './sqlite';
import type { BodyCipher } from './encryption';
import { LEGACY_MESSAGE_BLOCKS, LEGACY_MESSAGES } from './migrations/0003-message-blocks';
import type { CacheWriter } from './repositories/cacheWriter';
import type { TranscriptMessageRecord } from './types';

const PAGE_ROWS = 5_000;

/** A schema-2 `messages` row: the record's fields without the body, which sits in a block. */
type LegacyRow = Omit<TranscriptMessageRecord, 'body'> & { id: number; blockId: number; bodyOffset: number; bodyLength: number };

export function hasLegacyMessages(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(LEGACY_MESSAGES) !== undefined;
}

/**
 * Re-stores messages cached before migration 0003 (one row each, bodies in
 * concatenated blocks) in the current block format, indexes them, and drops
 * the old tables. Needs the key, so it runs when the cache opens, not in the
 * migration. One transaction: a crash leaves the old tables and it runs again.
 * A message whose old block cannot be decrypted was unreadable already and is
 * not carried over. Returns the number of messages converted.
 */
export function upgradeLegacyMessages(db: Database, cipher: BodyCipher, writer: CacheWriter): number {
  if (!hasLegacyMessages(db)) return 0;
  const page = db.prepare(`
    SELECT m.id, m.interaction_id AS interactionId, m.message_id AS messageId, m.sender_kind AS senderKind,
      m.sender_name AS senderName, m.at, m.channel, m.block_id AS blockId, m.body_offset AS bodyOffset, m.body_length AS bodyLength
    FROM ${LEGACY_MESSAGES} m WHERE m.id > ? ORDER BY m.id LIMIT ${PAGE_ROWS}`);
  const blockStmt = db.prepare(`SELECT data FROM ${LEGACY_MESSAGE_BLOCKS} WHERE id = ?`).pluck();
  const blocks = new Map<number, Buffer | null>();
  const body = (r: LegacyRow): string | null => {
    let block = blocks.get(r.blockId);
    if (block === undefined) {
      if (blocks.size >= 64) blocks.clear();
      const data = blockStmt.get(r.blockId) as Buffer | undefined;
      block = data ? cipher.decryptBytes(data) : null;
      blocks.set(r.blockId, block);
    }
    if (!block || r.bodyOffset + r.bodyLength > block.length) return null;
    return block.toString('utf8', r.bodyOffset, r.bodyOffset + r.bodyLength);
  };
  try {
    return db.transaction(() => {
      let converted = 0;
      for (let after = 0; ; ) {
        const rows = page.all(after) as LegacyRow[];
        if (rows.length === 0) break;
        const records: TranscriptMessageRecord[] = [];
        for (const r of rows) {
          const text = body(r);
          if (text === null) continue;
          const { interactionId, messageId, senderKind, senderName, at, channel } = r;
          records.push({ interactionId, messageId, senderKind, senderName, at, channel, body: text });
        }
        // Stable sort: each interaction's messages together and in order, so they fill whole blocks.
        records.sort((a, b) => (a.interactionId < b.interactionId ? -1 : a.interactionId > b.interactionId ? 1 : 0));
        writer.apply({ kind: 'messages', records });
        writer.finishTransaction();
        converted += records.length;
        after = rows.at(-1)!.id;
      }
      db.exec(`DROP TABLE ${LEGACY_MESSAGES}; DROP TABLE ${LEGACY_MESSAGE_BLOCKS};`);
      return converted;
    })();
  } catch (err) {
    writer.rolledBack();
    throw err;
  }
}
