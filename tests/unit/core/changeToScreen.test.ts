/**
 * A connector change is sent to the screen right after it arrives (not at the
 * next 50 ms tick), with the time main received it per changed agent, so
 * event-to-paint can be measured from before the batching (issue 15 item 1).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Delta } from '../../../preload/contract';
import type { DemoContactCenter } from '../../../main/contact-center/demo';
import type { SupervisorCore } from '../../../main/core/SupervisorCore';
import { startDemoCore } from '../../support/demoCore';

let core: SupervisorCore;
let demo: DemoContactCenter;
let stop: () => Promise<void>;
const deltas: Delta[] = [];

beforeEach(async () => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
  deltas.length = 0;
  ({ core, demo, stop } = await startDemoCore({ prefix: 'spyglass-change-', demo: { warmUp: true } }));
  core.attach((channel, payload) => {
    if (channel === 'session:delta') deltas.push(payload as Delta);
  });
  vi.advanceTimersByTime(100);
  deltas.length = 0;
});
afterEach(async () => {
  await stop();
  vi.useRealTimers();
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
