import { describe, expect, it } from 'vitest';
import { DemoContactCenter, ManualClock, scenarioIds } from '../../../main/contact-center/demo';

/**
 * Issue 13 found 8: in the app the demo's pending scenario chat was never routed and the scripted
 * assistance chat never moved on. The app lets them go after a while; tests keep them pinned.
 */
async function run(options: { scenarioChatsPlayAfterMs?: number }) {
  const clock = new ManualClock();
  const demo = DemoContactCenter.create({ clock, seed: 1, ...options });
  await demo.start();
  const before = demo.transcript(scenarioIds.assistanceChat).messages.length;
  for (let s = 0; s < 10 * 60; s++) clock.advance(1000);
  const pending = demo.state().interactions.find((i) => i.id === scenarioIds.pendingChat);
  const assistance = demo.state().interactions.find((i) => i.id === scenarioIds.assistanceChat);
  const after = assistance ? demo.transcript(scenarioIds.assistanceChat).messages.length : Infinity;
  await demo.stop();
  return { pendingState: pending?.state ?? 'gone', assistanceMoved: after > before };
}

describe('the demo scenario chats in the app', () => {
  it('after two demo minutes the waiting chat is routed and the scripted chat plays on', async () => {
    const { pendingState, assistanceMoved } = await run({ scenarioChatsPlayAfterMs: 120_000 });
    expect(pendingState).not.toBe('pending');
    expect(assistanceMoved).toBe(true);
  });

  it('without the option (the tests) they stay as they are', async () => {
    const { pendingState, assistanceMoved } = await run({});
    expect(pendingState).toBe('pending');
    expect(assistanceMoved).toBe(false);
  });
});
