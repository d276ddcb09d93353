import { describe, expect, it } from 'vitest';
import {
  BlockScratch,
  decodeBlock,
  decodeBlockMessage,
  encodeBlock,
  FTS_ROWS_PER_BLOCK,
  fromFtsRowId,
  ftsRowId,
  MAX_BLOCK_BYTES,
  MAX_MESSAGES_PER_BLOCK,
  messageBlocks,
  type StoredMessage,
} from '../../../main/cache/messageBlocks';

const stored = (n: number, body = `body ${n}`): StoredMessage => ({
  messageId: `m-${n}`,
  senderKind: n % 2 ? 'agent' : 'customer',
  senderName: n % 2 ? 'Ann Agent' : 'Zoë "Quotes" \\ Customer',
  at: 1_790_000_000_000 + n,
  channel: 'sms',
  body,
});

describe('message blocks', () => {
  it('round-trips messages with any text, including quotes, newlines and emoji', () => {
    const messages = [stored(1, 'line one\nline "two" \\ end'), stored(2, '😀 ü </script><b>x</b>'), stored(3, '')];
    expect(decodeBlock(encodeBlock(messages))).toEqual(messages);
  });

  it('reads one message of a block without the others, and refuses slots and bytes that are not there', () => {
    const messages = [stored(1), stored(2, 'the second, 😀'), stored(3, 'x'.repeat(70_000))];
    const bytes = encodeBlock(messages);
    expect(decodeBlockMessage(bytes, 1)).toEqual(messages[1]);
    expect(decodeBlockMessage(bytes, 2)?.body).toHaveLength(70_000);
    expect(decodeBlockMessage(bytes, 3)).toBeNull();
    expect(decodeBlockMessage(bytes, -1)).toBeNull();
    expect(decodeBlockMessage(bytes.subarray(0, bytes.length - 1), 2)).toBeNull();
    expect(decodeBlock(bytes.subarray(0, 20))).toBeNull();
  });

  it('encodes into a reused buffer that grows for big blocks', () => {
    const scratch = new BlockScratch();
    const small = [stored(1)];
    const big = [stored(2, 'é'.repeat(40_000)), stored(3, 'z'.repeat(30_000))];
    expect(decodeBlock(Buffer.from(encodeBlock(small, scratch)))).toEqual(small);
    expect(decodeBlock(Buffer.from(encodeBlock(big, scratch)))).toEqual(big);
    expect(decodeBlock(Buffer.from(encodeBlock(small, scratch)))).toEqual(small);
  });

  it('rejects bytes that are not a block instead of returning half a transcript', () => {
    expect(decodeBlock(Buffer.from('not json'))).toBeNull();
    expect(decodeBlock(Buffer.from('{"a":1}'))).toBeNull();
    expect(decodeBlock(Buffer.from('[["m-1","agent","A",1,"sms"]]'))).toBeNull();
    expect(decodeBlock(Buffer.from('[["m-1","agent","A","yesterday","sms","x"]]'))).toBeNull();
  });

  it('gives every message of a block its own full-text row, newest lowest', () => {
    expect(MAX_MESSAGES_PER_BLOCK).toBeLessThanOrEqual(FTS_ROWS_PER_BLOCK);
    const rows = [ftsRowId(7, 0), ftsRowId(7, 31), ftsRowId(8, 0)];
    expect(rows[2]).toBeLessThan(rows[1]!);
    expect(rows[1]).toBeLessThan(rows[0]!);
    expect(fromFtsRowId(ftsRowId(123_456_789, 17))).toEqual({ blockId: 123_456_789, slot: 17 });
  });

  it('groups consecutive messages of one interaction, bounded in count and size', () => {
    const rec = (interactionId: string, body = 'x') => ({ interactionId, body });
    const sizes = (records: { interactionId: string; body: string }[]) => [...messageBlocks(records)].map((b) => b.length);
    expect(sizes([rec('a'), rec('a'), rec('b'), rec('a')])).toEqual([2, 1, 1]);
    expect(sizes(Array.from({ length: MAX_MESSAGES_PER_BLOCK + 3 }, () => rec('a')))).toEqual([MAX_MESSAGES_PER_BLOCK, 3]);
    const half = 'y'.repeat(MAX_BLOCK_BYTES / 2);
    expect(sizes([rec('a', half), rec('a', half), rec('a', half)])).toEqual([2, 1]);
    expect(sizes([])).toEqual([]);
  });
});
