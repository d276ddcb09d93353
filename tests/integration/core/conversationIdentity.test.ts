import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CacheSearchResult, CachedDetail } from '../../../preload/contract';
import { cachedInteractionId } from '../../../main/cache/interactionIdentity';
import type { SessionCache } from '../../../main/cache/SessionCache';
import { ManualClock, type DemoContactCenter } from '../../../main/contact-center/demo';
import type { SupervisorCore } from '../../../main/core/SupervisorCore';
import { startDemoCore } from '../../support/demoCore';

/**
 * Issue 11 item 3: contact centers reuse interaction ids; the cache must never
 * merge two conversations that share one (found: after a web-host restart the
 * demo's reused ids merged two customers' chats, timeline and snippets included).
 */
let dir: string;

interface Run {
  demo: DemoContactCenter;
  clock: ManualClock;
  cache: SessionCache;
  core: SupervisorCore;
  stop(): Promise<void>;
}

/** One start of Spyglass on the demo with seed 3, over the same cache file every time. */
async function startRun(startAt: number): Promise<Run> {
  // The dir is this file's, shared by both runs: the helper leaves it in place.
  const { demo, clock, core, cache, stop } = await startDemoCore({ dir, clock: new ManualClock(startAt), demo: { seed: 3, agents: 12 }, cache: true });
  return {
    demo,
    clock,
    cache: cache!,
    core,
    stop: async () => {
      await stop();
      await cache!.close();
    },
  };
}

async function settle(run: Run): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 20));
  await run.cache.stats();
}

async function search(run: Run, query: Record<string, unknown>): Promise<CacheSearchResult['items']> {
  const result = await run.core.handle('cache:search', query);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return (result.value as CacheSearchResult).items;
}

async function open(run: Run, interactionId: string): Promise<CachedDetail> {
  const result = await run.core.handle('cache:open', { interactionId });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value as CachedDetail;
}

const cachedIdOf = (run: Run, platformId: string) =>
  cachedInteractionId({ connector: 'demo', platformId, epoch: run.core.mirror.interactions.get(platformId)!.startedAt });

const hitText = (item: CacheSearchResult['items'][number]) => item.hits.map((h) => h.segments.map((s) => s.text).join('')).join(' | ');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-identity-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const T1 = Date.UTC(2026, 0, 5, 14, 0, 0);
const T2 = T1 + 3 * 3600_000;

describe('the demo restarted with the same seed (it reuses every id)', () => {
  it('caches the second run as new conversations; search hits and snippets show only their own', async () => {
    const first = await startRun(T1);
    first.demo.control.customerSays('chat-assistance', 'My parcel to Aberdeen never arrived');
    await settle(first);
    const firstId = cachedIdOf(first, 'chat-assistance');
    await first.stop();

    const second = await startRun(T2);
    second.demo.control.customerSays('chat-assistance', 'Please close my Zanzibar account');
    await settle(second);
    const secondId = cachedIdOf(second, 'chat-assistance');
    expect(secondId).not.toBe(firstId);

    // Found through search, as a supervisor would: each word finds one conversation, and not the same one.
    const aberdeen = await search(second, { text: 'aberdeen' });
    const zanzibar = await search(second, { text: 'zanzibar' });
    expect(aberdeen).toHaveLength(1);
    expect(zanzibar).toHaveLength(1);
    expect(aberdeen[0]!.id).not.toBe(zanzibar[0]!.id);
    expect(hitText(aberdeen[0]!)).toContain('Aberdeen');
    expect(hitText(aberdeen[0]!)).not.toContain('Zanzibar');
    expect(hitText(zanzibar[0]!)).not.toContain('Aberdeen');
    expect((await open(second, aberdeen[0]!.id)).transcript.map((m) => m.body ?? '').join('\n')).not.toContain('Zanzibar');
    expect([aberdeen[0]!.id, zanzibar[0]!.id]).toEqual([firstId, secondId]);

    // Each opens as its own conversation: own transcript (the demo's scripted lines, with the
    // same message ids in both runs, are kept in both, not dropped as redelivered), own timeline.
    const one = await open(second, firstId);
    const two = await open(second, secondId);
    const bodies = (d: CachedDetail) => d.transcript.map((m) => m.body ?? '').join('\n');
    expect(bodies(one)).toContain('Aberdeen');
    expect(bodies(one)).not.toContain('Zanzibar');
    expect(bodies(two)).toContain('Zanzibar');
    expect(bodies(two)).not.toContain('Aberdeen');
    expect(two.transcript.length).toBeGreaterThan(1);
    expect(one.interaction.startedAt).toBeLessThan(T1 + 1);
    expect(two.interaction.startedAt).toBeGreaterThan(T1 + 3600_000);
    expect(two.timeline.every((e) => e.at >= T1 + 3600_000)).toBe(true);
    await second.stop();
  });
});

describe('a connector that reuses an id mid-session', () => {
  it('starts a new cached interaction for the new conversation; nothing of the first carries over', async () => {
    const run = await startRun(T1);
    const agentId = run.demo.state().agents.find((a) => a.interactionIds.length === 0)?.id;
    expect(agentId).toBeDefined();
    run.demo.control.startCall({ id: 'call-reused', customerName: 'Dana Whitfield', agentId: agentId! });
    await settle(run);
    const firstId = cachedIdOf(run, 'call-reused');
    // I monitor the first call; the second, with the same id, must not show as monitored by me.
    expect((await run.core.handle('voice:start', { interactionId: 'call-reused', participantId: 'call-reused-customer', mode: 'monitor' })).ok).toBe(true);
    run.clock.advance(5000);
    expect((await run.core.handle('voice:end', {})).ok).toBe(true);
    run.demo.control.endInteraction('call-reused');
    await settle(run);

    run.clock.advance(60_000);
    run.demo.control.startCall({ id: 'call-reused', customerName: 'Eve Okafor', agentId: agentId! });
    await settle(run);
    const secondId = cachedIdOf(run, 'call-reused');
    expect(secondId).not.toBe(firstId);

    const first = await open(run, firstId);
    const second = await open(run, secondId);
    expect(first.interaction.customerName).toBe('Dana Whitfield');
    expect(first.interaction.state).toBe('ended');
    expect(first.supervisionPeriods).toHaveLength(1);
    expect(second.interaction.customerName).toBe('Eve Okafor');
    expect(second.interaction.state).not.toBe('ended');
    expect(second.interaction.monitoredByMe).toBe(false);
    expect(second.supervisionPeriods).toEqual([]);
    expect(second.timeline.every((e) => e.at >= T1 + 60_000)).toBe(true);
    expect((await search(run, { monitoredByMe: true })).map((i) => i.id)).toEqual([firstId]);

    // A note from offline review lands on the conversation it was written on.
    const note = await run.core.handle('notes:add', { interactionId: firstId, text: 'Asked for a callback' });
    expect(note).toMatchObject({ ok: true, value: { interactionId: firstId } });
    expect((await open(run, secondId)).notes).toEqual([]);
    // A note given the live platform id goes to the conversation that id names now.
    const live = await run.core.handle('notes:add', { interactionId: 'call-reused', text: 'Second caller, same id' });
    expect(live).toMatchObject({ ok: true, value: { interactionId: secondId } });
    expect((await open(run, firstId)).notes.map((n) => n.text)).toEqual(['Asked for a callback']);
    await run.stop();
  });
});
