import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedInteractionId } from '../../../main/cache/interactionIdentity';
import type { SessionCache } from '../../../main/cache/SessionCache';
import type { DemoContactCenter, ManualClock } from '../../../main/contact-center/demo';
import type { SupervisorCore } from '../../../main/core/SupervisorCore';
import { startDemoCore } from '../../support/demoCore';

let stop: () => Promise<void>;
let cache: SessionCache;
let core: SupervisorCore;
let demo: DemoContactCenter;
let clock: ManualClock;

/** The cache's id for a live interaction: connector, the demo's id, its start (issue 11 item 3). */
const cachedId = (platformId: string) =>
  cachedInteractionId({ connector: 'demo', platformId, epoch: core.mirror.interactions.get(platformId)!.startedAt });

async function settle(): Promise<void> {
  // Let queued cache writes reach the worker and commit.
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 20));
  await cache.stats();
}

beforeEach(async () => {
  const started = await startDemoCore({ demo: { seed: 3, agents: 12 }, cache: true });
  ({ core, demo, clock, stop } = started);
  cache = started.cache!;
});

afterEach(() => stop());

describe('the core records what the supervisor saw into the session cache', () => {
  it('live chat messages become searchable, redacted, and stay readable offline', async () => {
    demo.control.customerSays('chat-assistance', 'Please refund the double charge on 4111 1111 1111 1111');
    await settle();
    const found = await core.handle('cache:search', { text: 'double charge' });
    expect(found.ok).toBe(true);
    const items = found.ok ? (found.value as { items: { id: string }[] }).items : [];
    const chatId = cachedId('chat-assistance');
    expect(items.map((i) => i.id)).toContain(chatId);

    const offline = await core.handle('app:setOffline', { offline: true });
    expect(offline).toMatchObject({ ok: true, value: { mode: 'offline', reason: 'You chose Offline.' } });
    const snapshot = await core.handle('session:snapshot', {});
    expect(snapshot).toMatchObject({ ok: true, value: { agents: [], interactions: [], connector: { state: 'offline' } } });

    const opened = await core.handle('cache:open', { interactionId: chatId });
    expect(opened.ok).toBe(true);
    const bodies = opened.ok ? (opened.value as { transcript: { body: string | null }[] }).transcript.map((m) => m.body ?? '') : [];
    expect(bodies.some((b) => b.includes('double charge') && b.includes('[REDACTED CARD]'))).toBe(true);
    expect(bodies.some((b) => b.includes('4111 1111 1111 1111'))).toBe(false);

    const note = await core.handle('notes:add', { interactionId: chatId, text: 'Escalated to billing' });
    expect(note).toMatchObject({ ok: true, value: { text: 'Escalated to billing', authorName: 'Morgan Lee' } });

    const back = await core.handle('app:setOffline', { offline: false });
    expect(back).toMatchObject({ ok: true, value: { mode: 'online' } });
    const live = await core.handle('session:snapshot', {});
    expect(live.ok && (live.value as { agents: unknown[] }).agents.length).toBe(12);
  });

  it('supervision periods and audit entries are cached with the interaction', async () => {
    const start = await core.handle('voice:start', { interactionId: 'call-alex-kim', participantId: 'call-alex-kim-customer', mode: 'monitor' });
    expect(start.ok).toBe(true);
    clock.advance(5000);
    expect((await core.handle('voice:end', {})).ok).toBe(true);
    await settle();
    const mine = await core.handle('cache:search', { monitoredByMe: true });
    const ids = mine.ok ? (mine.value as { items: { id: string }[] }).items.map((i) => i.id) : [];
    expect(ids).toContain(cachedId('call-alex-kim'));
    const opened = await core.handle('cache:open', { interactionId: cachedId('call-alex-kim') });
    const periods = opened.ok ? (opened.value as { supervisionPeriods: { supervisorName: string; mode: string; endedAt?: number | null }[] }).supervisionPeriods : [];
    expect(periods).toContainEqual(expect.objectContaining({ supervisorName: 'Morgan Lee', mode: 'monitor' }));
    expect(periods.find((p) => p.supervisorName === 'Morgan Lee')?.endedAt).toBeTypeOf('number');
  });

  it('a command for an interaction the cache never saw says so', async () => {
    expect(await core.handle('cache:open', { interactionId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
