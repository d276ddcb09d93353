import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheDatabase } from '../../../main/cache/CacheDatabase';
import { CacheError } from '../../../main/cache/errors';
import { PAN_REPLACEMENT } from '../../../main/cache/redaction';
import type { CacheWrite } from '../../../main/cache/types';
import { interaction, memoryCache, message, MIN, T0, tempDir } from './fixtures';

describe('recording and reopening an interaction', () => {
  it('gives back everything the supervisor saw, as it was', () => {
    const cache = memoryCache();
    cache.applyWrites(
      [
        { kind: 'interaction', record: interaction({ monitoredByMe: true }) },
        {
          kind: 'participants',
          records: [
            { interactionId: 'int-1', participantId: 'p-cust', name: 'Carl Customer', kind: 'external', role: 'customer' },
            { interactionId: 'int-1', participantId: 'p-agent', name: 'Ann Agent', kind: 'internal', role: 'agent' },
          ],
        },
        { kind: 'messages', records: [message(2, { body: 'Hi, I need a refund' }), message(1, { body: 'Sure, order number?' })] },
        {
          kind: 'timeline',
          records: [{ interactionId: 'int-1', eventId: 'e1', at: T0, kind: 'queued', text: 'Entered queue Sales' }],
        },
        {
          kind: 'supervisionPeriod',
          record: {
            periodId: 'sp1',
            interactionId: 'int-1',
            supervisorId: 'sup-sue',
            supervisorName: 'Sue',
            mode: 'coach',
            participantId: 'p-agent',
            participantName: 'Ann Agent',
            startedAt: T0 + 1000,
          },
        },
        {
          kind: 'audit',
          record: {
            auditId: 'a1',
            interactionId: 'int-1',
            actorId: 'sup-sue',
            actorName: 'Sue',
            action: 'whisper',
            target: 'Ann Agent',
            at: T0 + 2000,
            result: 'ok',
          },
        },
        {
          kind: 'assistanceRequest',
          record: { requestId: 'r1', interactionId: 'int-1', agentId: 'agent-ann', agentName: 'Ann Agent', at: T0, state: 'open' },
        },
      ],
      T0 + 5000,
    );
    cache.addNote({ interactionId: 'int-1', authorId: 'sup-sue', authorName: 'Sue', at: T0 + 9000, text: 'Good recovery' });

    const detail = cache.openInteraction('int-1');
    expect(detail?.interaction).toMatchObject({ id: 'int-1', monitoredByMe: true, messageCount: 2, queueName: 'Sales' });
    expect(detail?.interaction.agents).toEqual([{ id: 'agent-ann', name: 'Ann Agent' }]);
    expect(detail?.participants.map((p) => p.name)).toEqual(['Ann Agent', 'Carl Customer']);
    // Ordered by time, not by arrival.
    expect(detail?.transcript.map((m) => m.body)).toEqual(['Sure, order number?', 'Hi, I need a refund']);
    expect(detail?.timeline).toEqual([{ eventId: 'e1', at: T0, kind: 'queued', text: 'Entered queue Sales', supervisorName: null }]);
    expect(detail?.supervisionPeriods[0]).toMatchObject({ mode: 'coach', participantName: 'Ann Agent', endedAt: null });
    expect(detail?.audit[0]).toMatchObject({ action: 'whisper', result: 'ok' });
    expect(detail?.assistanceRequests[0]).toMatchObject({ requestId: 'r1', state: 'open' });
    expect(detail?.notes.map((n) => n.text)).toEqual(['Good recovery']);
    expect(cache.stats()).toMatchObject({ interactions: 1, messages: 2, notes: 1, lastWriteAt: T0 + 9000 });
  });

  it('returns null for an interaction that is not cached', () => {
    expect(memoryCache().openInteraction('nope')).toBeNull();
  });

  it('updates an interaction when recorded again but never forgets it was monitored', () => {
    const cache = memoryCache();
    cache.applyWrites([{ kind: 'interaction', record: interaction({ monitoredByMe: true }) }], T0);
    cache.applyWrites(
      [
        {
          kind: 'interaction',
          record: interaction({
            state: 'disconnected',
            endedAt: T0 + 10 * MIN,
            lastSeenAt: T0 + 10 * MIN,
            monitoredByMe: false,
            agents: [{ id: 'agent-bob', name: 'Bob Agent' }],
          }),
        },
      ],
      T0,
    );
    const summary = cache.openInteraction('int-1')?.interaction;
    expect(summary).toMatchObject({ state: 'disconnected', endedAt: T0 + 10 * MIN, monitoredByMe: true });
    expect(summary?.agents.map((a) => a.id)).toEqual(['agent-ann', 'agent-bob']);
  });

  it('ignores a message delivered twice', () => {
    const cache = memoryCache();
    cache.applyWrites([{ kind: 'interaction', record: interaction() }, { kind: 'messages', records: [message(1)] }], T0);
    cache.applyWrites([{ kind: 'messages', records: [message(1), message(2)] }], T0);
    expect(cache.openInteraction('int-1')?.transcript).toHaveLength(2);
    expect(cache.search({ text: 'number' }).items[0]?.hits).toHaveLength(2);
  });

  it('recognises a redelivered message after a restart and after its interaction left the in-memory set', () => {
    const dir = tempDir();
    const path = join(dir.path, 'cache.sqlite');
    const key = randomBytes(32);
    try {
      const first = CacheDatabase.open({ path, key, now: T0 }).cache;
      first.applyWrites([{ kind: 'interaction', record: interaction() }, { kind: 'messages', records: [message(1), message(2)] }], T0);
      // 2,100 more interactions (once past the 2,000 whose ids were kept in memory, before the hash tables).
      const others = Array.from({ length: 2_100 }, (_, i) => `other-${i}`);
      first.applyWrites(
        others.flatMap((id): CacheWrite[] => [
          { kind: 'interaction', record: interaction({ id }) },
          { kind: 'messages', records: [message(1, { interactionId: id })] },
        ]),
        T0,
      );
      first.applyWrites([{ kind: 'messages', records: [message(2), message(3)] }], T0);
      expect(first.openInteraction('int-1')?.transcript.map((m) => m.messageId)).toEqual(['m-1', 'm-2', 'm-3']);
      first.close();

      const second = CacheDatabase.open({ path, key, now: T0 }).cache;
      second.applyWrites([{ kind: 'messages', records: [message(1), message(3), message(4)] }], T0);
      expect(second.openInteraction('int-1')?.transcript.map((m) => m.messageId)).toEqual(['m-1', 'm-2', 'm-3', 'm-4']);
      expect(second.openInteraction('int-1')?.interaction.messageCount).toBe(4);
      second.close();
    } finally {
      dir.cleanup();
    }
  });

  it('shows a block that cannot be decrypted as one message without text, in its place', () => {
    const cache = memoryCache();
    cache.applyWrites([{ kind: 'interaction', record: interaction() }, { kind: 'messages', records: [message(1)] }], T0);
    cache.applyWrites([{ kind: 'messages', records: [message(2), message(3)] }], T0);
    cache.applyWrites([{ kind: 'messages', records: [message(4)] }], T0);
    cache.db.prepare('UPDATE message_blocks SET data = ? WHERE id = 2').run(randomBytes(48));
    const transcript = cache.openInteraction('int-1')?.transcript;
    expect(transcript?.map((m) => [m.messageId, m.body])).toEqual([
      ['m-1', 'message number 1'],
      ['unreadable-block-2', null],
      ['m-4', 'message number 4'],
    ]);
    expect(transcript?.[1]).toMatchObject({ senderKind: 'system', at: T0 + 2000 });
  });

  it('reads back messages that were encrypted together in one block', () => {
    const cache = memoryCache();
    const bodies = ['first ü', 'second 😀', '', 'fourth'];
    cache.applyWrites(
      [
        { kind: 'interaction', record: interaction() },
        { kind: 'messages', records: bodies.map((body, i) => message(i, { body })) },
      ],
      T0,
    );
    expect(cache.db.prepare('SELECT count(*) AS n FROM message_blocks').get()).toEqual({ n: 1 });
    expect(cache.openInteraction('int-1')?.transcript.map((m) => m.body)).toEqual(bodies);
    expect(cache.search({ text: 'fourth' }).items[0]?.hits[0]?.segments).toEqual([{ text: 'fourth', hit: true }]);
  });

  it('closes a supervision period when recorded again with an end', () => {
    const cache = memoryCache();
    const period = {
      periodId: 'sp1',
      interactionId: 'int-1',
      supervisorId: 's',
      supervisorName: 'Sue',
      mode: 'monitor' as const,
      startedAt: T0,
    };
    cache.applyWrites([{ kind: 'interaction', record: interaction() }, { kind: 'supervisionPeriod', record: period }], T0);
    cache.applyWrites([{ kind: 'supervisionPeriod', record: { ...period, mode: 'barge', endedAt: T0 + MIN } }], T0);
    expect(cache.openInteraction('int-1')?.supervisionPeriods).toEqual([
      expect.objectContaining({ mode: 'barge', startedAt: T0, endedAt: T0 + MIN }),
    ]);
  });
});

