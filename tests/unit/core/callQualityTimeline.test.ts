import { describe, expect, it } from 'vitest';
import type { TimelineEvent, VoiceSession } from '../../../preload/contract';
import type { MonitorStatus, PhoneStatus } from '../../../preload/contract/phone';
import { timelineEventSchema } from '../../../preload/contract/domain';
import { callQualityTimeline, OWN_TIMELINE_ENTRIES, OwnTimeline } from '../../../main/core/callQualityTimeline';

const period = { windows: 3, mosAverage: 4.38, mosLowest: 4.31, worstRating: 'good' as const, lossPercentHighest: 0.5, jitterMsHighest: 4, rttMsHighest: 12 };
const monitor = (over: Partial<MonitorStatus>): PhoneStatus => ({
  registration: 'registered',
  monitor: { id: 'mon7', target: '1001', profileId: 'demo', state: 'active', mode: 'monitor', micLive: false, ...over },
});
const session: VoiceSession = { interactionId: 'call-42', participantId: 'p1', mode: 'monitor', state: 'active', startedAt: 1000, micLive: false, hearing: [], heardBy: [] };

function follow(current: () => VoiceSession | undefined) {
  const recorded: TimelineEvent[] = [];
  const t = callQualityTimeline({ voiceSession: current, supervisor: () => ({ id: 'sup-1', name: 'Dana Reyes' }), now: () => 9000, record: (e) => recorded.push(e) });
  return { t, recorded };
}

describe('the timeline records the call quality of a monitor period', () => {
  it('once the leg is over, on the call it monitored (even when the session is already gone)', () => {
    let v: VoiceSession | undefined = session;
    const { t, recorded } = follow(() => v);
    t.observe(monitor({ state: 'connecting' }));
    t.observe(monitor({ qualityPeriod: { ...period, windows: 1 } }));
    t.observe(monitor({ qualityPeriod: period }));
    expect(recorded).toEqual([]);
    v = undefined;
    t.observe(monitor({ state: 'ended', qualityPeriod: period }));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toEqual({
      id: 'call-quality:1000:mon7',
      interactionId: 'call-42',
      at: 9000,
      kind: 'call-quality',
      text: 'Call quality while Dana Reyes listened: good (MOS 4.4 average, 4.3 lowest over 3 measurements; up to 0.5 % packets lost, jitter up to 4 ms, round trip up to 12 ms).',
      supervisorId: 'sup-1',
      supervisorName: 'Dana Reyes',
    });
    expect(timelineEventSchema.safeParse(recorded[0]).success).toBe(true);
    // Further statuses of the same ended leg write nothing more.
    t.observe(monitor({ state: 'ended', qualityPeriod: period }));
    expect(recorded).toHaveLength(1);
  });

  it('a leg replaced by the next one (or gone from the status) is recorded too; a leg never measured is not', () => {
    const { t, recorded } = follow(() => session);
    t.observe(monitor({ qualityPeriod: period }));
    t.observe({ registration: 'registered', monitor: null });
    expect(recorded).toHaveLength(1);
    t.observe(monitor({ id: 'mon8' }));
    t.observe(monitor({ id: 'mon8', state: 'failed' }));
    expect(recorded).toHaveLength(1);
  });

  it('the seat’s own entries merge into the contact center’s timeline in time order, bounded', () => {
    const own = new OwnTimeline();
    const base: TimelineEvent[] = [
      { id: 'a', interactionId: 'call-42', at: 100, kind: 'started', text: 'Call started' },
      { id: 'b', interactionId: 'call-42', at: 300, kind: 'ended', text: 'Call ended' },
    ];
    own.add({ id: 'q', interactionId: 'call-42', at: 200, kind: 'call-quality', text: 'Call quality …' });
    expect(own.merged('call-42', base).map((e) => e.id)).toEqual(['a', 'q', 'b']);
    expect(own.merged('other', base).map((e) => e.id)).toEqual(['a', 'b']);
    for (let i = 0; i < OWN_TIMELINE_ENTRIES + 10; i++) own.add({ id: `q${i}`, interactionId: 'call-42', at: 1000 + i, kind: 'call-quality', text: '…' });
    expect(own.merged('call-42', []).length).toBe(OWN_TIMELINE_ENTRIES);
  });
});
