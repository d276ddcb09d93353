import { describe, expect, it } from 'vitest';
import type { ConnectorEvent } from '../../../main/contact-center/Connector';
import { DemoContactCenter, ManualClock } from '../../../main/contact-center/demo';

/** A busy demo for `seconds` simulated seconds; its message events and how many messages it wrote. */
async function run(messagesPerSecond: number, seconds: number) {
  const clock = new ManualClock();
  const demo = DemoContactCenter.create({ clock, seed: 5, agents: 60, messagesPerSecond });
  const events: Extract<ConnectorEvent, { type: 'messages' }>[] = [];
  /** Each message event's conversation state as the same batch reported it (interactions come before messages). */
  const stateAtMessage: string[] = [];
  const latest = new Map<string, string>();
  await demo.start();
  const before = demo.control.messagesWritten();
  demo.subscribe((e) => {
    if (e.type === 'interactions') for (const i of e.interactions) latest.set(i.id, i.state);
    if (e.type === 'messages') {
      events.push(e);
      stateAtMessage.push(latest.get(e.interactionId) ?? 'unknown');
    }
  });
  for (let i = 0; i < seconds * 10; i++) clock.advance(100);
  const written = demo.control.messagesWritten() - before;
  const state = demo.state();
  await demo.stop();
  return { events, written, state, stateAtMessage, errors: demo.errors };
}

describe('demo message load (benchmark knob messagesPerSecond)', () => {
  it('writes exactly that many extra messages per simulated second, on top of the same natural traffic', async () => {
    const quiet = await run(0, 3);
    const loaded = await run(2_000, 3);
    expect(loaded.written - quiet.written).toBe(6_000);
    expect(loaded.events.reduce((n, e) => n + e.messages.length, 0)).toBe(loaded.written);
    expect(loaded.errors).toBe(0);
  });

  it('spreads them over the live conversations, one event per message, never into a waiting or ended chat', async () => {
    const { events, state, stateAtMessage } = await run(1_000, 1);
    const byId = new Map(state.interactions.map((i) => [i.id, i]));
    const chats = new Set(events.map((e) => e.interactionId));
    expect(chats.size).toBeGreaterThan(3);
    // Round-robin: consecutive messages belong to different chats, so each is its own event.
    expect(events.filter((e) => e.messages.length === 1).length).toBeGreaterThan(900);
    for (const id of chats) expect(byId.get(id)?.channel).not.toBe('voice');
    expect(new Set(stateAtMessage)).not.toContain('pending');
    expect(new Set(stateAtMessage)).not.toContain('ended');
    expect(new Set(stateAtMessage)).not.toContain('unknown');
    for (const e of events) for (const m of e.messages) expect(m.interactionId).toBe(e.interactionId);
  });
});
