import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Interaction, Message } from '../../../preload/contract';
import { cachedInteractionId } from '../../../main/cache/interactionIdentity';
import { FileKeyStore } from '../../../main/cache/keyStore';
import type { CacheWrite } from '../../../main/cache/types';
import { openSessionCache, type SessionCache } from '../../../main/cache/SessionCache';
import { CacheRecorder } from '../../../main/core/CacheRecorder';
import { silentLogger } from '../../../main/core/logger';
import { startDemoCore } from '../../support/demoCore';

// Issue 15 (event-shaped cache load): the recorder holds writes briefly and sends one
// combined set per conversation. These check what a supervisor would notice: nothing
// seen live is missing from offline review, and the cache is not written once per event.

const STARTED = 1_767_621_600_000;
let dir: string;
let cache: SessionCache;
let recorder: CacheRecorder;
let failures: string[];

const chat = (state: Interaction['state'], participants: [string, string][]): Interaction =>
  ({
    id: 'chat-1',
    channel: 'chat',
    state,
    startedAt: STARTED,
    participants: participants.map(([id, name]) => ({ id, name, kind: id === 'cust' ? 'external' : 'internal', role: id === 'cust' ? 'customer' : 'agent', state: 'connected' })),
  }) as unknown as Interaction;

const message = (n: number): Message =>
  ({ id: `m${n}`, interactionId: 'chat-1', senderKind: 'customer', senderName: 'Pat', at: STARTED + n, text: `refund order ${n}`, attachments: [] }) as unknown as Message;

const cachedId = cachedInteractionId({ connector: 'demo', platformId: 'chat-1', epoch: STARTED });

/** The writes of one kind the recorder sent (it sends each flush as one recordWrites op). */
const sent = (spy: { mock: { calls: [CacheWrite[]][] } }, kind: CacheWrite['kind']) => spy.mock.calls.flatMap(([writes]) => writes).filter((w) => w.kind === kind);

async function open(): Promise<SessionCache> {
  return (await openSessionCache({ path: join(dir, 'cache.sqlite'), keyStore: new FileKeyStore(join(dir, 'cache.key')) })).cache;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spyglass-recorder-'));
  cache = await open();
  failures = [];
  recorder = new CacheRecorder(cache, () => 'demo', () => ({ id: 'sup-1', name: 'Morgan Lee' }), () => new Map(), () => STARTED, silentLogger, (m) => failures.push(m));
});

afterEach(async () => {
  await cache.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('CacheRecorder holds writes briefly and loses none', () => {
  it('a conversation updated many times in one burst is written once, with every participant and message it had', async () => {
    const writes = vi.spyOn(cache, 'recordWrites');
    recorder.onConnectorEvent({ type: 'interactions', interactions: [chat('pending', [['cust', 'Pat']])] });
    for (let n = 0; n < 20; n++) {
      recorder.onConnectorEvent({ type: 'messages', interactionId: 'chat-1', messages: [message(n)] });
      // an agent joins and leaves within the burst: still a participant of the conversation afterwards
      const team: [string, string][] = n % 2 ? [['cust', 'Pat'], ['a1', 'Sam Patel']] : [['cust', 'Pat'], ['a2', 'Ana Ruiz']];
      recorder.onConnectorEvent({ type: 'interactions', interactions: [chat(n < 19 ? 'connected' : 'ended', team)] });
    }
    recorder.onConnectorEvent({ type: 'timeline', event: { id: 't1', interactionId: 'chat-1', at: STARTED, kind: 'note', text: 'joined' } as never });
    await vi.waitFor(async () => expect((await cache.stats()).messages).toBe(20));

    expect(sent(writes, 'interaction')).toHaveLength(1); // was 21: one per changed update
    expect(sent(writes, 'messages')).toHaveLength(1); // was 20: one per message event
    expect(writes).toHaveBeenCalledTimes(1); // one op for the whole hold
    const detail = await cache.openInteraction(cachedId);
    expect(failures).toEqual([]);
    expect(detail?.interaction.state).toBe('ended');
    expect(detail?.participants.map((p) => p.name).sort()).toEqual(['Ana Ruiz', 'Pat', 'Sam Patel']);
    expect(detail?.transcript.map((m) => m.body)).toEqual(Array.from({ length: 20 }, (_, n) => `refund order ${n}`));
    expect(detail?.timeline.map((t) => t.text)).toEqual(['joined']);
    expect(failures).toEqual([]);
  });

  it('an update that changes nothing cached (a participant alerting, then connected) writes nothing', async () => {
    const team = (state: string) =>
      ({ ...chat('connected', [['cust', 'Pat'], ['a1', 'Sam Patel']]), participants: chat('connected', [['cust', 'Pat'], ['a1', 'Sam Patel']]).participants.map((p) => ({ ...p, state })) }) as Interaction;
    recorder.onConnectorEvent({ type: 'interactions', interactions: [team('alerting')] });
    recorder.flush();
    await cache.stats();
    const writes = vi.spyOn(cache, 'recordWrites');
    recorder.onConnectorEvent({ type: 'interactions', interactions: [team('connected')] });
    recorder.flush();
    expect(writes).not.toHaveBeenCalled(); // was 1 upsert: the participant's state was part of the shape
    recorder.onConnectorEvent({ type: 'interactions', interactions: [{ ...team('connected'), state: 'ended' }] });
    recorder.flush();
    expect(sent(writes, 'interaction')).toHaveLength(1);
    expect(sent(writes, 'participants')).toHaveLength(0); // the same people: not written again
    expect((await cache.openInteraction(cachedId))?.interaction.state).toBe('ended');
  });

  it('flush() sends what is held at once: the cache closed right after still has it on reopening', async () => {
    recorder.onConnectorEvent({ type: 'interactions', interactions: [chat('connected', [['cust', 'Pat']])] });
    recorder.onConnectorEvent({ type: 'messages', interactionId: 'chat-1', messages: [message(1)] });
    recorder.flush();
    await cache.close();
    cache = await open();
    const found = await cache.search({ text: 'refund' });
    expect(found.items.map((i) => i.id)).toEqual([cachedId]);
    expect(failures).toEqual([]);
  });
});

describe('the app stopping right after activity', () => {
  it('keeps what the recorder still held: a message said just before stop is found after reopening', async () => {
    const coreDir = join(dir, 'core');
    mkdirSync(coreDir);
    const started = await startDemoCore({ demo: { seed: 3, agents: 12 }, cache: true, dir: coreDir });
    started.demo.control.customerSays('chat-assistance', 'Please cancel the duplicate invoice now');
    await started.stop(); // no settling first: the stop itself must send what is held
    const reopened = (await openSessionCache({ path: join(coreDir, 'cache.sqlite'), keyStore: new FileKeyStore(join(coreDir, 'key')) })).cache;
    try {
      expect((await reopened.search({ text: 'duplicate invoice' })).items).toHaveLength(1);
    } finally {
      await reopened.close();
    }
  });
});
