import { describe, expect, it } from 'vitest';
import type { Interaction, Message } from '../../../preload/contract';
import type { SessionCache } from '../../../main/cache/SessionCache';
import type { CacheWrite } from '../../../main/cache/types';
import { CacheRecorder } from '../../../main/core/CacheRecorder';
import { silentLogger } from '../../../main/core/logger';

// The recorder remembers at most 50,000 platform ids (the conversation each names now);
// past that, the id first seen longest ago goes, and a late message for it is skipped.
// An id the platform reused counts as seen when reused. Kept in its own list since
// issue 15 (taking the first key of the Map walked over every deleted entry before it).

const STARTED = 1_767_621_600_000;
const chat = (id: string, startedAt = STARTED) => ({ id, channel: 'chat', state: 'connected', startedAt, participants: [] }) as unknown as Interaction;
const message = (interactionId: string) =>
  ({ id: `m-${interactionId}`, interactionId, senderKind: 'customer', senderName: 'Pat', at: STARTED, text: 'hi', attachments: [] }) as unknown as Message;

describe('CacheRecorder: platform ids remembered', () => {
  it('forgets the id first seen longest ago once 50,000 are remembered; a reused id counts as seen anew', () => {
    const sent: CacheWrite[] = [];
    const cache = { recordWrites: (writes: CacheWrite[]) => (sent.push(...writes), Promise.resolve(writes.map(() => null))) } as unknown as SessionCache;
    const recorder = new CacheRecorder(cache, () => 'demo', () => ({ id: 'sup-me', name: 'Me' }), () => new Map(), () => STARTED, silentLogger, () => undefined);
    recorder.onConnectorEvent({ type: 'interactions', interactions: Array.from({ length: 50_000 }, (_, n) => chat(`x${n}`)) });
    recorder.onConnectorEvent({ type: 'interactions', interactions: [chat('x0', STARTED + 1)] }); // reused: a new conversation, now the newest
    recorder.onConnectorEvent({ type: 'interactions', interactions: [chat('y1'), chat('y2')] }); // x1 and x2 go
    recorder.flush();
    sent.length = 0;
    for (const id of ['x0', 'x1', 'x2', 'x3', 'y2']) recorder.onConnectorEvent({ type: 'messages', interactionId: id, messages: [message(id)] });
    recorder.flush();
    const homes = sent.flatMap((w) => (w.kind === 'messages' ? w.records.map((m) => m.interactionId) : []));
    expect(homes).toEqual(['demo:x0@1767621600001', 'demo:x3@1767621600000', 'demo:y2@1767621600000']);
    expect(recorder.cachedIdFor('x1')).toBe('x1'); // forgotten: the cache would say it is unknown
  });
});
