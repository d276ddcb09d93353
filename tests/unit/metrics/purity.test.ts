import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// main/metrics/README.md: no clock, no I/O. Files import siblings and contract types only.
const folder = join(__dirname, '../../../main/metrics');
const files = readdirSync(folder).filter((f) => f.endsWith('.ts'));

describe('main/metrics is pure', () => {
  it.each(files)('%s imports only siblings and contract types, and reads no clock', (file) => {
    const source = readFileSync(join(folder, file), 'utf8');
    for (const [, typeOnly, specifier] of source.matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      if (specifier?.startsWith('./')) continue;
      expect({ file, specifier, typeOnly: typeOnly !== undefined }).toMatchObject({ file, typeOnly: true });
      expect(specifier).toMatch(/^\.\.\/\.\.\/preload\/contract/);
    }
    expect(source).not.toMatch(/Date\.now|new Date\(|performance\.now|setTimeout|setInterval|\brequire\(/);
  });
});