describe('privacy before writing', () => {
  it('redacts card numbers and configured patterns in bodies, notes, timeline and audit text', () => {
    const cache = memoryCache([{ name: 'ssn', pattern: '\\d{3}-\\d{2}-\\d{4}' }]);
    cache.applyWrites(
      [
        { kind: 'interaction', record: interaction() },
        { kind: 'messages', records: [message(1, { body: 'card 4111 1111 1111 1111 ssn 123-45-6789' })] },
        {
          kind: 'timeline',
          records: [{ interactionId: 'int-1', eventId: 'e', at: T0, kind: 'note', text: 'pan 4111111111111111' }],
        },
        {
          kind: 'audit',
          record: {
            auditId: 'a',
            interactionId: 'int-1',
            actorId: 's',
            actorName: 'Sue',
            action: 'send',
            target: 'customer',
            at: T0,
            result: 'ok',
            detail: 'typed 4111111111111111',
          },
        },
      ],
      T0,
    );
    cache.addNote({ interactionId: 'int-1', authorId: 's', authorName: 'Sue', at: T0, text: 'he said 4111-1111-1111-1111' });
    const d = cache.openInteraction('int-1');
    expect(d?.transcript[0]?.body).toBe(`card ${PAN_REPLACEMENT} ssn [REDACTED]`);
    expect(d?.timeline[0]?.text).toBe(`pan ${PAN_REPLACEMENT}`);
    expect(d?.audit[0]?.detail).toBe(`typed ${PAN_REPLACEMENT}`);
    expect(d?.notes[0]?.text).toBe(`he said ${PAN_REPLACEMENT}`);
    // The redacted digits are not searchable either.
    expect(cache.search({ text: '4111' }).items).toEqual([]);
  });

  it('stores bodies and notes encrypted', () => {
    const cache = memoryCache();
    cache.applyWrites(
      [{ kind: 'interaction', record: interaction() }, { kind: 'messages', records: [message(1, { body: 'confidential refund' })] }],
      T0,
    );
    cache.addNote({ interactionId: 'int-1', authorId: 's', authorName: 'Sue', at: T0, text: 'private remark' });
    const body = cache.db.prepare('SELECT data AS body FROM message_blocks').get() as { body: Buffer };
    const note = cache.db.prepare('SELECT text FROM notes').get() as { text: Buffer };
    expect(Buffer.isBuffer(body.body)).toBe(true);
    expect(body.body.toString('latin1')).not.toContain('confidential');
    // Sender names (customer names) and message ids are inside the encrypted block too.
    expect(body.body.toString('latin1')).not.toContain('Ann Agent');
    expect(body.body.toString('latin1')).not.toContain('m-1');
    expect(note.text.toString('latin1')).not.toContain('private');
  });
});

