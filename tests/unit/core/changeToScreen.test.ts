/**
 * A connector change is sent to the screen right after it arrives (not at the
 * next 50 ms tick), with the time main received it per changed agent, so
 * event-to-paint can be measured from before the batching (issue 15 item 1).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Delta } from '../../../preload/contract';
import { ConfigService } from '../../../main/config/ConfigService';
import { DemoContactCenter, ManualClock } from '../../../main/contact-center/demo';
import { silentLogger } from '../../../main/core/logger';
import { SupervisorCore } from '../../../main/core/SupervisorCore';
import { supervisionRules } from '../../../main/core/supervisionRules';

let dir: string;
let core: SupervisorCore;
let demo: DemoContactCenter;
const deltas: Delta[] = [];

beforeEach(async () => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
  deltas.length = 0;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-change-'));
  const clock = new ManualClock();
  demo = DemoContactCenter.create({ clock, simulate: false, warmUp: true });
  core = new SupervisorCore({
    connector: demo,
    config: new ConfigService({ policyFile: path.join(dir, 'policy.json'), userFile: path.join(dir, 'settings.json') }),
    rules: supervisionRules,
    log: silentLogger,
    now: () => clock.now(),
    host: 'web',
    version: 'test',
    openExternal: async () => undefined,
  });
  await core.start();
  core.attach((channel, payload) => {
    if (channel === 'session:delta') deltas.push(payload as Delta);
  });
  vi.advanceTimersByTime(100);
  deltas.length = 0;
});
afterEach(async () => {
  await core.stop();
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('connector change to screen', () => {
  it('goes out after the burst it came in, not at the next 50 ms tick, stamped with when main received it', () => {
    const receivedAt = Date.now();
    demo.control.holdCall('call-alex-kim');
    demo.control.resumeCall('call-alex-kim');
    expect(deltas).toHaveLength(0);
    vi.advanceTimersByTime(0);
    expect(deltas).toHaveLength(1);
    const agentId = deltas[0]!.agents?.find((a) => a.name === 'Alex Kim')?.id;
    expect(agentId).toBeDefined();
    // The first event that changed the agent in this batch.
    expect(deltas[0]!.agentChangedAt?.[agentId!]).toBe(receivedAt);
  });

  it('a change that only the core made (no connector event) carries no event time', () => {
    core.markAllDirty();
    vi.advanceTimersByTime(50);
    expect(deltas.at(-1)?.agents?.length).toBeGreaterThan(0);
    expect(deltas.at(-1)?.agentChangedAt).toBeUndefined();
  });
});
