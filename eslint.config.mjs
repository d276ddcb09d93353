// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import boundaries from DESIGN.md, enforced rather than hoped for. */
const electronOnly = {
  name: 'electron',
  message: 'Only main/index.ts, main/electron/* and preload/ may import electron: the core must run under plain Node.',
};

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { paths: [electronOnly] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['main/index.ts', 'main/electron/**', 'preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            { group: ['**/main/**', '../main/*', '../../main/*', '../../../main/*'], message: 'The renderer never imports main/; only preload/contract is shared.' },
            { group: ['node:*'], message: 'The renderer has no Node.' },
          ],
        },
      ],
    },
  },
  {
    // The rules are pure: no I/O, no clock, no Node, nothing with side effects.
    files: ['main/supervision/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'ws', 'jssip', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'os', 'child_process'], message: 'main/supervision is pure: no I/O.' },
            { group: ['../core/*', '../phone/*', '../cache/*', '../config/*', '../contact-center/*', '../web-host/*'], message: 'main/supervision depends on nothing but the contract.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Rules take time as an argument.' },
        { object: 'Math', property: 'random', message: 'Rules are deterministic.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
