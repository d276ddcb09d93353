import type { Channel, SenderKind, TranscriptMessageRecord } from './types';

// Transcript messages are stored in encrypted blocks (table message_blocks,
// migration 0003): up to MAX_MESSAGES_PER_BLOCK consecutive messages of one
// interaction, each with its sender, time, channel and redacted body, as JSON,
// then AES-256-GCM. One cipher setup per block instead of per message (~10 us
// each in Node), one row instead of one per message, and sender names
// (customer names) are encrypted along with the text.
// Live chat gives one-message blocks; bursts and backfills give full ones.
// A reader decrypts a whole block (at most ~16 KB) to show one message.

/** Bigger blocks make ingest cheaper but make a search hit read and decrypt more. */
/** At most FTS_ROWS_PER_BLOCK. */
export const MAX_MESSAGES_PER_BLOCK = 32;

export const MAX_BLOCK_BYTES = 16 * 1024;

export interface StoredMessage {
  messageId: string;
  senderKind: SenderKind;
  senderName: string;
  at: number;
  channel: Channel;
  /** Redacted text. */
  body: string;
}

type Entry = [messageId: string, senderKind: SenderKind, senderName: string, at: number, channel: Channel, body: string];

export function encodeBlock(messages: readonly StoredMessage[]): Buffer {
  const entries: Entry[] = messages.map((m) => [m.messageId, m.senderKind, m.senderName, m.at, m.channel, m.body]);
  return Buffer.from(JSON.stringify(entries), 'utf8');
}

/** Null when the bytes are not a block (only possible with a bug: blocks are authenticated). */
export function decodeBlock(bytes: Buffer): StoredMessage[] | null {
  let entries: unknown;
  try {
    entries = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(entries)) return null;
  const out: StoredMessage[] = [];
  for (const e of entries) {
    if (!Array.isArray(e) || e.length !== 6) return null;
    const [messageId, senderKind, senderName, at, channel, body] = e as unknown[];
    if (typeof messageId !== 'string' || typeof senderName !== 'string' || typeof at !== 'number' || typeof body !== 'string') {
      return null;
    }
    out.push({ messageId, senderKind: senderKind as SenderKind, senderName, at, channel: channel as Channel, body });
  }
  return out;
}

/**
 * Each message is its own full-text row, rowid = -(block id * 32 + slot):
 * negative so that newest first is FTS5's cheap ascending walk (migration
 * 0001); the slot says which message of the block matched. (One row per group
 * of messages made ingest ~10% cheaper per group of 2, but search then has to
 * check which message of a group has all the words, and groups whose words
 * are spread over several messages pushed search p95 over 20 ms.)
 */
export const FTS_ROWS_PER_BLOCK = 32;

export function ftsRowId(blockId: number, slot: number): number {
  return -(blockId * FTS_ROWS_PER_BLOCK + slot);
}

export function fromFtsRowId(rowid: number): { blockId: number; slot: number } {
  const n = -rowid;
  const slot = n % FTS_ROWS_PER_BLOCK;
  return { blockId: (n - slot) / FTS_ROWS_PER_BLOCK, slot };
}

/** Consecutive messages of the same interaction, bounded in count and size. */
export function* messageBlocks<T extends Pick<TranscriptMessageRecord, 'interactionId' | 'body'>>(records: readonly T[]): Generator<T[]> {
  let block: T[] = [];
  let bytes = 0;
  for (const m of records) {
    const first = block[0];
    if (first && (first.interactionId !== m.interactionId || block.length >= MAX_MESSAGES_PER_BLOCK || bytes + m.body.length > MAX_BLOCK_BYTES)) {
      yield block;
      block = [];
      bytes = 0;
    }
    block.push(m);
    bytes += m.body.length;
  }
  if (block.length > 0) yield block;
}
