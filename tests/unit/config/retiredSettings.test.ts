/**
 * A retired key changes nothing about how a policy parses: the same file with
 * or without it gives the same values, or the same rejection.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../main/config/parsePolicy';
import { withoutRetiredSettings } from '../../../main/config/retiredSettings';

const anyJson = fc.jsonValue();
const policyLike = fc.dictionary(
  fc.oneof(fc.constantFrom('cache.retentionDays', 'startOffline', 'phone.server', 'demo.agents', 'no.such'), fc.string({ maxLength: 20 })),
  anyJson,
  { maxKeys: 6 },
);

describe('retired settings in a policy', () => {
  it('parse exactly like the same policy without them, plus one warning', () => {
    fc.assert(
      fc.property(policyLike, anyJson, (policy, retiredValue) => {
        const without = parsePolicy(JSON.stringify(policy), 'policy.json');
        const withKey = parsePolicy(JSON.stringify({ ...policy, 'updates.enabled': retiredValue }), 'policy.json');
        if (!without.ok) {
          expect(withKey).toEqual(without);
          return;
        }
        expect(withKey.ok).toBe(true);
        if (!withKey.ok) return;
        expect(withKey.values).toEqual(without.values);
        expect(without.warnings).toEqual([]);
        expect(withKey.warnings).toHaveLength(1);
        expect(withKey.warnings[0]).toMatch(/“updates\.enabled”.*ignored/);
      }),
    );
  });

  it('leaves anything that is not a plain object to the schema to reject', () => {
    for (const raw of [null, 3, 'x', [{ 'updates.enabled': true }]]) {
      expect(withoutRetiredSettings(raw)).toEqual({ values: raw, retired: [] });
      expect(parsePolicy(JSON.stringify(raw), 'policy.json').ok).toBe(false);
    }
  });
});
