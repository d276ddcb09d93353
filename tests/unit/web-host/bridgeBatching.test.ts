import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import type { Message } from '../../../preload/contract';
import { createLogger } from '../../../main/core/logger';
import type { EventSink, SupervisorCore } from '../../../main/core/SupervisorCore';
import { serveBridge } from '../../../main/web-host/bridgeSocket';

const msg = (id: string): Message => ({ id, interactionId: 'c1', senderKind: 'customer', senderName: 'Sarah', at: 1, text: id, attachments: [] });

/** A socket that records what the page would receive, and a core that hands out the screen's sink. */
function fakeBridge() {
  const frames: { kind: string; channel?: string; payload?: { messages?: Message[] } }[] = [];
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const ws = {
    OPEN: 1,
    readyState: 1,
    send: (data: string) => frames.push(JSON.parse(data)),
    on: (event: string, handler: (...args: unknown[]) => void) => handlers.set(event, handler),
  } as unknown as WebSocket;
  let sink: EventSink | undefined;
  const core = {
    attach: (s: EventSink) => {
      sink = s;
      return () => undefined;
    },
    handle: () => Promise.resolve({ ok: true, value: 'done' }),
  } as unknown as SupervisorCore;
  serveBridge(ws, core, createLogger(() => undefined));
  return { frames, handlers, sink: () => sink!, ws };
}

describe('web host bridge: a busy chat reaches the page in frames, not one per message', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends the messages of one 16 ms window in one frame, in order, none lost', () => {
    const { frames, sink } = fakeBridge();
    for (const id of ['m1', 'm2', 'm3', 'm4', 'm5']) sink()('digital:messages', { interactionId: 'c1', messages: [msg(id)] });
    vi.advanceTimersByTime(16);
    expect(frames).toHaveLength(1);
    expect(frames[0]?.payload?.messages?.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('sends waiting messages before any other event and before a reply', async () => {
    const { frames, sink, handlers } = fakeBridge();
    sink()('digital:messages', { interactionId: 'c1', messages: [msg('m1')] });
    sink()('notice', { id: 'n1', level: 'info', text: 'hello', at: 1 });
    sink()('digital:messages', { interactionId: 'c1', messages: [msg('m2')] });
    handlers.get('message')?.(Buffer.from(JSON.stringify({ kind: 'invoke', id: 7, channel: 'config:get', payload: {} })), false);
    await vi.waitFor(() => expect(frames.at(-1)?.kind).toBe('result'));
    expect(frames.map((f) => (f.kind === 'event' ? `${f.channel}:${f.payload?.messages?.map((m) => m.id).join(',') ?? ''}` : f.kind))).toEqual([
      'digital:messages:m1',
      'notice:',
      'digital:messages:m2',
      'result',
    ]);
  });
});
