import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CacheError } from '../../../main/cache/errors';
import type { CacheWrite } from '../../../main/cache/types';
import { validateWrite } from '../../../main/cache/validation';
import { decodeWrites, encodeWrites, flattenWrites, packValues, unpackWrites, type FlatWrites } from '../../../main/cache/worker/writeCodec';
import { interaction, message } from './fixtures';

// Writes cross to the cache worker as flat lists (issue 15: structured clone of one object
// per record was most of the main thread's cost of posting). Whatever is written, the
// worker must get the same writes back, and judge them as it did before: a good write
// stays good, a bad one is refused with the same message. A malformed encoding is refused
// as a whole with a clear error, never a throw.

/** What the field of a record may hold: good values and hostile ones alike. */
const value = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null), fc.constant(undefined), fc.boolean(), fc.constantFrom('chat', 'customer', 'monitor', 'internal'));
const recordOf = (fields: string[]) => fc.record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] });
const hostile = fc.oneof(fc.constant(null), fc.string({ maxLength: 3 }), fc.integer());

const participant = recordOf(['interactionId', 'participantId', 'name', 'kind', 'role']);
const msg = recordOf(['interactionId', 'messageId', 'senderKind', 'senderName', 'at', 'channel', 'body']);
const timeline = recordOf(['interactionId', 'eventId', 'at', 'kind', 'text', 'supervisorName']);
const period = recordOf(['periodId', 'interactionId', 'supervisorId', 'supervisorName', 'mode', 'participantId', 'participantName', 'startedAt', 'endedAt']);
const audit = recordOf(['auditId', 'interactionId', 'actorId', 'actorName', 'action', 'target', 'at', 'result', 'detail']);
const assistance = recordOf(['requestId', 'interactionId', 'agentId', 'agentName', 'at', 'reason', 'state', 'resolvedAt', 'resolvedBy']);
const interactionRecord = fc.record(
  {
    id: value,
    identity: fc.oneof(recordOf(['connector', 'platformId', 'epoch']), hostile),
    channel: value,
    queueId: value,
    queueName: value,
    customerName: value,
    state: value,
    startedAt: value,
    endedAt: value,
    monitoredByMe: value,
    lastSeenAt: value,
    agents: fc.oneof(fc.array(fc.oneof(recordOf(['id', 'name']), hostile), { maxLength: 3 }), hostile),
  },
  { requiredKeys: ['agents'] },
);

const write: fc.Arbitrary<CacheWrite> = fc.oneof(
  fc.record({ kind: fc.constant('interaction'), record: fc.oneof(interactionRecord, hostile) }),
  fc.record({ kind: fc.constant('participants'), records: fc.oneof(fc.array(fc.oneof(participant, hostile), { maxLength: 3 }), hostile) }),
  fc.record({ kind: fc.constant('messages'), records: fc.oneof(fc.array(fc.oneof(msg, hostile), { maxLength: 3 }), hostile) }),
  fc.record({ kind: fc.constant('timeline'), records: fc.oneof(fc.array(fc.oneof(timeline, hostile), { maxLength: 3 }), hostile) }),
  fc.record({ kind: fc.constant('supervisionPeriod'), record: fc.oneof(period, hostile) }),
  fc.record({ kind: fc.constant('audit'), record: fc.oneof(audit, hostile) }),
  fc.record({ kind: fc.constant('assistanceRequest'), record: fc.oneof(assistance, hostile) }),
  fc.record({ kind: fc.string({ maxLength: 4 }), record: value }),
) as unknown as fc.Arbitrary<CacheWrite>;

/** What validateWrite says about a write: null if it passes, else its message. */
function verdict(w: CacheWrite): string | null {
  try {
    validateWrite(w);
    return null;
  } catch (err) {
    return err instanceof CacheError ? err.message : `crash: ${(err as Error).name}`;
  }
}

/** Through the codec and a structured clone, as postMessage carries it. */
function carried(writes: CacheWrite[]): CacheWrite[] {
  const decoded = decodeWrites(structuredClone(encodeWrites(writes)));
  if ('error' in decoded) throw decoded.error;
  return decoded.writes;
}

