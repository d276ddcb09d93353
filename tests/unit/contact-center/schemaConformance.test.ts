import { describe, expect, it } from 'vitest';
import { DemoContactCenter, ManualClock } from '../../../main/contact-center/demo';
import {
  agentSchema,
  interactionSchema,
  messageSchema,
  queueSchema,
  supervisionPeriodSchema,
  supervisorSchema,
  timelineEventSchema,
} from '../../../preload/contract';
import { typingSchema } from '../../../preload/contract/digital';

describe('demo output matches the contract schemas', () => {
  it('every state object and event of a busy half hour parses', async () => {
    const clock = new ManualClock();
    const demo = DemoContactCenter.create({ clock, seed: 8, agents: 120 });
    const problems: string[] = [];
    const check = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown, what: string) => {
      const r = schema.safeParse(value);
      if (!r.success && problems.length < 5) problems.push(`${what}: ${String(r.error)} ${JSON.stringify(value).slice(0, 300)}`);
    };
    const state = demo.state();
    check(supervisorSchema, state.supervisor, 'supervisor');
    state.agents.forEach((a) => check(agentSchema, a, 'agent'));
    state.queues.forEach((q) => check(queueSchema, q, 'queue'));
    state.interactions.forEach((i) => check(interactionSchema, i, 'interaction'));
    demo.subscribe((e) => {
      if (e.type === 'agents') e.agents.forEach((a) => check(agentSchema, a, 'agent'));
      if (e.type === 'queues') e.queues.forEach((q) => check(queueSchema, q, 'queue'));
      if (e.type === 'interactions') e.interactions.forEach((i) => check(interactionSchema, i, 'interaction'));
      if (e.type === 'messages') e.messages.forEach((m) => check(messageSchema, m, 'message'));
      if (e.type === 'timeline') check(timelineEventSchema, e.event, 'timeline');
      if (e.type === 'period') check(supervisionPeriodSchema, e.period, 'period');
      if (e.type === 'typing') check(typingSchema, e.typing, 'typing');
      if (e.type === 'supervisor') check(supervisorSchema, e.supervisor, 'supervisor');
    });
    await demo.start();
    clock.advance(30 * 60_000);
    expect(problems).toEqual([]);
    expect(demo.errors).toBe(0);
  });
});
