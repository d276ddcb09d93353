/**
 * Diagnostics through the real core and contract: Settings › About learns
 * where the logs are; renderer errors reach the log file bounded and
 * rate-limited, one entry each; the log level setting applies at once; the web
 * host, with no file manager, refuses "open" with the path.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeCore, type ComposedApp } from '../../../main/app/composeCore';
import { createAppLogger } from '../../../main/app/createAppLogger';
import { gateRendererError, RENDERER_ERRORS_PER_MINUTE, type ErrorGate } from '../../../main/app/diagnosticsHandlers';
import type { RotatingLogFile } from '../../../main/core/rotatingLogFile';

let app: ComposedApp;
let dir: string;
let logFolder: string;
let file: RotatingLogFile;
const logText = () => fs.readFileSync(path.join(logFolder, 'spyglass.log'), 'utf8');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-diag-'));
  logFolder = path.join(dir, 'logs');
  const created = createAppLogger(logFolder, () => undefined);
  file = created.file;
  app = await composeCore({
    host: 'web',
    version: 'test',
    userDataDir: dir,
    policyFile: path.join(dir, 'policy.json'),
    log: created.log,
    openExternal: async () => undefined,
    phone: false,
    diagnostics: { logFolder },
  });
});

afterAll(async () => {
  await app.core.stop();
  file.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const handle = (channel: string, payload: unknown) => app.core.handle(channel, payload);

describe('diagnostics commands', () => {
  it('tells Settings › About where the logs are; the web host cannot open the folder and says where it is', async () => {
    expect(await handle('diagnostics:info', {})).toEqual({ ok: true, value: { logFolder, canOpenLogFolder: false, crashReports: null } });
    const open = await handle('diagnostics:openLogFolder', {});
    expect(open.ok).toBe(false);
    if (!open.ok) expect(open.error.message).toContain(logFolder);
  });

  it('a renderer error is one entry in the log file, its line breaks unable to forge another', async () => {
    const r = await handle('diagnostics:reportError', {
      source: 'window',
      kind: 'error',
      message: 'TypeError: x is undefined\n2026-01-01T00:00:00.000Z [spyglass] info forged',
      stack: 'TypeError: x is undefined\n    at render (app.js:1:2)',
      where: 'app://spyglass/assets/app.js:1:2',
    });
    expect(r.ok).toBe(true);
    const entries = logText().split('\n').filter((l) => l.includes('Renderer error'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toContain('Renderer error (UI window, error): TypeError: x is undefined ⏎ 2026-01-01T00:00:00.000Z [spyglass] info forged at app://spyglass/assets/app.js:1:2 | stack:');
    expect(logText()).not.toMatch(/^\S+ \[spyglass\] info forged/m);
  });

  it('refuses reports over the contract’s limits, and unknown keys', async () => {
    for (const bad of [
      { source: 'window', kind: 'error', message: 'm'.repeat(2001) },
      { source: 'window', kind: 'error', message: 'm', stack: 's'.repeat(4001) },
      { source: 'elsewhere', kind: 'error', message: 'm' },
      { source: 'window', kind: 'error', message: 'm', extra: true },
    ]) {
      const r = await handle('diagnostics:reportError', bad);
      expect(r.ok).toBe(false);
    }
  });

  it('logs at most RENDERER_ERRORS_PER_MINUTE a minute, then how many it dropped', () => {
    let gate: ErrorGate = { windowStart: -Infinity, logged: 0, suppressed: 0 };
    const logged: number[] = [];
    for (let i = 0; i < RENDERER_ERRORS_PER_MINUTE + 7; i++) {
      const g = gateRendererError(gate, 1000 + i);
      gate = g.gate;
      if (g.log) logged.push(i);
    }
    expect(logged).toHaveLength(RENDERER_ERRORS_PER_MINUTE);
    const later = gateRendererError(gate, 1000 + 60_000);
    expect(later).toMatchObject({ log: true, droppedBefore: 7 });
  });

  it('a flood of renderer errors through the core leaves a bounded log', async () => {
    const before = logText().split('\n').length;
    for (let i = 0; i < 200; i++) await handle('diagnostics:reportError', { source: 'media', kind: 'unhandledrejection', message: `flood ${i}` });
    const added = logText().split('\n').length - before;
    expect(added).toBeLessThanOrEqual(RENDERER_ERRORS_PER_MINUTE);
  });

  it('the log level setting applies at once', async () => {
    expect((await handle('config:set', { key: 'log.level', value: 'error' })).ok).toBe(true);
    await handle('config:set', { key: 'ui.theme', value: 'dark' }); // would log at info, if anything
    app.core.log.info('an info line after the level went to error');
    app.core.log.warn('a warning after the level went to error');
    app.core.log.error('an error after the level went to error');
    expect(logText()).not.toContain('an info line after the level went to error');
    expect(logText()).not.toContain('a warning after the level went to error');
    expect(logText()).toContain('an error after the level went to error');
    expect((await handle('config:set', { key: 'log.level', value: 'verbose' })).ok).toBe(false);
    await handle('config:set', { key: 'log.level', value: 'info' });
    app.core.log.info('info is back');
    expect(logText()).toContain('info is back');
  });
});
