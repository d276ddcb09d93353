import { describe, expect, it } from 'vitest';
import { cachedInteractionId, connectorKey, type InteractionIdentity } from '../../../main/cache/interactionIdentity';
import { interaction, memoryCache, message, MIN, T0 } from './fixtures';

const first: InteractionIdentity = { connector: 'demo', platformId: 'chat-7', epoch: T0 };
const second: InteractionIdentity = { connector: 'demo', platformId: 'chat-7', epoch: T0 + 30 * MIN };

describe('a cached interaction is (connector, platform id, epoch), never the platform id alone', () => {
  it('two conversations under one platform id stay two records; messages with the same ids are kept in both', () => {
    const cache = memoryCache();
    for (const [identity, customer, words] of [
      [first, 'Carl First', 'parcel aberdeen'],
      [second, 'Zoe Second', 'close zanzibar'],
    ] as const) {
      const id = cachedInteractionId(identity);
      cache.applyWrites(
        [
          { kind: 'interaction', record: interaction({ id, identity, customerName: customer, startedAt: identity.epoch, lastSeenAt: identity.epoch }) },
          { kind: 'messages', records: [message(1, { interactionId: id, body: `about my ${words}` })] },
        ],
        identity.epoch,
      );
    }
    const all = cache.search({});
    expect(all.items.map((i) => [i.id, i.customerName, i.messageCount])).toEqual([
      [cachedInteractionId(second), 'Zoe Second', 1],
      [cachedInteractionId(first), 'Carl First', 1],
    ]);
    const hit = cache.search({ text: 'aberdeen' });
    expect(hit.items.map((i) => i.id)).toEqual([cachedInteractionId(first)]);
    expect(hit.items[0]!.hits.map((h) => h.segments.map((s) => s.text).join(''))).toEqual(['about my parcel aberdeen']);
    expect(cache.openInteraction(cachedInteractionId(second))!.transcript.map((m) => m.body)).toEqual(['about my close zanzibar']);
  });

  it('refuses a record whose id is not its identity’s (it could land on another conversation)', () => {
    const cache = memoryCache();
    expect(() => cache.applyWrites([{ kind: 'interaction', record: interaction({ id: 'chat-7', identity: first }) }], T0)).toThrow(
      /"id" must be the cached id of its identity/,
    );
    expect(() =>
      cache.applyWrites([{ kind: 'interaction', record: interaction({ id: 'x:chat-7@1', identity: { ...first, connector: 'X Y', epoch: 1 } }) }], T0),
    ).toThrow(/"connector" must be a connector name/);
    expect(cache.search({}).items).toEqual([]);
  });

  it('ids are one-to-one with identities, even when a platform id looks like an id', () => {
    expect(cachedInteractionId({ connector: 'demo', platformId: 'a@1', epoch: 2 })).not.toBe(cachedInteractionId({ connector: 'demo', platformId: 'a', epoch: 12 }));
    expect(cachedInteractionId({ connector: 'demo', platformId: 'x:y', epoch: 1 })).not.toBe(cachedInteractionId({ connector: 'demo-x', platformId: 'y', epoch: 1 }));
    expect(connectorKey('Asterisk AMI')).toBe('asterisk-ami');
    expect(connectorKey('')).toBe('connector');
  });
});
