/**
 * Logs on disk (issue 14 item 4): the rotating file keeps at most keep + 1
 * files of at most maxBytes each, newest first; lines are bounded and carry
 * their time; the level drops what IT or the user asked to drop; a folder
 * that cannot be written is reported once and costs nothing else.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppLogger } from '../../../main/app/createAppLogger';
import { createLogger, maxLineChars } from '../../../main/core/logger';
import { createRotatingLogFile } from '../../../main/core/rotatingLogFile';

let dir: string | undefined;
afterEach(() => {
  if (dir) {
    fs.chmodSync(dir, 0o700);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  dir = undefined;
});
const fresh = () => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-logs-')));
const logFiles = (d: string) => fs.readdirSync(d).sort();

describe('rotating log file', () => {
  it('rotates before a file passes maxBytes and keeps only the newest `keep` older files', () => {
    const d = path.join(fresh(), 'logs');
    const file = createRotatingLogFile({ dir: d, maxBytes: 4096, keep: 3, now: () => Date.UTC(2026, 11, 1, 16) });
    for (let i = 0; i < 400; i++) file.write(`line ${String(i).padStart(4, '0')} ${'x'.repeat(80)}`);
    file.close();
    expect(logFiles(d)).toEqual(['spyglass.1.log', 'spyglass.2.log', 'spyglass.3.log', 'spyglass.log']);
    for (const f of logFiles(d)) expect(fs.statSync(path.join(d, f)).size).toBeLessThanOrEqual(4096);
    const current = fs.readFileSync(path.join(d, 'spyglass.log'), 'utf8');
    expect(current).toContain('line 0399');
    expect(current.split('\n')[0]).toMatch(/^2026-12-01T16:00:00\.000Z line \d{4} x+$/);
    // Newest first: .1 holds the lines just before the current file's, .3 the oldest kept; the first lines are gone.
    const firstOf = (f: string) => Number(/line (\d{4})/.exec(fs.readFileSync(path.join(d, f), 'utf8'))?.[1]);
    expect(firstOf('spyglass.3.log')).toBeLessThan(firstOf('spyglass.2.log'));
    expect(firstOf('spyglass.2.log')).toBeLessThan(firstOf('spyglass.1.log'));
    expect(firstOf('spyglass.1.log')).toBeLessThan(firstOf('spyglass.log'));
    expect(logFiles(d).map((f) => fs.readFileSync(path.join(d, f), 'utf8')).join('')).not.toContain('line 0000 ');
  });

  it('appends to the file an earlier run left, and makes folder and files the user’s only', () => {
    const d = path.join(fresh(), 'logs');
    const first = createRotatingLogFile({ dir: d });
    first.write('from the first run');
    first.close();
    const second = createRotatingLogFile({ dir: d });
    second.write('from the second run');
    second.close();
    const text = fs.readFileSync(path.join(d, 'spyglass.log'), 'utf8');
    expect(text).toMatch(/from the first run\n.*from the second run\n$/);
    if (process.platform !== 'win32') {
      expect(fs.statSync(d).mode & 0o077).toBe(0);
      expect(fs.statSync(path.join(d, 'spyglass.log')).mode & 0o077).toBe(0);
    }
  });

  it('a folder it cannot write is reported once; writing never throws', () => {
    if (process.platform === 'win32' || process.getuid?.() === 0) return; // permissions do not bind here
    const root = fresh();
    fs.chmodSync(root, 0o500);
    const problems: string[] = [];
    const file = createRotatingLogFile({ dir: path.join(root, 'logs'), onError: (m) => problems.push(m) });
    expect(() => {
      for (let i = 0; i < 10; i++) file.write(`line ${i}`);
    }).not.toThrow();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(path.join(root, 'logs', 'spyglass.log'));
  });
});

describe('the app logger on disk', () => {
  it('a hostile 1 MB message is one bounded entry in the file', () => {
    const d = path.join(fresh(), 'logs');
    const { log, file } = createAppLogger(d, () => undefined);
    log.error(`boom ${'z'.repeat(1_000_000)}`);
    file.close();
    const text = fs.readFileSync(path.join(d, 'spyglass.log'), 'utf8');
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    expect(text.length).toBeLessThan(maxLineChars + 200);
  });

  it('a message cannot forge an entry: its own line breaks become indented continuation lines', () => {
    const d = path.join(fresh(), 'logs');
    const { log, file } = createAppLogger(d, () => undefined);
    log.warn('Refused “x\n2026-12-01T00:00:00.000Z [spyglass] error forged\r\nand\rmore”');
    log.info('next');
    file.close();
    const lines = fs.readFileSync(path.join(d, 'spyglass.log'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const entries = lines.filter((l) => /^\d{4}-\d{2}-\d{2}T/.test(l));
    expect(entries.map((l) => l.replace(/^\S+ /, ''))).toEqual(['[spyglass] warn Refused “x', '[spyglass] info next']);
    expect(lines.slice(1, 4).every((l) => l.startsWith('    '))).toBe(true);
  });

  it('drops lines below the level, and follows a level change at once', () => {
    const d = path.join(fresh(), 'logs');
    const { log, file } = createAppLogger(d, () => undefined);
    log.info('info while info');
    log.setLevel?.('warn');
    log.info('info while warn');
    log.warn('warn while warn');
    log.warnOnce('k', 'warn-once while warn');
    log.setLevel?.('error');
    log.warn('warn while error');
    log.warnOnce('k2', 'warn-once while error');
    log.error('error while error');
    log.setLevel?.('info');
    log.info('info again');
    file.close();
    const text = fs.readFileSync(path.join(d, 'spyglass.log'), 'utf8');
    for (const kept of ['info while info', 'warn while warn', 'warn-once while warn', 'error while error', 'info again']) expect(text).toContain(kept);
    for (const dropped of ['info while warn', 'warn while error', 'warn-once while error']) expect(text).not.toContain(dropped);
  });

  it('a level given at creation applies from the first line', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l), 'error');
    log.info('no');
    log.warn('no');
    log.error('yes');
    expect(lines).toEqual(['[spyglass] error yes']);
  });
});
