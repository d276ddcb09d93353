import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload, Message } from '../../../preload/contract';
import { batchChatMessages, chatMessageWindowMs, maxWaitingChars, maxWaitingMessages, type BatchTimers } from '../../../main/core/chatMessageBatch';

type Sent = { channel: EventName; payload: unknown };

const msg = (id: string, interactionId = 'c1', text = id): Message => ({ id, interactionId, senderKind: 'customer', senderName: 'Sarah', at: 1, text, attachments: [] });

/** Timers the test fires by hand: what is due runs when the test says the window passed. */
function manualTimers() {
  const due = new Map<number, () => void>();
  let next = 1;
  const timers: BatchTimers = {
    set: (run) => {
      due.set(next, run);
      return next++;
    },
    clear: (handle) => void due.delete(handle as number),
  };
  const fire = () => {
    const runs = [...due.values()];
    due.clear();
    runs.forEach((r) => r());
  };
  return { timers, fire, pending: () => due.size };
}

function setup() {
  const sent: Sent[] = [];
  const clock = manualTimers();
  const batch = batchChatMessages((channel, payload) => sent.push({ channel, payload }), clock.timers);
  const messages = (interactionId: string, ...ids: string[]) => batch.sink('digital:messages', { interactionId, messages: ids.map((id) => msg(id, interactionId)) });
  const idsSent = () => sent.flatMap((s) => (s.channel === 'digital:messages' ? (s.payload as EventPayload<'digital:messages'>).messages.map((m) => m.id) : [`<${s.channel}>`]));
  return { sent, clock, batch, messages, idsSent };
}

describe('chat messages to a screen, batched per frame', () => {
  it('sends the messages of one window as one event per conversation, in arrival order, none lost', () => {
    const { sent, clock, messages } = setup();
    messages('c1', 'm1');
    messages('c1', 'm2');
    messages('c2', 'x1');
    messages('c1', 'm3', 'm4');
    // Nothing leaves before the window (16 ms) is over...
    expect(sent).toEqual([]);
    expect(clock.pending()).toBe(1);
    clock.fire();
    // ...then one event per conversation (was one per message).
    expect(sent).toEqual([
      { channel: 'digital:messages', payload: { interactionId: 'c1', messages: ['m1', 'm2', 'm3', 'm4'].map((id) => msg(id)) } },
      { channel: 'digital:messages', payload: { interactionId: 'c2', messages: [msg('x1', 'c2')] } },
    ]);
    expect(chatMessageWindowMs).toBeLessThanOrEqual(17);
  });

  it('keeps the order with every other event: what waits goes first', () => {
    const { clock, batch, messages, idsSent } = setup();
    messages('c1', 'm1');
    batch.sink('digital:typing', { interactionId: 'c1', agentTyping: true, draft: '' });
    messages('c1', 'm2');
    batch.flush(); // a command's reply is about to go
    messages('c1', 'm3');
    clock.fire();
    expect(idsSent()).toEqual(['m1', '<digital:typing>', 'm2', 'm3']);
  });

  it('does not wait past its bounds: many messages or much text leave at once', () => {
    const { sent, messages, batch } = setup();
    for (let i = 0; i < maxWaitingMessages; i++) messages('c1', `m${i}`);
    expect(sent).toHaveLength(1);
    const big = 'x'.repeat(maxWaitingChars);
    batch.sink('digital:messages', { interactionId: 'c1', messages: [msg('huge', 'c1', big)] });
    expect(sent).toHaveLength(2);
  });

  it('sends nothing after the screen is gone', () => {
    const { sent, clock, batch, messages } = setup();
    messages('c1', 'm1');
    batch.stop();
    clock.fire();
    messages('c1', 'm2');
    batch.flush();
    expect(sent).toEqual([]);
  });

  it('for any mix of events, flushes and windows: every message arrives once, in order per conversation, and other events keep their place', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('msg' as const), conv: fc.constantFrom('a', 'b', 'c'), n: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constantFrom('typing' as const, 'flush' as const, 'tick' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const { clock, batch, idsSent } = setup();
        const expectedPerConv: Record<string, string[]> = {};
        let seq = 0;
        // Events other than messages, with the messages that came before each.
        const before: { typing: number; messagesBefore: number }[] = [];
        let messagesSoFar = 0;
        for (const s of steps) {
          if (s.kind === 'msg') {
            const ids = Array.from({ length: s.n }, () => `${s.conv}${seq++}`);
            (expectedPerConv[s.conv] ??= []).push(...ids);
            messagesSoFar += ids.length;
            batch.sink('digital:messages', { interactionId: s.conv, messages: ids.map((id) => msg(id, s.conv)) });
          } else if (s.kind === 'typing') {
            before.push({ typing: before.length, messagesBefore: messagesSoFar });
            batch.sink('digital:typing', { interactionId: 'a', agentTyping: true, draft: '' });
          } else if (s.kind === 'flush') batch.flush();
          else clock.fire();
        }
        clock.fire();
        const out = idsSent();
        for (const [conv, ids] of Object.entries(expectedPerConv)) expect(out.filter((id) => id.startsWith(conv))).toEqual(ids);
        // Each typing event is preceded by exactly the messages sent before it.
        const typingAt = out.flatMap((id, i) => (id === '<digital:typing>' ? [i] : []));
        expect(typingAt.map((i, k) => i - k)).toEqual(before.map((b) => b.messagesBefore));
      }),
    );
  });
});
