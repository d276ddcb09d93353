import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { CACHE_WORKER_NICE } from '../../../main/cache/worker/backgroundPriority';

// Issue 15: the cache worker is background work; under a message flood the live view must
// win a contended core. On Linux the worker thread alone runs at a lower priority (nice);
// the core's thread and the rest of the process keep theirs.

/** A thread's nice value, from /proc (field 19 of stat, counted after the ")" that ends the name). */
function niceOf(tid: number): number {
  const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

describe.runIf(process.platform === 'linux')('cache worker priority (Linux)', () => {
  it('lowers the worker thread only, not the process', async () => {
    const mainBefore = niceOf(process.pid);
    const shim = `
      require(require.resolve('tsx/cjs', { paths: [process.cwd()] }));
      const { parentPort } = require('node:worker_threads');
      const { readlinkSync } = require('node:fs');
      const { lowerThisThreadPriority } = require(${JSON.stringify(require.resolve('../../../main/cache/worker/backgroundPriority.ts'))});
      const outcome = lowerThisThreadPriority();
      parentPort.postMessage({ outcome, tid: Number(readlinkSync('/proc/thread-self').split('/').pop()) });
      setTimeout(() => {}, 2000);`;
    const worker = new Worker(shim, { eval: true });
    try {
      const { outcome, tid } = await new Promise<{ outcome: string; tid: number }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(outcome).toBe('lowered');
      expect(tid).not.toBe(process.pid);
      expect(niceOf(tid)).toBe(mainBefore + CACHE_WORKER_NICE);
      expect(niceOf(process.pid)).toBe(mainBefore);
    } finally {
      await worker.terminate();
    }
  });
});
