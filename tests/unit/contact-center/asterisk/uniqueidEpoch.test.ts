import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueidEpochMs } from '../../../../main/contact-center/asterisk/amiFields';

describe('uniqueidEpochMs: the creation time inside an Asterisk uniqueid', () => {
  it('reads plain and system-name-prefixed ids', () => {
    expect(uniqueidEpochMs('1733060000.42')).toBe(1_733_060_000_000);
    expect(uniqueidEpochMs('pbx-east-1733060000.7')).toBe(1_733_060_000_000);
  });
  it('gives nothing for ids that are not Asterisk-shaped or carry an implausible date', () => {
    for (const id of ['', '.', '1733060000.', '.42', 'abc.def', '12.3', '99999999999.1', '1733060000.4x', 'x1733060000.1', '1e9.1']) {
      expect(uniqueidEpochMs(id), id).toBeUndefined();
    }
  });
  it('property: never throws, and any answer is a whole second between 2001 and 2286', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), (id) => {
        const ms = uniqueidEpochMs(id);
        if (ms !== undefined) {
          expect(ms % 1000).toBe(0);
          expect(ms).toBeGreaterThanOrEqual(1_000_000_000_000);
          expect(ms).toBeLessThan(10_000_000_000_000);
        }
      }),
    );
  });
});
