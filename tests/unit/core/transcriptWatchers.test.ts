import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../preload/contract';
import type { EventSink, SupervisorCore } from '../../../main/core/SupervisorCore';
import type { DemoContactCenter } from '../../../main/contact-center/demo';
import { maxWatchedPerScreen, TranscriptWatchers } from '../../../main/core/TranscriptWatchers';
import { startDemoCore } from '../../support/demoCore';

let core: SupervisorCore;
let demo: DemoContactCenter;
let stop: () => Promise<void>;
const OPEN = 'chat-assistance';
const OTHER = 'chat-dana';

beforeEach(async () => {
  ({ core, demo, stop } = await startDemoCore({ prefix: 'spyglass-watchers-', demo: { seed: 3, agents: 12 } }));
});
afterEach(() => stop());

/** A screen attached to the core that records the conversations its chat events were about. */
function screen() {
  const got: { channel: EventName; interactionId: string }[] = [];
  const sink: EventSink = (channel, payload) => {
    if (channel === 'digital:messages' || channel === 'digital:typing') got.push({ channel, interactionId: (payload as { interactionId: string }).interactionId });
  };
  core.attach(sink);
  return { sink, got };
}

describe('chat events go to the screens that opened the conversation', () => {
  it('the screen that loaded a transcript gets its messages and typing; other conversations and other screens get none', async () => {
    const watching = screen();
    const elsewhere = screen();
    expect((await core.handle('digital:transcript', { interactionId: OPEN }, watching.sink)).ok).toBe(true);

    demo.control.customerSays(OPEN, 'Are you still there?');
    demo.control.agentTypes(OPEN, 'One moment');
    demo.control.customerSays(OTHER, 'Bonjour ?');

    expect(watching.got).toEqual([
      { channel: 'digital:messages', interactionId: OPEN },
      { channel: 'digital:typing', interactionId: OPEN },
    ]);
    expect(elsewhere.got).toEqual([]);
  });

  it('a screen that opens a second conversation keeps getting the first', async () => {
    const s = screen();
    await core.handle('digital:transcript', { interactionId: OPEN }, s.sink);
    await core.handle('digital:transcript', { interactionId: OTHER }, s.sink);
    demo.control.customerSays(OPEN, 'one');
    demo.control.customerSays(OTHER, 'two');
    expect(s.got.map((e) => e.interactionId)).toEqual([OPEN, OTHER]);
  });
});

describe('TranscriptWatchers', () => {
  it('is bounded per screen: the least recently opened is forgotten first, reopening refreshes', () => {
    const w = new TranscriptWatchers<string>();
    for (let i = 0; i < maxWatchedPerScreen; i++) w.watch('screen', `c${i}`);
    w.watch('screen', 'c0');
    w.watch('screen', 'new');
    expect(w.watches('screen', 'c0')).toBe(true);
    expect(w.watches('screen', 'c1')).toBe(false);
    expect(w.watches('screen', 'new')).toBe(true);
    expect(w.watches('other', 'new')).toBe(false);
    w.forget('screen');
    expect(w.watches('screen', 'new')).toBe(false);
  });
});
