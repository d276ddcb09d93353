import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeInteractionRecords } from '../../../main/cache/interactionMerge';
import type { AgentRef } from '../../../main/cache/types';
import { interaction } from './fixtures';

// Two held updates of one conversation merged as the cache's upsert would merge them: every
// agent who handled it, in the order first seen, each with its latest name. The merge skips
// building a map when the later list already starts with the earlier one (issue 15: ~150,000
// merges per 100k event-shaped messages); the result must be what the map gives.

const agents = fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), name: fc.constantFrom('Ann', 'Bo', 'Cy') }), { maxLength: 10 });

/** Every agent, in first-seen order, latest name: what the cache's rows say. */
function byMap(earlier: AgentRef[], later: AgentRef[]): AgentRef[] {
  const byId = new Map(earlier.map((a) => [a.id, a]));
  for (const a of later) byId.set(a.id, a);
  return [...byId.values()];
}

describe('merging two updates of one conversation', () => {
  it('keeps every agent, first seen first, with the latest name: with or without the shortcut', () => {
    fc.assert(
      fc.property(agents, agents, fc.boolean(), (earlier, later, extend) => {
        // Often the later list is the earlier one, perhaps with more: the shortcut's case.
        const next = extend ? [...earlier, ...later] : later;
        const merged = mergeInteractionRecords(interaction({ agents: earlier }), interaction({ agents: next }));
        expect(merged.agents).toEqual(earlier.length === 0 ? next : byMap(earlier, next));
      }),
      { numRuns: 1000 },
    );
  });
});
