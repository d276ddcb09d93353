import { randomBytes } from 'node:crypto';
import type { Database, Statement } from './sqlite';
import type { BlockReader } from './messageIndex';
import { MAX_MESSAGES_PER_BLOCK } from './messageBlocks';

/**
 * Hash slots kept in all (4 bytes each: 16 MB). Tables grow at 3/4 full, so
 * this holds 1.5 to 3 million message ids, each interaction charged
 * ENTRY_OVERHEAD_SLOTS more for its object. The old Set<string> held 200,000
 * ids in about the same memory.
 */
const MAX_SLOTS = 4 * 1024 * 1024;
const ENTRY_OVERHEAD_SLOTS = 32;
const MIN_TABLE_SLOTS = 8;
/** Exact ids (strings) kept to verify hash hits; the interaction in use is kept even if larger. */
const MAX_EXACT_IDS = 200_000;

export interface StoredMessageIdsOptions {
  /** Hash slots in all (tests pass a small bound to force eviction). */
  maxSlots?: number;
  /** Exact ids kept for verifying hash hits. */
  maxExactIds?: number;
  /** 32-bit hash of a message id; tests inject one that collides. Default: seeded per instance. */
  hash?: (messageId: string) => number;
}

/**
 * Which message ids each interaction already has stored, so a redelivered
 * message (a connector resync, a reconnect, a restart) is not stored twice.
 * The ids live inside the encrypted blocks. Per interaction we keep a table
 * of 32-bit hashes of its ids (loaded once by decrypting its blocks, or for a
 * new interaction one indexed query that finds nothing):
 * - a hash miss proves the id is new: O(1), the path of nearly every message;
 * - a hash hit (a redelivery, or a collision: about ids/2^32 per message, and
 *   the hash is seeded per process so a site cannot aim for one) is verified
 *   against the interaction's exact ids, decoded from its blocks once and kept
 *   (LRU, MAX_EXACT_IDS) so a resync of a whole transcript decodes it once.
 *
 * Why not a Set<string> per interaction under a small bound (before): with
 * ~128 busy chats of thousands of messages, round-robin access evicted
 * exactly the interaction needed next, so every batch decrypted a whole
 * transcript again (32% of the cache worker at 20k msg/s, quadratic). Hash
 * tables are ~10x smaller, so every interaction in use fits; only the total
 * is capped (MAX_SLOTS). Past the cap a random other interaction is dropped
 * (not the least recently used, which is the next one needed under cyclic
 * access) and reloaded when next seen. Bounded memory with exact dedupe and no
 * per-message index on disk cannot avoid reloads once the live ids exceed the
 * cap; the cap is set far above what live chats reach.
 * Only valid while nothing else writes blocks: the cache worker owns the only
 * connection. Call clear() when a transaction rolls back or rows are deleted.
 */
export class StoredMessageIds {
  private readonly byInteraction = new Map<number, Entry>();
  private readonly entries: Entry[] = [];
  private slots = 0;
  private readonly exact = new Map<number, Set<string>>();
  private exactTotal = 0;
  /**
   * The last ids added: the writer stores a block only after adding its
   * (at most MAX_MESSAGES_PER_BLOCK) ids, so any id not yet in the database is here.
   */
  private readonly recent: { key: number; id: string }[] = [];
  private readonly blocksStmt: Statement;
  private readonly maxSlots: number;
  private readonly maxExactIds: number;
  private readonly hash: (messageId: string) => number;

  constructor(
    db: Database,
    private readonly blocks: BlockReader,
    options: StoredMessageIdsOptions = {},
  ) {
    this.blocksStmt = db.prepare('SELECT data FROM message_blocks WHERE interaction_key = ?').pluck();
    this.maxSlots = options.maxSlots ?? MAX_SLOTS;
    this.maxExactIds = options.maxExactIds ?? MAX_EXACT_IDS;
    this.hash = options.hash ?? seededHash(randomBytes(4).readUInt32LE(0));
  }

  /** True if the id was not stored before; it counts as stored from now on. */
  add(interactionKey: number, messageId: string): boolean {
    const entry = this.entryOf(interactionKey);
    const h = this.hash(messageId);
    if (entry.hashes.has(h)) {
      const ids = this.exactIdsOf(interactionKey);
      if (ids.has(messageId)) return false;
    } else {
      const before = entry.hashes.capacity;
      entry.hashes.add(h);
      this.slots += entry.hashes.capacity - before;
    }
    const ids = this.exact.get(interactionKey);
    if (ids) {
      ids.add(messageId);
      this.exactTotal++;
    }
    this.remember(interactionKey, messageId);
    this.evict(entry);
    return true;
  }

