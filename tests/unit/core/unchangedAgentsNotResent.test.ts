/**
 * A chat's activity marks its agent changed (the binocular depends on the
 * chat), but an agent whose view is the same as the one the screen was last
 * sent is left out of the delta; one whose view changed is sent, stamped with
 * when main received the event (issue 15: ~30 kB of identical agents per
 * delta under a 50,000 msg/s chat load).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentView, Delta } from '../../../preload/contract';
import { SentAgentViews } from '../../../main/core/SentAgentViews';
import type { DemoContactCenter } from '../../../main/contact-center/demo';
import type { SupervisorCore } from '../../../main/core/SupervisorCore';
import { startDemoCore } from '../../support/demoCore';

let core: SupervisorCore;
let demo: DemoContactCenter;
let stop: () => Promise<void>;
const deltas: Delta[] = [];
let chatId: string;
let agentId: string;

beforeEach(async () => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
  deltas.length = 0;
  ({ core, demo, stop } = await startDemoCore({ prefix: 'spyglass-agents-resent-', demo: { warmUp: true } }));
  core.attach((channel, payload) => {
    if (channel === 'session:delta') deltas.push(payload as Delta);
  });
  const agent = core.snapshot().agents.find((a) => a.status === 'Available' || a.status === 'On Queue');
  expect(agent).toBeDefined();
  agentId = agent!.id;
  chatId = demo.control.startChat({ agentId, play: false });
  vi.advanceTimersByTime(100);
  // The chat's start changed the agent (their interactions): sent once.
  expect(deltas.some((d) => d.agents?.some((a) => a.id === agentId && a.interactionIds.includes(chatId)))).toBe(true);
  deltas.length = 0;
});
afterEach(async () => {
  await stop();
  vi.useRealTimers();
});

const sentAgent = (d: Delta | undefined) => d?.agents?.find((a) => a.id === agentId);

describe('agents in a delta', () => {
  it('an agent whose view did not change is not resent when their chat moves', () => {
    demo.control.customerSays(chatId, 'Hello again');
    vi.advanceTimersByTime(50);
    const delta = deltas.find((d) => d.interactions?.some((i) => i.id === chatId));
    // The chat went out (its activity changed) ...
    expect(delta).toBeDefined();
    // ... its agent, unchanged, did not, nor an event time for them.
    expect(sentAgent(delta)).toBeUndefined();
    expect(delta!.agentChangedAt?.[agentId]).toBeUndefined();
  });

  it('an agent whose view changed is sent with when main received the event', () => {
    const receivedAt = Date.now();
    demo.control.customerSays(chatId, 'Are you there?');
    demo.control.setAgentStatus(agentId, 'Away');
    vi.advanceTimersByTime(50);
    const delta = deltas.find((d) => sentAgent(d) !== undefined);
    expect(sentAgent(delta)?.status).toBe('Away');
    // The first event that marked them changed in the batch (the chat message).
    expect(delta!.agentChangedAt?.[agentId]).toBe(receivedAt);
  });

  it('after a snapshot (a new screen), the next change of an agent is sent again even if the view matches the last delta', () => {
    core.snapshot();
    demo.control.customerSays(chatId, 'Hello again');
    vi.advanceTimersByTime(50);
    expect(deltas.some((d) => sentAgent(d) !== undefined)).toBe(true);
  });
});

describe('SentAgentViews', () => {
  it('sees a change a connector made in place in an array the view shares with its agent', () => {
    const views = new SentAgentViews();
    const view: AgentView = {
      id: 'a1',
      name: 'Ann',
      status: 'On Queue',
      statusSince: 1,
      queueIds: ['q1'],
      extension: '101',
      interactionIds: [],
      monitor: { allowed: false, reason: 'No call' },
    };
    expect(views.changed(view)).toBe(true);
    expect(views.changed({ ...view, queueIds: ['q1'] })).toBe(false);
    view.interactionIds.push('chat-1');
    expect(views.changed(view)).toBe(true);
    expect(views.changed({ ...view, monitor: { allowed: true } })).toBe(true);
  });
});
