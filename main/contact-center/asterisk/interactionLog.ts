import type { SupervisionMode, SupervisionPeriod, TimelineEvent } from '../../../preload/contract';

/**
 * Timelines and supervision periods per interaction, bounded: at most
 * `perInteraction` entries each, and the log of at most `interactions`
 * interactions (the oldest is forgotten first), so hostile traffic cannot
 * grow it without limit.
 */
export class InteractionLog {
  private readonly timelines = new Map<string, TimelineEvent[]>();
  private readonly periodsById = new Map<string, SupervisionPeriod[]>();
  private seq = 0;

  constructor(
    private readonly perInteraction = 300,
    private readonly interactions = 2000,
  ) {}

  add(interactionId: string, at: number, kind: TimelineEvent['kind'], text: string, who?: { supervisorId: string; supervisorName: string; mode?: SupervisionMode }): void {
    const list = this.bucket(this.timelines, interactionId);
    list.push({ id: `t${++this.seq}`, interactionId, at, kind, text, ...(who ?? {}) });
    if (list.length > this.perInteraction) list.shift();
  }

  openPeriod(period: SupervisionPeriod): void {
    const list = this.bucket(this.periodsById, period.interactionId);
    list.push(period);
    if (list.length > this.perInteraction) list.shift();
  }

  closePeriod(interactionId: string, supervisorId: string, at: number): void {
    for (const p of this.periodsById.get(interactionId) ?? []) if (p.supervisorId === supervisorId && p.endedAt === undefined) p.endedAt = at;
  }

  closeAll(interactionId: string, at: number): void {
    for (const p of this.periodsById.get(interactionId) ?? []) if (p.endedAt === undefined) p.endedAt = at;
  }

  timeline(interactionId: string): TimelineEvent[] {
    return (this.timelines.get(interactionId) ?? []).map((e) => ({ ...e }));
  }

  periods(interactionId: string): SupervisionPeriod[] {
    return (this.periodsById.get(interactionId) ?? []).map((p) => ({ ...p }));
  }

  private bucket<T>(map: Map<string, T[]>, id: string): T[] {
    let list = map.get(id);
    if (list) {
      // Most recently used last, so the oldest interaction is forgotten first.
      map.delete(id);
      map.set(id, list);
      return list;
    }
    list = [];
    map.set(id, list);
    if (map.size > this.interactions) {
      const oldest = map.keys().next().value as string;
      map.delete(oldest);
    }
    return list;
  }
}