  clear(): void {
    this.byInteraction.clear();
    this.entries.length = 0;
    this.slots = 0;
    this.exact.clear();
    this.exactTotal = 0;
    this.recent.length = 0;
  }

  private entryOf(key: number): Entry {
    let entry = this.byInteraction.get(key);
    if (entry) return entry;
    const hashes = new HashTable();
    for (const id of this.storedIds(key)) hashes.add(this.hash(id));
    entry = { key, hashes, index: this.entries.length };
    this.byInteraction.set(key, entry);
    this.entries.push(entry);
    this.slots += hashes.capacity + ENTRY_OVERHEAD_SLOTS;
    this.evict(entry);
    return entry;
  }

  private exactIdsOf(key: number): Set<string> {
    let ids = this.exact.get(key);
    if (ids) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.exact.delete(key);
      this.exact.set(key, ids);
      return ids;
    }
    ids = new Set(this.storedIds(key));
    this.exactTotal += ids.size;
    this.exact.set(key, ids);
    for (const [k, other] of this.exact) {
      if (this.exactTotal <= this.maxExactIds || k === key) break;
      this.exact.delete(k);
      this.exactTotal -= other.size;
    }
    return ids;
  }

  /** Every id stored for the interaction: its blocks, and ids added whose block is not written yet. */
  private *storedIds(key: number): Generator<string> {
    for (const data of this.blocksStmt.all(key) as Buffer[]) {
      // A block that cannot be decrypted: its ids are unknown, so a redelivery of those messages is stored again (readable this time).
      for (const m of this.blocks.decode(data) ?? []) yield m.messageId;
    }
    for (const r of this.recent) if (r.key === key) yield r.id;
  }

  private remember(key: number, id: string): void {
    if (this.recent.length >= MAX_MESSAGES_PER_BLOCK) this.recent.shift();
    this.recent.push({ key, id });
  }

  private evict(inUse: Entry): void {
    while (this.slots > this.maxSlots && this.entries.length > 1) {
      let victim = this.entries[Math.floor(Math.random() * this.entries.length)]!;
      if (victim === inUse) victim = this.entries[(victim.index + 1) % this.entries.length]!;
      const last = this.entries.pop()!;
      if (last !== victim) {
        this.entries[victim.index] = last;
        last.index = victim.index;
      }
      this.byInteraction.delete(victim.key);
      this.slots -= victim.hashes.capacity + ENTRY_OVERHEAD_SLOTS;
    }
  }
}

interface Entry {
  readonly key: number;
  readonly hashes: HashTable;
  /** Position in entries, for O(1) random eviction. */
  index: number;
}

/** A set of 32-bit hashes: open addressing in a Uint32Array, 0 marks an empty slot. */
class HashTable {
  private table = new Uint32Array(MIN_TABLE_SLOTS);
  private size = 0;

  get capacity(): number {
    return this.table.length;
  }

  has(hash: number): boolean {
    const h = nonZero(hash);
    const mask = this.table.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const v = this.table[i]!;
      if (v === h) return true;
      if (v === 0) return false;
    }
  }

  add(hash: number): void {
    const h = nonZero(hash);
    if ((this.size + 1) * 4 > this.table.length * 3) this.grow();
    if (this.insert(this.table, h)) this.size++;
  }

  private grow(): void {
    const next = new Uint32Array(this.table.length * 2);
    for (const v of this.table) if (v !== 0) this.insert(next, v);
    this.table = next;
  }

  private insert(table: Uint32Array, h: number): boolean {
    const mask = table.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const v = table[i]!;
      if (v === h) return false;
      if (v === 0) {
        table[i] = h;
        return true;
      }
    }
  }
}

function nonZero(hash: number): number {
  return hash >>> 0 || 1;
}

/** FNV-1a over UTF-16 units from a random seed, then murmur3's finaliser so the low bits (the slot) are mixed. */
function seededHash(seed: number): (s: string) => number {
  return (s) => {
    let h = (0x811c9dc5 ^ seed) >>> 0;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
}
