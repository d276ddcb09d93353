import type { EventName, EventPayload } from '../../preload/contract';
import type { EventSink } from './SupervisorCore';

/**
 * One screen's `digital:messages` events, sent together every `windowMs`
 * instead of one frame per message (issue 15 item 3).
 *
 * A busy chat the supervisor watches gets hundreds of messages a second
 * (bench:transcript-load: ~450 a second into the watched chat at 50,000 a
 * second into main). Each was its own bridge frame: a JSON frame and a socket
 * write in main, a hop through the browser, a task, a parse and a store push
 * in the page — for messages the page then applies together in its next
 * animation frame anyway (renderer/src/store/frameBatch.ts). Now the messages
 * of one conversation that arrive within `windowMs` (16 ms: one frame at
 * 60 Hz) leave as one event, in arrival order. A message waits at most
 * `windowMs` longer than before — one frame — and none is dropped.
 *
 * Order is kept: any other event (a delta, typing, a notice) first sends the
 * messages waiting before it, and so does `flush()` (called before a
 * command's reply goes out, so a reply never overtakes an event). Bounded:
 * past `maxWaitingMessages` messages or `maxWaitingChars` characters of text
 * they are sent at once, so one frame stays as large as a few messages were.
 */
export interface ChatMessageBatch {
  /** The screen's sink as the core sees it: attach this one. */
  readonly sink: EventSink;
  /** Sends the waiting messages now. */
  flush(): void;
  /** The screen is gone: drops the timer (nothing can be sent any more). */
  stop(): void;
}

export interface BatchTimers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const nodeTimers: BatchTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const chatMessageWindowMs = 16;
export const maxWaitingMessages = 1000;
export const maxWaitingChars = 1_000_000;

type Messages = EventPayload<'digital:messages'>['messages'];

export function batchChatMessages(send: EventSink, timers: BatchTimers = nodeTimers, windowMs = chatMessageWindowMs): ChatMessageBatch {
  /** Per conversation, in the order their first waiting message arrived. */
  let waiting = new Map<string, Messages>();
  let count = 0;
  let chars = 0;
  let timer: unknown;
  let stopped = false;

  const flush = () => {
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
    if (count === 0) return;
    const batches = waiting;
    waiting = new Map();
    count = 0;
    chars = 0;
    for (const [interactionId, messages] of batches) send('digital:messages', { interactionId, messages });
  };

  const sink: EventSink = <E extends EventName>(channel: E, payload: EventPayload<E>) => {
    if (stopped) return;
    const chat = channel === 'digital:messages' ? (payload as EventPayload<'digital:messages'>) : undefined;
    if (!chat || chat.messages.length === 0) {
      flush();
      send(channel, payload);
      return;
    }
    const { interactionId, messages } = chat;
    const list = waiting.get(interactionId);
    if (list) list.push(...messages);
    else waiting.set(interactionId, [...messages]);
    count += messages.length;
    for (const m of messages) chars += m.text.length;
    if (count >= maxWaitingMessages || chars >= maxWaitingChars) flush();
    else timer ??= timers.set(flush, windowMs);
  };

  return {
    sink,
    flush,
    stop() {
      stopped = true;
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
      waiting = new Map();
      count = 0;
      chars = 0;
    },
  };
}
