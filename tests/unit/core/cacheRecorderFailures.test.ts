import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../../preload/contract';
import { CacheError } from '../../../main/cache/errors';
import type { SessionCache } from '../../../main/cache/SessionCache';
import type { CacheWrite } from '../../../main/cache/types';
import { CacheRecorder } from '../../../main/core/CacheRecorder';
import type { Logger } from '../../../main/core/logger';

// The recorder sends each flush as one op and gets one result per write back (issue 15).
// What the supervisor is told must not change with that: a real failure (disk full) once,
// not for a write the cache refused only because it never saw the conversation, and a
// note when saving works again.

const STARTED = 1_767_621_600_000;
const chat = (state: string) => ({ id: 'chat-1', channel: 'chat', state, startedAt: STARTED, participants: [] }) as unknown as Interaction;

function setup(results: (writes: CacheWrite[]) => Promise<(CacheError | null)[]>) {
  const failures: string[] = [];
  const infos: string[] = [];
  const log = { info: (m: string) => infos.push(m), warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as Logger;
  const cache = { recordWrites: results } as unknown as SessionCache;
  const recorder = new CacheRecorder(cache, () => 'demo', () => ({ id: 'sup-me', name: 'Me' }), () => new Map(), () => STARTED, log, (m) => failures.push(m));
  return { recorder, failures, infos };
}

const settled = () => new Promise((r) => setTimeout(r, 0));

describe('CacheRecorder: what a flush that partly failed tells the supervisor', () => {
  it('says the disk is full once, and that saving works again after a flush that committed', async () => {
    let full = true;
    const { recorder, failures, infos } = setup(async (writes) => writes.map((_, n) => (full && n === writes.length - 1 ? new CacheError('DISK_FULL', 'disk full') : null)));
    for (const state of ['alerting', 'connected']) {
      recorder.onConnectorEvent({ type: 'interactions', interactions: [chat(state)] });
      recorder.recordAudit({ id: `a-${state}`, supervisorId: 'sup-me', supervisorName: 'Me', action: 'monitor', at: STARTED, result: 'ok' } as never);
      recorder.flush();
      await settled();
    }
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/disk is full/);
    full = false;
    recorder.onConnectorEvent({ type: 'interactions', interactions: [chat('ended')] });
    recorder.flush();
    await settled();
    expect(infos).toEqual(['The session cache is saving again.']);
  });

  it('stays quiet about writes refused only because the cache never saw the conversation', async () => {
    const { recorder, failures } = setup(async (writes) => writes.map(() => new CacheError('UNKNOWN_INTERACTION', 'unknown')));
    recorder.onConnectorEvent({ type: 'interactions', interactions: [chat('connected')] });
    recorder.flush();
    await settled();
    expect(failures).toEqual([]);
  });

  it('reports a flush that could not be sent at all', async () => {
    const { recorder, failures } = setup(() => Promise.reject(new CacheError('WORKER_FAILED', 'the worker stopped')));
    recorder.onConnectorEvent({ type: 'interactions', interactions: [chat('connected')] });
    recorder.flush();
    await settled();
    expect(failures).toEqual([expect.stringMatching(/could not save new activity \(the worker stopped\)/)]);
  });
});
