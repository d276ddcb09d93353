import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// main/alerts/README.md: no clock, no I/O. Files import siblings, the contract and the pure supervision rules only.
const folder = join(__dirname, '../../../main/alerts');
const files = readdirSync(folder).filter((f) => f.endsWith('.ts'));

describe('main/alerts is pure', () => {
  it.each(files)('%s imports only siblings, the contract and supervision rules, and reads no clock', (file) => {
    const source = readFileSync(join(folder, file), 'utf8');
    for (const [, specifier] of source.matchAll(/^\s*import\s+[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      expect(specifier).toMatch(/^(\.\/|\.\.\/\.\.\/preload\/contract|\.\.\/supervision\/)/);
    }
    expect(source).not.toMatch(/Date\.now|new Date\(|performance\.now|setTimeout|setInterval|\brequire\(/);
  });
});
