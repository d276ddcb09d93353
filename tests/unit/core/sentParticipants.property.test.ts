import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParticipantRecord } from '../../../main/cache/types';
import { rememberParticipant, sentParticipant, SHORT_LIST, type SentParticipants } from '../../../main/core/recordedConversation';

// CacheRecorder keeps each conversation's participants as last sent in a short list, and in a
// Map once there are more than SHORT_LIST (issue 15). Whatever the order of updates and however
// many participants, a lookup must give what a Map of the latest record per id gives: a wrong
// answer sends a participant twice or, worse, never sends a change.

const record = (id: number, name: string): ParticipantRecord => ({ interactionId: 'demo:c@1', participantId: `p${id}`, name, kind: 'internal', role: 'agent' });

describe('participants as last sent', () => {
  it('give the latest record per participant, on either side of the switch to a Map', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3 * SHORT_LIST), fc.constantFrom('Ann', 'Bo', 'Cy')), { maxLength: 80 }), (updates) => {
        const model = new Map<string, ParticipantRecord>();
        let sent: SentParticipants = [];
        for (const [id, name] of updates) {
          const p = record(id, name);
          model.set(p.participantId, p);
          sent = rememberParticipant(sent, p);
        }
        for (let id = 0; id <= 3 * SHORT_LIST; id++) expect(sentParticipant(sent, `p${id}`)).toBe(model.get(`p${id}`));
        // A short list while it fits; a Map only past it.
        expect(Array.isArray(sent)).toBe(model.size <= SHORT_LIST);
      }),
      { numRuns: 300 },
    );
  });
});
