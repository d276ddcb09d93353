import { afterEach, describe, expect, it } from 'vitest';
import type { AgentHistoryView } from '../../../preload/contract';
import { startDemoCore, type DemoCore } from '../../support/demoCore';

let made: DemoCore | undefined;
afterEach(async () => {
  await made?.stop();
  made = undefined;
});

describe('agent:history (the agent details timeline) through the core and the contract', () => {
  it('records each status change from connector events on the core’s clock, the open state running to now', async () => {
    made = await startDemoCore();
    const { core, demo, clock } = made;
    const agent = demo.state().agents.find((a) => a.status !== 'Offline');
    if (!agent) throw new Error('the demo has no agent logged in');
    const t0 = clock.now();
    clock.advance(60_000);
    demo.control.setAgentStatus(agent.id, agent.status === 'Busy' ? 'Away' : 'Busy');
    const second = agent.status === 'Busy' ? 'Away' : 'Busy';
    clock.advance(90_000);
    demo.control.setAgentStatus(agent.id, 'On Queue');
    clock.advance(30_000);
    const r = await core.handle('agent:history', { agentId: agent.id });
    if (!r.ok) throw new Error(r.error.message);
    const view = r.value as AgentHistoryView;
    expect(view.now).toBe(t0 + 180_000);
    expect(view.segments.slice(-3).map((s) => [s.state, s.end - s.start])).toEqual([
      [agent.status, expect.any(Number)],
      [second, 90_000],
      ['On Queue', 30_000],
    ]);
    expect(view.segments.at(-3)?.end).toBe(t0 + 60_000);
  });

  it('refuses a malformed request and an agent the platform does not report, and changes nothing', async () => {
    made = await startDemoCore();
    const bad = await made.core.handle('agent:history', { agentId: '' });
    expect(bad).toMatchObject({ ok: false });
    const extra = await made.core.handle('agent:history', { agentId: 'agent-1', more: 1 });
    expect(extra).toMatchObject({ ok: false });
    const unknown = await made.core.handle('agent:history', { agentId: 'nobody' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
