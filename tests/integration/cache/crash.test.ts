import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../../../main/cache/keyStore';
import { openSessionCache } from '../../../main/cache/SessionCache';
import { tempDir, type TempDir } from '../../unit/cache/fixtures';

let dir: TempDir;
afterEach(() => dir.cleanup());

const CHILD = resolve(__dirname, 'fixtures', 'crash-child.ts');
const ACKS_BEFORE_KILL = 40;

describe('crash during ingest', () => {
  it('keeps every acknowledged message after kill -9', async () => {
    dir = tempDir();
    const dbPath = join(dir.path, 'cache.sqlite');
    const keyPath = join(dir.path, 'cache.key');
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, keyPath], {
      cwd: resolve(__dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Set<number>();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)));
    let buffered = '';
    await new Promise<void>((res, rej) => {
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          const m = /^ACK (\d+)$/.exec(line);
          if (m) acked.add(Number(m[1]));
        }
        if (acked.size >= ACKS_BEFORE_KILL) {
          // Mid-ingest: more batches are in flight right now.
          child.kill('SIGKILL');
          res();
        }
      });
      child.on('exit', () => rej(new Error(`child exited before the kill: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const { cache } = await openSessionCache({ path: dbPath, keyStore: new FileKeyStore(keyPath) });
    try {
      const detail = await cache.openInteraction('crash-int');
      const stored = new Set(detail?.transcript.map((m) => m.messageId));
      const missing: string[] = [];
      for (const batch of acked) {
        for (let i = 0; i < 50; i++) if (!stored.has(`b${batch}-m${i}`)) missing.push(`b${batch}-m${i}`);
      }
      expect(acked.size).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
      expect(missing).toEqual([]);
      // And what is stored is readable, not half-written.
      expect(detail?.transcript.every((m) => m.body?.startsWith('batch '))).toBe(true);
    } finally {
      await cache.close();
    }
  });
});
