import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveStatic } from '../../../main/web-host/staticFiles';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-static-'));
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
fs.mkdirSync(path.join(root, 'assets'));
fs.writeFileSync(path.join(root, 'assets', 'app.js'), '');
fs.writeFileSync(path.join(os.tmpdir(), 'spyglass-secret.txt'), 'secret');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('resolveStatic', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveStatic(root, '/')?.type).toMatch(/text\/html/);
    expect(resolveStatic(root, '/assets/app.js?v=1')?.type).toMatch(/javascript/);
  });
  it('never serves anything outside it', () => {
    expect(resolveStatic(root, '/../spyglass-secret.txt')).toBeUndefined();
    expect(resolveStatic(root, '/%2e%2e/spyglass-secret.txt')).toBeUndefined();
    expect(resolveStatic(root, '/..%2fspyglass-secret.txt')).toBeUndefined();
    expect(resolveStatic(root, '/%00')).toBeUndefined();
    expect(resolveStatic(root, '/%E0%A4%A')).toBeUndefined();
    expect(resolveStatic(root, '/assets')).toBeUndefined();
  });
});
