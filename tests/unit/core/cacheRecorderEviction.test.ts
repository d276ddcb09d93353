import { describe, expect, it } from 'vitest';
import type { Interaction, Message } from '../../../preload/contract';
import type { ConnectorEvent } from '../../../main/contact-center/Connector';
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

  it('a conversation forgotten to stay bounded goes on from what was kept when its id comes back with the same start', () => {
    const sent: CacheWrite[] = [];
    const cache = { recordWrites: (writes: CacheWrite[]) => (sent.push(...writes), Promise.resolve(writes.map(() => null))) } as unknown as SessionCache;
    let now = STARTED;
    const recorder = new CacheRecorder(cache, () => 'demo', () => ({ id: 'sup-me', name: 'Me' }), () => new Map(), () => now, silentLogger, () => undefined);
    const agent = { id: 'a1', agentId: 'agent-1', name: 'Ann', kind: 'internal', role: 'agent', state: 'connected' };
    const asking = { ...chat('kept'), participants: [agent], assistanceRequested: true, assistanceRequestedAt: STARTED + 5 } as unknown as Interaction;
    recorder.onConnectorEvent({ type: 'interactions', interactions: [asking] });
    // I supervised it: monitored by me from then on.
    recorder.onConnectorEvent({
      type: 'period',
      period: { interactionId: 'kept', supervisorId: 'sup-me', supervisorName: 'Me', mode: 'monitor', startedAt: STARTED + 6 },
    } as ConnectorEvent);
    recorder.onConnectorEvent({ type: 'interactions', interactions: [asking] }); // sent monitored by me
    // 50,000 other ids: 'kept' is the oldest, and goes.
    recorder.onConnectorEvent({ type: 'interactions', interactions: Array.from({ length: 50_000 }, (_, n) => chat(`x${n}`)) });
    expect(recorder.cachedIdFor('kept')).toBe('kept');
    recorder.flush();
    sent.length = 0;

    // Back with the same start and nothing cached changed: nothing to send, the request is still open.
    recorder.onConnectorEvent({ type: 'interactions', interactions: [asking] });
    recorder.flush();
    expect(sent).toEqual([]);

    // The request is answered: resolved as opened (not opened again), and it is still monitored by me.
    now = STARTED + 60_000;
    recorder.onConnectorEvent({ type: 'interactions', interactions: [{ ...asking, state: 'held', assistanceRequested: false }] });
    recorder.flush();
    const id = 'demo:kept@1767621600000';
    expect(sent.filter((w) => w.kind === 'assistanceRequest').map((w) => w.record)).toEqual([
      { requestId: `${id}:${STARTED + 5}`, interactionId: id, agentId: 'agent-1', agentName: 'Ann', at: STARTED + 5, state: 'resolved', resolvedAt: STARTED + 60_000 },
    ]);
    expect(sent.filter((w) => w.kind === 'interaction').map((w) => w.record.monitoredByMe)).toEqual([true]);
    expect(sent.filter((w) => w.kind === 'participants')).toEqual([]); // Ann was sent before and has not changed
  });
});
