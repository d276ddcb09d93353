import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmiFrameParser, type AmiParsed } from '../../../../main/contact-center/asterisk/amiFrameParser';

const BANNER = 'Asterisk Call Manager/9.0.0\r\n';
const frame = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('') + '\r\n';

const plain = (parsed: AmiParsed[]) => parsed.map((p) => (p.kind === 'banner' ? p : { kind: p.kind, fields: { ...p.fields } }));

function parseAll(chunks: string[], limits = {}): { out: AmiParsed[]; errors: string[] } {
  const errors: string[] = [];
  const parser = new AmiFrameParser((m) => errors.push(m), limits);
  const out = chunks.flatMap((c) => parser.push(c));
  return { out, errors };
}

describe('AmiFrameParser', () => {
  it('reads the banner, then one frame per blank line', () => {
    const { out, errors } = parseAll([
      BANNER + frame({ Response: 'Success', ActionID: '1', Message: 'Authentication accepted' }) + frame({ Event: 'FullyBooted', Status: 'Fully Booted' }),
    ]);
    expect(errors).toEqual([]);
    expect(plain(out)).toEqual([
      { kind: 'banner', text: 'Asterisk Call Manager/9.0.0' },
      { kind: 'frame', fields: { Response: 'Success', ActionID: '1', Message: 'Authentication accepted' } },
      { kind: 'frame', fields: { Event: 'FullyBooted', Status: 'Fully Booted' } },
    ]);
  });

  it('keeps colons inside values, accepts bare LF and treats __proto__ as a plain key', () => {
    const { out } = parseAll([BANNER, 'Event: X\nAppData: a:b: c\n__proto__: evil\nEmpty:\n\n']);
    const f = out[1];
    expect(f?.kind).toBe('frame');
    if (f?.kind !== 'frame') return;
    expect(f.fields.AppData).toBe('a:b: c');
    expect(f.fields.__proto__).toBe('evil');
    expect(f.fields.Empty).toBe('');
    expect(Object.getPrototypeOf(f.fields)).toBeNull();
  });

  it('a later duplicate key cannot replace Event or ActionID', () => {
    const { out } = parseAll([BANNER, 'Response: Success\r\nActionID: 7\r\nActionID: 99\r\n\r\n']);
    expect(out[1]?.kind === 'frame' && out[1].fields.ActionID).toBe('7');
  });

  it('drops an oversized frame with one truncated error and reads the next frame', () => {
    const huge = 'x'.repeat(5000);
    const { out, errors } = parseAll([BANNER, `Event: Huge\r\nData: ${huge}\r\n\r\n`, frame({ Event: 'After' })], { maxFrameChars: 1000 });
    expect(plain(out).slice(1)).toEqual([{ kind: 'frame', fields: { Event: 'After' } }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Event: Huge');
    expect(errors[0]!.length).toBeLessThan(300);
  });

  it('drops a frame with too many keys and resyncs', () => {
    const many = Array.from({ length: 20 }, (_, i) => `K${i}: v`).join('\r\n');
    const { out, errors } = parseAll([BANNER, `Event: Many\r\n${many}\r\n\r\n`, frame({ Event: 'After' })], { maxKeys: 10 });
    expect(plain(out).slice(1)).toEqual([{ kind: 'frame', fields: { Event: 'After' } }]);
    expect(errors).toHaveLength(1);
  });

  it('an endless line without a newline is dropped without growing memory', () => {
    const errors: string[] = [];
    const parser = new AmiFrameParser((m) => errors.push(m), { maxFrameChars: 1000 });
    parser.push(BANNER + 'Event: Endless\r\nData: ');
    for (let i = 0; i < 2000; i++) parser.push('y'.repeat(100));
    expect(errors).toHaveLength(1);
    expect((parser as unknown as { partialChars: number }).partialChars).toBeLessThanOrEqual(2);
    expect(plain(parser.push('\r\n\r\n' + frame({ Event: 'After' })))).toEqual([{ kind: 'frame', fields: { Event: 'After' } }]);
  });

  const fieldArb = fc.tuple(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/),
    fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  );
  const frameArb = fc.uniqueArray(fieldArb, { minLength: 1, maxLength: 8, selector: ([k]) => k });

  it('property: any chunking of a stream gives the same frames', () => {
    fc.assert(
      fc.property(fc.array(frameArb, { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 30 }), (frames, cuts) => {
        const text = BANNER + frames.map((f) => frame(Object.fromEntries(f))).join('');
        const whole = plain(parseAll([text]).out);
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(text.slice(prev, p));
          prev = p;
        }
        chunks.push(text.slice(prev));
        expect(plain(parseAll(chunks).out)).toEqual(whole);
        expect(whole).toHaveLength(frames.length + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('property: random garbage never throws and the parser stays bounded', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('\r\n', '\n', ':', 'Event: X\r\n')), { maxLength: 60 }), (chunks) => {
        const parser = new AmiFrameParser(() => {}, { maxFrameChars: 256, maxKeys: 8 });
        for (const c of chunks) {
          const out = parser.push(c);
          for (const p of out) if (p.kind === 'frame') expect(Object.keys(p.fields).length).toBeLessThanOrEqual(8);
          const inner = parser as unknown as { partialChars: number; frameChars: number; keys: number };
          expect(inner.partialChars + inner.frameChars).toBeLessThanOrEqual(256);
          expect(inner.keys).toBeLessThanOrEqual(9);
        }
      }),
      { numRuns: 300 },
    );
  });
});
