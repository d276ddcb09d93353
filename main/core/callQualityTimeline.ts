/**
 * The timeline records the call quality of each monitor period (issue 17
 * item 4). The phone measures it (main/phone/qualityWindow.ts) and keeps the
 * leg's period in its status; when the leg is over, this writes one timeline
 * entry on the call the leg was monitoring. The connector's timeline does not
 * hold entries the seat itself wrote, so they are kept here (bounded) and
 * merged into the call's details; the cache records them like any other.
 */
import type { MonitorStatus, PhoneStatus } from '../../preload/contract/phone';
import type { TimelineEvent, VoiceSession } from '../../preload/contract';
import { describeQualityPeriod } from '../phone/qualityWindow';

/** At most this many interactions keep seat-written entries, this many entries each (oldest go first). */
export const OWN_TIMELINE_INTERACTIONS = 500;
export const OWN_TIMELINE_ENTRIES = 50;

export class OwnTimeline {
  private readonly byInteraction = new Map<string, TimelineEvent[]>();

  add(event: TimelineEvent): void {
    const list = this.byInteraction.get(event.interactionId) ?? [];
    this.byInteraction.delete(event.interactionId);
    this.byInteraction.set(event.interactionId, [...list.filter((e) => e.id !== event.id), event].slice(-OWN_TIMELINE_ENTRIES));
    while (this.byInteraction.size > OWN_TIMELINE_INTERACTIONS) this.byInteraction.delete(this.byInteraction.keys().next().value!);
  }

  /** The connector's timeline with the seat's own entries, in time order. */
  merged(interactionId: string, connectorTimeline: readonly TimelineEvent[]): TimelineEvent[] {
    const own = this.byInteraction.get(interactionId);
    if (!own?.length) return [...connectorTimeline];
    return [...connectorTimeline, ...own].sort((a, b) => a.at - b.at);
  }
}

export interface CallQualityTimelineDeps {
  voiceSession(): VoiceSession | undefined;
  supervisor(): { id: string; name: string };
  now(): number;
  record(event: TimelineEvent): void;
}

const over = (m: MonitorStatus) => m.state === 'ended' || m.state === 'failed';

/** Follows phone statuses; once a measured leg is over, records its period on the call it monitored. */
export function callQualityTimeline(deps: CallQualityTimelineDeps): { observe(status: PhoneStatus): void } {
  /** The leg being followed: its id, the call and when supervision began (captured while live: the session is gone by the end). */
  let leg: { monitorId: string; interactionId: string; startedAt: number; last: MonitorStatus } | undefined;
  const finish = () => {
    const done = leg;
    leg = undefined;
    const period = done?.last.qualityPeriod;
    if (!done || !period) return;
    const supervisor = deps.supervisor();
    deps.record({
      id: `call-quality:${done.startedAt}:${done.monitorId}`,
      interactionId: done.interactionId,
      at: deps.now(),
      kind: 'call-quality',
      text: describeQualityPeriod(period, supervisor.name),
      supervisorId: supervisor.id,
      supervisorName: supervisor.name,
    });
  };
  return {
    observe(status) {
      const m = status.monitor;
      if (leg && (!m || m.id !== leg.monitorId)) finish();
      if (!m) return;
      if (!leg && !over(m)) {
        const v = deps.voiceSession();
        if (!v) return;
        leg = { monitorId: m.id, interactionId: v.interactionId, startedAt: v.startedAt, last: m };
      }
      if (!leg) return;
      leg.last = m;
      if (over(m)) finish();
    },
  };
}
