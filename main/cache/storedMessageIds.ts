import type { Database, Statement } from './sqlite';
import type { BlockReader } from './messageIndex';

/** Interactions whose ids are kept in memory; the least recently used go first. */
const MAX_INTERACTIONS = 2_000;
/** And at most this many ids in all, so a few huge transcripts cannot hog memory. */
const MAX_IDS = 200_000;

/**
 * Which message ids each interaction already has stored, so a redelivered
 * message (a connector resync, a reconnect, a restart) is not stored twice.
 * The ids live inside the encrypted blocks; an interaction's set is loaded
 * by decrypting its blocks the first time it is seen (for a new interaction:
 * one indexed query that finds nothing) and kept for the interactions in use.
 * A per-message UNIQUE index did the same at ~3 us per message, the largest
 * single cost of ingest after FTS (issue 6); this costs a Set lookup.
 * Only valid while nothing else writes blocks: the cache worker owns the only
 * connection. Call clear() when a transaction rolls back or rows are deleted.
 */
export class StoredMessageIds {
  private readonly byInteraction = new Map<number, Set<string>>();
  private total = 0;
  private readonly blocksStmt: Statement;

  constructor(
    db: Database,
    private readonly blocks: BlockReader,
  ) {
    this.blocksStmt = db.prepare('SELECT data FROM message_blocks WHERE interaction_key = ?').pluck();
  }

  /** True if the id was not stored before; it counts as stored from now on. */
  add(interactionKey: number, messageId: string): boolean {
    const ids = this.idsOf(interactionKey);
    if (ids.has(messageId)) return false;
    ids.add(messageId);
    this.total++;
    return true;
  }

  clear(): void {
    this.byInteraction.clear();
    this.total = 0;
  }

  private idsOf(key: number): Set<string> {
    let ids = this.byInteraction.get(key);
    if (ids) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.byInteraction.delete(key);
      this.byInteraction.set(key, ids);
      return ids;
    }
    ids = new Set<string>();
    for (const data of this.blocksStmt.all(key) as Buffer[]) {
      // A block that cannot be decrypted: its ids are unknown, so a redelivery of those messages is stored again (readable this time).
      for (const m of this.blocks.decode(data) ?? []) ids.add(m.messageId);
    }
    this.total += ids.size;
    this.byInteraction.set(key, ids);
    this.evict();
    return ids;
  }

  private evict(): void {
    for (const [key, ids] of this.byInteraction) {
      if (this.byInteraction.size <= MAX_INTERACTIONS && this.total <= MAX_IDS) return;
      if (this.byInteraction.size === 1) return; // the one in use
      this.byInteraction.delete(key);
      this.total -= ids.size;
    }
  }
}
