import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstTelling, toldFile } from '../../../main/app/toldOnce';

describe('facts told once', () => {
  it('is true the first time only, for this user', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spyglass-told-'));
    expect(firstTelling(dir, 'INSECURE_KEY_STORE', 1_000)).toBe(true);
    expect(firstTelling(dir, 'INSECURE_KEY_STORE', 2_000)).toBe(false);
    expect(firstTelling(dir, 'OTHER_FACT', 3_000)).toBe(true);
    expect(JSON.parse(readFileSync(toldFile(dir), 'utf8'))).toEqual({ INSECURE_KEY_STORE: 1_000, OTHER_FACT: 3_000 });
    expect(firstTelling(mkdtempSync(join(tmpdir(), 'spyglass-told-')), 'INSECURE_KEY_STORE', 4_000)).toBe(true);
  });

  it('a broken file means telling again, not a crash; "__proto__" is just a name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spyglass-told-'));
    writeFileSync(toldFile(dir), '{not json');
    expect(firstTelling(dir, 'INSECURE_KEY_STORE', 1)).toBe(true);
    expect(firstTelling(dir, 'INSECURE_KEY_STORE', 2)).toBe(false);
    expect(firstTelling(dir, '__proto__', 3)).toBe(true);
    expect(firstTelling(dir, '__proto__', 4)).toBe(false);
  });

  it('a folder it cannot write to still tells (and says it may tell again)', () => {
    const warnings: string[] = [];
    const file = join(mkdtempSync(join(tmpdir(), 'spyglass-told-')), 'a-file');
    writeFileSync(file, 'x');
    expect(firstTelling(file, 'INSECURE_KEY_STORE', 1, (m) => warnings.push(m))).toBe(true);
    expect(warnings[0]).toMatch(/may be shown again/);
  });
});
