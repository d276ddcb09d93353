import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interaction, Message, Queue, TimelineEvent } from '../../../preload/contract';
import type { CacheDatabase } from '../../../main/cache/CacheDatabase';
import { fromErrorShape } from '../../../main/cache/errors';
import { cachedInteractionId } from '../../../main/cache/interactionIdentity';
import type { SessionCache } from '../../../main/cache/SessionCache';
import type { CacheWrite } from '../../../main/cache/types';
import { CacheRecorder } from '../../../main/core/CacheRecorder';
import { silentLogger } from '../../../main/core/logger';
import { memoryCache } from '../cache/fixtures';

// Issue 15 (event-shaped load): CacheRecorder holds writes, merges them per conversation,
// skips updates that change nothing cached and sends only the participants that changed.
// Whatever the events and wherever the holds end, the cache must end up with what a
// supervisor saw: the latest state, every participant as last seen, every agent, every
// message and timeline entry, monitored by me once I supervised it, and a platform id
// reused with another start as a new conversation. Checked against a model written from the events alone,
// on a real (in-memory, encrypted) cache.

const STARTED = 1_767_621_600_000;
const CONVERSATIONS = ['chat-1', 'chat-2'];
const PEOPLE = ['p1', 'p2', 'p3', 'p4'];
const NAMES = ['Ann', 'Bo', 'Cy'];
const QUEUES: ReadonlyMap<string, Queue> = new Map(
  [
    ['q1', 'Sales'],
    ['q2', 'Support'],
  ].map(([id, name]) => [id!, { id: id!, name: name!, waiting: 0, slaSeconds: 20 }]),
);

type Person = { id: string; name: string; external: boolean; role: 'agent' | 'customer' | 'specialist'; supervising: 'sup-me' | 'someone-else' | null; state: 'alerting' | 'connected' };
type Step =
  | { type: 'update'; conv: number; epoch: number; state: 'alerting' | 'connected' | 'held' | 'ended'; queueId: string | undefined; people: Person[] }
  | { type: 'message'; conv: number }
  | { type: 'timeline'; conv: number }
  | { type: 'hold ends' };

const person: fc.Arbitrary<Person> = fc.record({
  id: fc.constantFrom(...PEOPLE),
  name: fc.constantFrom(...NAMES),
  external: fc.boolean(),
  role: fc.constantFrom('agent', 'customer', 'specialist'),
  // I (sup-me) supervising marks the conversation monitored by me, for good.
  supervising: fc.constantFrom(null, 'someone-else', 'sup-me'),
  // Not cached: a change of only this must not lose or add anything.
  state: fc.constantFrom('alerting', 'connected'),
});

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('update' as const),
      conv: fc.nat(CONVERSATIONS.length - 1),
      // The platform reuses its ids: another start is another conversation (the one the id names from then on).
      epoch: fc.nat(1),
      state: fc.constantFrom('alerting', 'connected', 'held', 'ended'),
      queueId: fc.constantFrom('q1', 'q2', undefined),
      people: fc.uniqueArray(person, { selector: (p) => p.id, maxLength: 4 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('message' as const), conv: fc.nat(CONVERSATIONS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('timeline' as const), conv: fc.nat(CONVERSATIONS.length - 1) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'hold ends' as const }) },
);

function toInteraction(s: Extract<Step, { type: 'update' }>): Interaction {
  return {
    id: CONVERSATIONS[s.conv]!,
    channel: 'chat',
    state: s.state,
    startedAt: STARTED + s.epoch,
    ...(s.queueId ? { queueId: s.queueId } : {}),
    participants: s.people.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.external ? 'external' : 'internal',
      role: p.role,
      ...(p.role !== 'customer' ? { agentId: `agent-${p.id}` } : {}),
      state: p.state,
      ...(p.supervising ? { supervising: { supervisorId: p.supervising, mode: 'monitor', targetParticipantId: 'p1' } } : {}),
    })),
  } as unknown as Interaction;
}

/** The key of a conversation in the model: its platform id and start. */
const keyOf = (platformId: string, epoch: number) => `${platformId}@${epoch}`;

