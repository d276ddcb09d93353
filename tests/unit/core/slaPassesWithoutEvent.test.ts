/**
 * A chat waiting for an agent misses its SLA when the clock passes its
 * deadline, with no connector event. The screens must be told: the core used
 * to recompute a view only when its interaction changed, so a quiet waiting
 * chat never showed "SLA missed" (the e2e icon test then waited on whichever
 * random demo chat happened to change late).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Delta, InteractionView } from '../../../preload/contract';
import type { ManualClock } from '../../../main/contact-center/demo';
import type { DemoContactCenter } from '../../../main/contact-center/demo';
import type { SupervisorCore } from '../../../main/core/SupervisorCore';
import { ViewExpiries } from '../../../main/core/ViewExpiries';
import { startDemoCore } from '../../support/demoCore';

const RETENTIONS_SLA_MS = 90_000;

let core: SupervisorCore;
let demo: DemoContactCenter;
let clock: ManualClock;
let stop: () => Promise<void>;
const deltas: Delta[] = [];

beforeEach(async () => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
  deltas.length = 0;
  ({ core, demo, clock, stop } = await startDemoCore({ prefix: 'spyglass-sla-passes-' }));
  core.attach((channel, payload) => {
    if (channel === 'session:delta') deltas.push(payload as Delta);
  });
});
afterEach(async () => {
  await stop();
  vi.useRealTimers();
});

const sent = (id: string): InteractionView[] => deltas.flatMap((d) => d.interactions?.filter((i) => i.id === id) ?? []);

/** Moves the core clock and lets the flush timer run, as time passing does. */
function pass(ms: number): void {
  clock.advance(ms);
  vi.advanceTimersByTime(100);
}

describe('a waiting chat passing its SLA deadline', () => {
  it('is sent again as SLA missed once, with no event from the platform', () => {
    const id = demo.control.startChat({ scriptId: 'retentions-en', channel: 'sms', queueId: 'queue-retentions', play: false });
    vi.advanceTimersByTime(100);
    expect(sent(id).at(-1)?.slaMissed).toBe(false);

    pass(RETENTIONS_SLA_MS - 1_000);
    expect(sent(id).at(-1)?.slaMissed).toBe(false);

    pass(2_000);
    expect(sent(id).at(-1)?.slaMissed).toBe(true);
    expect(sent(id).at(-1)?.state).toBe('pending');

    // Once: a missed SLA is not resent on every flush.
    const count = sent(id).length;
    pass(60_000);
    pass(60_000);
    expect(sent(id)).toHaveLength(count);
  });

  it('a chat the screen got in its snapshot is also sent again when its deadline passes', () => {
    const id = demo.control.startChat({ scriptId: 'retentions-en', channel: 'sms', queueId: 'queue-retentions', play: false });
    vi.advanceTimersByTime(100);
    deltas.length = 0;
    expect(core.snapshot().interactions.find((i) => i.id === id)?.slaMissed).toBe(false);
    pass(RETENTIONS_SLA_MS + 1_000);
    expect(sent(id).at(-1)?.slaMissed).toBe(true);
  });

  it('an offline screen gets no live chat when a deadline passes', async () => {
    demo.control.startChat({ scriptId: 'retentions-en', channel: 'sms', queueId: 'queue-retentions', play: false });
    vi.advanceTimersByTime(100);
    await core.setOffline(true);
    deltas.length = 0;
    pass(RETENTIONS_SLA_MS + 1_000);
    expect(deltas.flatMap((d) => d.interactions ?? [])).toEqual([]);
  });
});

describe('ViewExpiries', () => {
  it('gives each passed view once, keeps the rest, and forgets a view whose new one never expires', () => {
    const expiries = new ViewExpiries();
    expiries.sent('a', 100);
    expiries.sent('b', 200);
    expiries.sent('c', 150);
    expiries.sent('c', undefined);
    expect(expiries.passed(100)).toEqual([]);
    expect(expiries.passed(101)).toEqual(['a']);
    expect(expiries.passed(101)).toEqual([]);
    expect(expiries.passed(1_000)).toEqual(['b']);
  });

  it('a view passed after one earlier view was forgotten is still given', () => {
    const expiries = new ViewExpiries();
    expiries.sent('a', 100);
    expiries.sent('b', 300);
    expiries.forget('a');
    expect(expiries.passed(200)).toEqual([]);
    expect(expiries.passed(301)).toEqual(['b']);
  });
});
