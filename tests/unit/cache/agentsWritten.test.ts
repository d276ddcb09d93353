import { describe, expect, it } from 'vitest';
import { interaction, memoryCache, T0 } from './fixtures';

// The writer skips re-writing a conversation's agents when an update names the same
// ones (every update names them). What the review shows must not depend on that.
describe("a conversation's agents", () => {
  it('follow renames and additions across updates that mostly repeat them', () => {
    const cache = memoryCache();
    const ann = { id: 'agent-ann', name: 'Ann Agent' };
    const write = (agents: { id: string; name: string }[], lastSeenAt: number) =>
      cache.applyWrites([{ kind: 'interaction', record: interaction({ agents, lastSeenAt }) }], T0);
    write([ann], T0 + 1);
    write([ann], T0 + 2);
    write([{ ...ann, name: 'Ann Smith' }], T0 + 3);
    write([{ ...ann, name: 'Ann Smith' }, { id: 'agent-bo', name: 'Bo Li' }], T0 + 4);
    write([{ ...ann, name: 'Ann Smith' }], T0 + 5);
    // Who took part stays: Bo is not removed by an update that no longer names him.
    expect(cache.openInteraction('int-1')?.interaction.agents).toEqual([
      { id: 'agent-ann', name: 'Ann Smith' },
      { id: 'agent-bo', name: 'Bo Li' },
    ]);
    cache.close();
  });

  it('are written again when the batch that first wrote them was rolled back', () => {
    const cache = memoryCache();
    const withBo = interaction({ agents: [{ id: 'agent-bo', name: 'Bo Li' }] });
    // One bad write sinks the batch's transaction; each write is then retried alone.
    const results = cache.applyWritesIsolated(
      [
        { kind: 'interaction', record: withBo },
        { kind: 'timeline', records: [{ interactionId: 'nobody', eventId: 'e', at: T0, kind: 'joined', text: 'x', supervisorName: null }] },
      ],
      T0,
    );
    expect(results.map((r) => r?.code ?? null)).toEqual([null, 'UNKNOWN_INTERACTION']);
    expect(cache.openInteraction('int-1')?.interaction.agents).toEqual([{ id: 'agent-bo', name: 'Bo Li' }]);
    cache.close();
  });
});
