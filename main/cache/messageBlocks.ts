import type { Channel, SenderKind, TranscriptMessageRecord } from './types';

// Transcript messages are stored in encrypted blocks (table message_blocks,
// migration 0003): up to MAX_MESSAGES_PER_BLOCK consecutive messages of one
// interaction, each with its sender, time, channel and redacted body (binary,
// see encodeBlock), then AES-256-GCM. One cipher setup per block instead of per message (~10 us
// each in Node), one row instead of one per message, and sender names
// (customer names) are encrypted along with the text.
// Live chat gives one-message blocks; bursts and backfills give full ones.
// A reader decrypts a whole block (at most ~16 KB) to show one message.

/** Bigger blocks make ingest cheaper but make a search hit read and decrypt more. */
/** At most FTS_ROWS_PER_BLOCK. */
export const MAX_MESSAGES_PER_BLOCK = 32;

export const MAX_BLOCK_BYTES = 16 * 1024;

/** A message as stored in its block: the record without its interaction (the block's), body redacted. */
export type StoredMessage = Omit<TranscriptMessageRecord, 'interactionId'>;

// Stored codes: append only, never reorder (they are in every block on disk).
const SENDER_KIND_CODES: readonly SenderKind[] = ['customer', 'agent', 'supervisor', 'system'];
const CHANNEL_CODES: readonly Channel[] = ['voice', 'webMessaging', 'thirdPartyMessaging', 'sms', 'chat'];
const FORMAT = 1;
const HEADER_BYTES = 1 + 2; // format, count
const FIXED_ENTRY_BYTES = 1 + 1 + 8 + 4 * 3; // kind, channel, at, three lengths

/**
 * A reusable buffer for encodeBlock: a block is encrypted (copied) right after it
 * is encoded, and allocating ~10 KB per block cost ~12 us (0.4 us per message).
 * The result of encodeBlock(…, scratch) is valid only until the next call.
 */
export class BlockScratch {
  private buf = Buffer.allocUnsafe(64 * 1024);

  take(bytes: number): Buffer {
    if (bytes > this.buf.length) this.buf = Buffer.allocUnsafe(Math.max(bytes, this.buf.length * 2));
    return this.buf;
  }
}

/**
 * Binary, so a search hit can read one message without parsing the block:
 * [format u8][count u16][offset u32 x count] then per message
 * [kind u8][channel u8][at f64][id len u32][name len u32][body len u32][id][name][body], UTF-8.
 * (JSON of the same was ~25% slower to write and had to be parsed whole to read one message.)
 */
export function encodeBlock(messages: readonly StoredMessage[], scratch?: BlockScratch): Buffer {
  let capacity = HEADER_BYTES + 4 * messages.length;
  for (const m of messages) capacity += FIXED_ENTRY_BYTES + 3 * (m.messageId.length + m.senderName.length + m.body.length);
  const buf = scratch ? scratch.take(capacity) : Buffer.allocUnsafe(capacity);
  buf[0] = FORMAT;
  buf.writeUInt16LE(messages.length, 1);
  let offset = HEADER_BYTES + 4 * messages.length;
  messages.forEach((m, i) => {
    buf.writeUInt32LE(offset, HEADER_BYTES + 4 * i);
    buf[offset] = SENDER_KIND_CODES.indexOf(m.senderKind);
    buf[offset + 1] = CHANNEL_CODES.indexOf(m.channel);
    buf.writeDoubleLE(m.at, offset + 2);
    let at = offset + FIXED_ENTRY_BYTES;
    let n = buf.write(m.messageId, at, 'utf8');
    buf.writeUInt32LE(n, offset + 10);
    at += n;
    n = buf.write(m.senderName, at, 'utf8');
    buf.writeUInt32LE(n, offset + 14);
    at += n;
    n = buf.write(m.body, at, 'utf8');
    buf.writeUInt32LE(n, offset + 18);
    offset = at + n;
  });
  return buf.subarray(0, offset);
}

export function blockMessageCount(bytes: Buffer): number {
  return bytes.length >= HEADER_BYTES && bytes[0] === FORMAT ? bytes.readUInt16LE(1) : 0;
}

/** One message of a decrypted block; null if the slot or the bytes are not valid. */
export function decodeBlockMessage(bytes: Buffer, slot: number): StoredMessage | null {
  const count = blockMessageCount(bytes);
  if (!Number.isInteger(slot) || slot < 0 || slot >= count || bytes.length < HEADER_BYTES + 4 * count) return null;
  const offset = bytes.readUInt32LE(HEADER_BYTES + 4 * slot);
  if (offset + FIXED_ENTRY_BYTES > bytes.length) return null;
  const senderKind = SENDER_KIND_CODES[bytes[offset]!];
  const channel = CHANNEL_CODES[bytes[offset + 1]!];
  const idLength = bytes.readUInt32LE(offset + 10);
  const nameLength = bytes.readUInt32LE(offset + 14);
  const bodyLength = bytes.readUInt32LE(offset + 18);
  const idStart = offset + FIXED_ENTRY_BYTES;
  const bodyStart = idStart + idLength + nameLength;
  if (!senderKind || !channel || bodyStart + bodyLength > bytes.length) return null;
  return {
    messageId: bytes.toString('utf8', idStart, idStart + idLength),
    senderKind,
    senderName: bytes.toString('utf8', idStart + idLength, bodyStart),
    at: bytes.readDoubleLE(offset + 2),
    channel,
    body: bytes.toString('utf8', bodyStart, bodyStart + bodyLength),
  };
}

/** All messages of a decrypted block, or null if the bytes are not a block (only possible with a bug: blocks are authenticated). */
export function decodeBlock(bytes: Buffer): StoredMessage[] | null {
  const out: StoredMessage[] = [];
  const count = blockMessageCount(bytes);
  if (count === 0) return null;
  for (let slot = 0; slot < count; slot++) {
    const m = decodeBlockMessage(bytes, slot);
    if (!m) return null;
    out.push(m);
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
