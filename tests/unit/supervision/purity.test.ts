import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// DESIGN.md: "supervision/ imports nothing with side effects". The rules may
// import each other and the contract's types, nothing else: no clock, no I/O.
// One exception: the confirmation wording is pure code shared through the
// contract (preload/contract/confirmation.ts) so main and the renderer agree.
const sharedPureModules = ['../../preload/contract/confirmation'];
const folder = join(__dirname, '../../../main/supervision');
const files = readdirSync(folder).filter((f) => f.endsWith('.ts'));

describe('main/supervision is pure', () => {
  it.each(files)('%s imports only sibling rules and contract types', (file) => {
    const source = readFileSync(join(folder, file), 'utf8');
    const imports = [...source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)];
    for (const [, , typeOnly, specifier] of imports) {
      if (specifier?.startsWith('./')) continue;
      if (specifier && sharedPureModules.includes(specifier)) continue;
      expect({ file, specifier, typeOnly: typeOnly !== undefined }).toEqual({
        file,
        specifier: '../../preload/contract',
        typeOnly: true,
      });
    }
  });

  it.each(files)('%s has no bare side-effect imports or require', (file) => {
    const source = readFileSync(join(folder, file), 'utf8');
    expect(source).not.toMatch(/^\s*import\s+['"]|\brequire\(|\bimport\(/m);
  });

  it.each(files)('%s reads no clock and no randomness', (file) => {
    const source = readFileSync(join(folder, file), 'utf8');
    expect(source).not.toMatch(/Date\.now|new Date|Math\.random|performance\.now|process\./);
  });
});
