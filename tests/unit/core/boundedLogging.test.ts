import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { boundedText } from '../../../main/core/boundedText';
import { describeIssues } from '../../../main/core/describeIssues';
import { dispatch } from '../../../main/core/dispatch';
import { createLogger, maxOnceKeys } from '../../../main/core/logger';

describe('bounded logging', () => {
  it('cuts long text with a digest that tells two long inputs apart, and never splits a surrogate pair', () => {
    const a = boundedText(`${'x'.repeat(1_000_000)}a`, 200);
    const b = boundedText(`${'x'.repeat(1_000_000)}b`, 200);
    expect(a.length).toBeLessThan(260);
    expect(a).toContain(`${1_000_001 - 200} more characters`);
    expect(a).not.toBe(b);
    expect(boundedText(`${'x'.repeat(199)}😀😀`, 200)).toMatch(/^x{199}… /);
    expect(boundedText('short', 200)).toBe('short');
  });

  it('a log line is bounded whatever the message', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l));
    log.warn(`Refused ${'k'.repeat(1_500_000)}`);
    log.warnOnce('k'.repeat(1_500_000), `Refused ${'k'.repeat(1_500_000)}`);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.length).toBeLessThan(2100);
  });

  it('remembers at most maxOnceKeys warn-once keys: the oldest is forgotten (logged again), recent ones stay quiet', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l));
    for (let i = 0; i <= maxOnceKeys; i++) log.warnOnce(`key-${i}-${'p'.repeat(1000)}`, `w${i}`);
    expect(lines).toHaveLength(maxOnceKeys + 1);
    log.warnOnce(`key-${maxOnceKeys}-${'p'.repeat(1000)}`, 'again');
    expect(lines).toHaveLength(maxOnceKeys + 1);
    log.warnOnce(`key-0-${'p'.repeat(1000)}`, 'forgotten');
    expect(lines.at(-1)).toContain('forgotten');
  });

  it('describes any schema failure in under 500 characters, whatever keys and values the sender chose', () => {
    const schema = z.object({ status: z.enum(['Available', 'Away']), note: z.string().max(5) }).strict();
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 3000 }), fc.oneof(fc.string({ maxLength: 3000 }), fc.integer())), (payload) => {
        const parsed = schema.safeParse(payload);
        if (!parsed.success) expect(describeIssues(parsed.error.issues).length).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });

  it('dispatch refuses a 1.5 MB unknown key with a short message and a short log line, still naming the key', async () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l));
    const key = `evil-${'k'.repeat(1_500_000)}`;
    const r = await dispatch({}, 'supervisor:setStatus', { status: 'Available', [key]: 1 }, log);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const message = r.ok ? '' : r.error.message;
    expect(message).toMatch(/unknown key “evil-kkk/);
    expect(message.length).toBeLessThan(600);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.length).toBeLessThan(600);
  });
});