/** What the cache should hold per conversation, from the events alone (the cache upserts: latest wins, nothing is removed). */
function model(steps: Step[]) {
  const convs = new Map<
    string,
    { state: string; queueId: string | null; customerName: string | null; monitoredByMe: boolean; participants: Map<string, object>; agents: Map<string, string>; messages: string[]; timeline: string[] }
  >();
  /** Platform id -> the conversation it names now. */
  const current = new Map<string, string>();
  steps.forEach((s, n) => {
    if (s.type === 'hold ends') return;
    const id = CONVERSATIONS[s.conv]!;
    if (s.type === 'update') {
      const key = keyOf(id, s.epoch);
      current.set(id, key);
      const c = convs.get(key) ?? { state: '', queueId: null, customerName: null, monitoredByMe: false, participants: new Map(), agents: new Map(), messages: [], timeline: [] };
      c.state = s.state;
      c.queueId = s.queueId ?? c.queueId;
      c.customerName = s.people.find((p) => p.external)?.name ?? c.customerName;
      c.monitoredByMe ||= s.people.some((p) => p.supervising === 'sup-me');
      for (const p of s.people) {
        c.participants.set(p.id, { participantId: p.id, name: p.name, kind: p.external ? 'external' : 'internal', role: p.supervising ? 'supervisor' : p.role });
        if (p.role !== 'customer') c.agents.set(`agent-${p.id}`, p.name);
      }
      convs.set(key, c);
    } else if (current.has(id)) {
      // Before its first update a conversation has no home in the cache: skipped, as documented.
      const c = convs.get(current.get(id)!)!;
      (s.type === 'message' ? c.messages : c.timeline).push(`${s.type}-${n}`);
    }
  });
  return convs;
}

/** A SessionCache over a synchronous CacheDatabase: every write committed when it is made. */
function directCache(db: CacheDatabase): SessionCache {
  const apply = (write: CacheWrite) => {
    const [error] = db.applyWritesIsolated([write], STARTED);
    return error ? Promise.reject(error) : Promise.resolve();
  };
  return {
    recordInteraction: (record) => apply({ kind: 'interaction', record }),
    recordParticipants: (records) => apply({ kind: 'participants', records }),
    recordMessages: (records) => apply({ kind: 'messages', records }),
    recordTimelineEvents: (records) => apply({ kind: 'timeline', records }),
    recordSupervisionPeriod: (record) => apply({ kind: 'supervisionPeriod', record }),
    recordAudit: (record) => apply({ kind: 'audit', record }),
    recordAssistanceRequest: (record) => apply({ kind: 'assistanceRequest', record }),
    // Each write alone, as the worker isolates them: one refused write leaves the others.
    recordWrites: (writes) => Promise.resolve(writes.map((w) => db.applyWritesIsolated([w], STARTED)[0] ?? null).map((e) => e && fromErrorShape(e))),
  } as SessionCache;
}

describe('CacheRecorder: what the cache holds does not depend on holding, merging or skipping', () => {
  it('any sequence of updates, messages and timeline entries, with holds ending anywhere, caches what the events said', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const db = memoryCache();
        try {
          const failures: string[] = [];
          const recorder = new CacheRecorder(directCache(db), () => 'demo', () => ({ id: 'sup-me', name: 'Me' }), () => QUEUES, () => STARTED, silentLogger, (m) => failures.push(m));
          steps.forEach((s, n) => {
            const id = s.type === 'hold ends' ? '' : CONVERSATIONS[s.conv]!;
            if (s.type === 'update') recorder.onConnectorEvent({ type: 'interactions', interactions: [toInteraction(s)] });
            else if (s.type === 'message') {
              const m = { id: `message-${n}`, interactionId: id, senderKind: 'customer', senderName: 'Ann', at: STARTED + n, text: `said ${n}`, attachments: [] };
              recorder.onConnectorEvent({ type: 'messages', interactionId: id, messages: [m as unknown as Message] });
            } else if (s.type === 'timeline') {
              const e = { id: `timeline-${n}`, interactionId: id, at: STARTED + n, kind: 'note', text: `noted ${n}` };
              recorder.onConnectorEvent({ type: 'timeline', event: e as unknown as TimelineEvent });
            } else recorder.flush();
          });
          recorder.flush();
          expect(failures).toEqual([]);
          const expected = model(steps);
          for (const platformId of CONVERSATIONS) {
            for (const epoch of [0, 1]) {
              const detail = db.openInteraction(cachedInteractionId({ connector: 'demo', platformId, epoch: STARTED + epoch }));
              const want = expected.get(keyOf(platformId, epoch));
              if (!want) {
                expect(detail).toBeNull();
                continue;
              }
              expect(detail).not.toBeNull();
              expect(detail!.interaction.state).toBe(want.state);
              expect(detail!.interaction.queueId).toBe(want.queueId);
              expect(detail!.interaction.queueName).toBe(want.queueId ? QUEUES.get(want.queueId)!.name : null);
              expect(detail!.interaction.customerName).toBe(want.customerName);
              expect(detail!.interaction.monitoredByMe).toBe(want.monitoredByMe);
              expect(new Map(detail!.interaction.agents.map((a) => [a.id, a.name]))).toEqual(want.agents);
              expect(detail!.participants).toEqual([...want.participants.values()].sort((a, b) => ((a as { participantId: string }).participantId < (b as { participantId: string }).participantId ? -1 : 1)));
              expect(detail!.transcript.map((m) => m.messageId).sort()).toEqual([...want.messages].sort());
              expect(detail!.timeline.map((t) => t.eventId).sort()).toEqual([...want.timeline].sort());
            }
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