describe('changing redaction policy', () => {
  it('applies new patterns to later writes and reports invalid ones', () => {
    const cache = memoryCache();
    cache.applyWrites([{ kind: 'interaction', record: interaction() }, { kind: 'messages', records: [message(1, { body: 'code ABC-123' })] }], T0);
    const problems = cache.setRedactionPatterns([
      { name: 'code', pattern: '[A-Z]{3}-\\d{3}' },
      { name: 'broken', pattern: '[' },
    ]);
    expect(problems.map((p) => p.name)).toEqual(['broken']);
    cache.applyWrites([{ kind: 'messages', records: [message(2, { body: 'code XYZ-999' })] }], T0);
    expect(cache.openInteraction('int-1')?.transcript.map((m) => m.body)).toEqual(['code ABC-123', 'code [REDACTED]']);
  });
});

describe('bad input', () => {
  it('rejects a bad record with a clear error and changes nothing in that batch', () => {
    const cache = memoryCache();
    const bad = { kind: 'messages', records: [{ ...message(1), at: 'yesterday' }] } as unknown as CacheWrite;
    expect(() => cache.applyWrites([{ kind: 'interaction', record: interaction() }, bad], T0)).toThrow(
      /Invalid message: "at" must be a time/,
    );
    expect(cache.stats().interactions).toBe(0);
  });

  it('keeps the good writes of a batch when one is bad', () => {
    const cache = memoryCache();
    const bad = { kind: 'interaction', record: { ...interaction({ id: 'x' }), channel: 'fax' } } as unknown as CacheWrite;
    const results = cache.applyWritesIsolated([{ kind: 'interaction', record: interaction() }, bad], T0);
    expect(results[0]).toBeNull();
    expect(results[1]).toMatchObject({ code: 'INVALID_INPUT' });
    expect(results[1]?.message).toMatch(/channel/);
    expect(cache.stats().interactions).toBe(1);
  });

  it('says when a message arrives for an interaction that was never recorded', () => {
    const cache = memoryCache();
    const [result] = cache.applyWritesIsolated([{ kind: 'messages', records: [message(1)] }], T0);
    expect(result).toMatchObject({ code: 'UNKNOWN_INTERACTION' });
  });

  it('refuses an empty note', () => {
    const cache = memoryCache();
    cache.applyWrites([{ kind: 'interaction', record: interaction() }], T0);
    expect(() => cache.addNote({ interactionId: 'int-1', authorId: 's', authorName: 'S', at: T0, text: '   ' })).toThrow(CacheError);
  });
});