describe('writes as flat lists to the cache worker', () => {
  it('any writes come back as they were sent (a missing field stays missing) and are judged as before', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 6 }), (writes) => {
        const back = carried(writes);
        expect(back).toEqual(structuredClone(writes));
        expect(back.map(verdict)).toEqual(writes.map(verdict));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps real records exactly, identity and agents included', () => {
    const writes: CacheWrite[] = [
      { kind: 'interaction', record: interaction({ id: 'demo:chat-1@5', identity: { connector: 'demo', platformId: 'chat-1', epoch: 5 }, agents: [{ id: 'a', name: 'Ann' }, { id: 'b', name: 'Bo' }] }) },
      { kind: 'interaction', record: interaction({ agents: [] }) },
      { kind: 'messages', records: [message(1), message(2)] },
      { kind: 'timeline', records: [] },
    ];
    expect(carried(writes)).toStrictEqual(writes);
    // Records that all name one interaction carry its id once.
    expect(flattenWrites([writes[2]!]).values.filter((v) => v === 'int-1')).toHaveLength(1);
    expect(carried([{ kind: 'messages', records: [message(1), message(2, { interactionId: 'int-2' })] }])[0]).toStrictEqual({ kind: 'messages', records: [message(1), message(2, { interactionId: 'int-2' })] });
  });

  it('carries any values exactly, packed: lone surrogates, -0, NaN, objects', () => {
    const anyValue = fc.oneof(fc.string({ unit: 'binary', maxLength: 5 }), fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }), fc.double(), fc.constantFrom(undefined, null, true, false, -0), fc.object({ maxDepth: 1 }), fc.bigInt());
    fc.assert(
      fc.property(fc.array(anyValue, { maxLength: 30 }), (values) => {
        const back = unpackWrites(structuredClone({ kinds: [], sizes: [], ...packValues(values) }));
        expect(back).not.toBeInstanceOf(Error);
        const got = (back as FlatWrites).values;
        expect(got).toHaveLength(values.length);
        values.forEach((v, i) => (typeof v === 'object' && v !== null ? expect(got[i]).toEqual(v) : expect(Object.is(got[i], v)).toBe(true)));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a malformed encoding as a whole with a clear error, and never throws', () => {
    const packed = (f: FlatWrites) => ({ kinds: f.kinds, sizes: f.sizes, ...packValues(f.values) });
    const good = flattenWrites([{ kind: 'messages', records: [message(1)] }]);
    const goodPacked = packed(good);
    const cases: unknown[] = [
      null,
      'x',
      { kinds: [2], sizes: [1] },
      { ...good }, // values not packed
      packed({ ...good, values: good.values.slice(0, -1) }), // cut short
      packed({ ...good, values: [...good.values, 'extra'] }), // left over
      packed({ ...good, kinds: [99] }), // unknown kind
      packed({ ...good, sizes: [-1] }),
      packed({ ...good, sizes: [2] }),
      packed({ kinds: [0], sizes: [1], values: [...flattenWrites([{ kind: 'interaction', record: interaction() }]).values.slice(0, 14), 1e9] }), // agent count past the end
      packed({ kinds: [4], sizes: [3], values: new Array(27).fill('x') }), // a period is one record
      packed({ kinds: [2 + 8], sizes: [2], values: ['int-1', ...new Array(11).fill('x')] }), // shared id, one value short
      { ...goodPacked, text: goodPacked.text.slice(0, -1) }, // text cut short
      { ...goodPacked, text: `${goodPacked.text}!` }, // text left over
      { ...goodPacked, nums: new Float64Array(0) }, // a number missing
      { ...goodPacked, tags: Int32Array.from([...goodPacked.tags, -99]) }, // unknown tag
      { ...goodPacked, tags: [...goodPacked.tags] }, // tags not an Int32Array
    ];
    for (const c of cases) {
      const decoded = decodeWrites(c);
      expect('error' in decoded && decoded.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^Malformed cache write: /) });
    }
    fc.assert(
      fc.property(fc.anything(), fc.record({ kinds: fc.array(fc.nat(8), { maxLength: 4 }), sizes: fc.array(fc.integer({ min: -1, max: 3 }), { maxLength: 4 }), values: fc.array(fc.anything(), { maxLength: 40 }) }), fc.record({ kinds: fc.array(fc.nat(8), { maxLength: 2 }), sizes: fc.array(fc.nat(2), { maxLength: 2 }), text: fc.string({ maxLength: 20 }), tags: fc.array(fc.integer({ min: -7, max: 6 }), { maxLength: 12 }).map((t) => Int32Array.from(t)), nums: fc.array(fc.double(), { maxLength: 4 }).map((n) => Float64Array.from(n)), others: fc.array(fc.anything(), { maxLength: 2 }) }), (a, b, c) => {
        for (const encoded of [a, { kinds: b.kinds, sizes: b.sizes, ...packValues(b.values) }, c]) {
          const decoded = decodeWrites(encoded);
          if ('writes' in decoded) for (const w of decoded.writes) verdict(w); // judged, whatever it holds
        }
      }),
      { numRuns: 500 },
    );
  });
});
