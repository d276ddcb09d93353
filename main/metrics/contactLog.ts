import type { Interaction } from '../../preload/contract';
import { addRecord, emptyTotals, type ChannelKind, type ContactRecord, type Totals } from './outcomes';

/** The sliding windows (15, 30, 60 min); older records are dropped (today keeps running sums instead). */
export const WINDOWS_MS = [15 * 60_000, 30 * 60_000, 60 * 60_000] as const;
export const LONGEST_WINDOW_MS = 60 * 60_000;

const waitingStates = new Set<Interaction['state']>(['pending', 'alerting']);

interface OpenContact {
  queueId: string;
  channel: ChannelKind;
  /** When it (last) entered a queue. */
  queuedAt: number;
  thresholdMs: number;
  /** The wait outcome (answered/abandoned) is recorded once per contact. */
  waitRecorded: boolean;
  /** Answered before we first saw it: its handle time is unknown, so it is not counted. */
  seenMidway: boolean;
  handleMs: number;
  /** Start of the current handling stretch (answered, not back in a queue). */
  handlingSince: number | undefined;
}

/**
 * Turns the interaction updates a connector reports into contact records.
 * Deterministic: no clock and no I/O — every call takes the time it happens at
 * (`at`, when main received the event). Memory is bounded by the live
 * interactions plus one hour of records; "today" is kept as running sums.
 */
export class ContactLog {
  private readonly open = new Map<string, OpenContact>();
  /** Records of the last hour from `head` on, in the order they happened (`at` never goes back: see record()). */
  private records: ContactRecord[] = [];
  private head = 0;
  private dayStart = 0;
  private readonly today = new Map<string, Totals>();
  private lastAt = 0;
  private lastNow = 0;
  /** One running sum per sliding window; `tail` = the first record still inside it. */
  private readonly windows = WINDOWS_MS.map((ms) => ({ ms, tail: 0, totals: new Map<string, Totals>() }));

  /**
   * One interaction as the connector reports it now. `slaSecondsOf` gives the
   * queue's service-level threshold (the platform's per-queue setting).
   * `seen` says how we learnt of it: 'live' (an event: a call first seen
   * already answered was queued and answered between two events, so its wait
   * is now − start) or 'initial' (the state at connect: its answer time is unknown).
   */
  observe(ix: Interaction, at: number, slaSecondsOf: (queueId: string) => number | undefined, seen: 'live' | 'initial' = 'live'): void {
    const channel: ChannelKind = ix.channel === 'voice' ? 'voice' : 'digital';
    const known = this.open.get(ix.id);
    const waiting = waitingStates.has(ix.state);
    const threshold = (queueId: string, queuedAt: number): number =>
      ix.slaDeadline !== undefined && channel === 'digital'
        ? Math.max(0, ix.slaDeadline - queuedAt)
        : (slaSecondsOf(queueId) ?? 0) * 1000;
    if (!known) {
      if (ix.state === 'ended') return;
      const queueId = ix.queueId ?? '';
      const answeredUnseen = !waiting && seen === 'live' && ix.queueId !== undefined;
      const queuedAt = waiting || answeredUnseen ? Math.min(at, ix.startedAt) : at;
      const thresholdMs = threshold(queueId, queuedAt);
      this.open.set(ix.id, {
        queueId,
        channel,
        queuedAt,
        thresholdMs,
        waitRecorded: !waiting,
        seenMidway: !waiting && !answeredUnseen,
        handleMs: 0,
        handlingSince: waiting ? undefined : at,
      });
      if (answeredUnseen) this.record({ kind: 'answered', queueId, channel, at, waitMs: at - queuedAt, thresholdMs });
      return;
    }
    if (ix.queueId !== undefined) known.queueId = ix.queueId;
    if (ix.state === 'ended') {
      const end = ix.endedAt !== undefined && ix.endedAt <= at && ix.endedAt >= known.queuedAt ? ix.endedAt : at;
      if (!known.waitRecorded) {
        this.record({ kind: 'abandoned', queueId: known.queueId, channel, at: end, waitMs: end - known.queuedAt, thresholdMs: known.thresholdMs });
      } else if (!known.seenMidway) {
        const handleMs = known.handleMs + (known.handlingSince !== undefined ? Math.max(0, end - known.handlingSince) : 0);
        this.record({ kind: 'handled', queueId: known.queueId, channel, at: end, handleMs });
      }
      this.open.delete(ix.id);
      return;
    }
    if (waiting) {
      // Back in a queue (a transfer to a queue): handling pauses until answered again.
      if (known.handlingSince !== undefined) {
        known.handleMs += Math.max(0, at - known.handlingSince);
        known.handlingSince = undefined;
      }
      return;
    }
    if (known.handlingSince === undefined) known.handlingSince = at;
    if (!known.waitRecorded) {
      known.waitRecorded = true;
      this.record({ kind: 'answered', queueId: known.queueId, channel, at, waitMs: Math.max(0, at - known.queuedAt), thresholdMs: known.thresholdMs });
    }
  }

  /** The connector dropped an interaction without reporting its end: nothing can be said about it. */
  forget(id: string): void {
    this.open.delete(id);
  }

  /** After a reconnect: contacts the platform no longer reports ended while we were away (their end is unknown). */
  keepOnly(liveIds: ReadonlySet<string>): void {
    for (const id of this.open.keys()) if (!liveIds.has(id)) this.open.delete(id);
  }

  /** Starts a new day at `dayStart` (the caller's local midnight): today's sums restart, the windows are re-summed. */
  startDay(dayStart: number): void {
    if (dayStart === this.dayStart) return;
    this.dayStart = dayStart;
    this.today.clear();
    for (let i = this.head; i < this.records.length; i++) {
      const r = this.records[i] as ContactRecord;
      if (r.at >= dayStart) this.addToday(r);
    }
    this.resumWindows();
  }

  /** Today's running sums per queue id ('' = no queue). */
  todayTotals(): ReadonlyMap<string, Totals> {
    return this.today;
  }

  /**
   * Each sliding window's sums per queue id at `now`, never reaching before
   * today. Kept incrementally: a record is added when it happens and taken out
   * when it leaves the window, so a recompute costs what changed, not the hour.
   */
  windowTotals(now: number): ReadonlyMap<number, ReadonlyMap<string, Totals>> {
    if (now < this.lastNow) this.resumWindows();
    this.lastNow = now;
    for (const w of this.windows) {
      const start = Math.max(this.dayStart, now - w.ms);
      while (w.tail < this.records.length && (this.records[w.tail] as ContactRecord).at < start) {
        const r = this.records[w.tail] as ContactRecord;
        addRecord(sumsOf(w.totals, r.queueId), r, -1);
        w.tail++;
      }
    }
    this.dropOld(now - LONGEST_WINDOW_MS);
    return new Map(this.windows.map((w) => [w.ms, w.totals]));
  }

  /** Contacts being tracked (bounded by the live interactions). */
  get openCount(): number {
    return this.open.size;
  }

  private record(r: ContactRecord): void {
    // Whole milliseconds (a compressed demo clock is fractional): sums added and taken out stay exact.
    r.at = Math.round(r.at);
    if (r.kind === 'handled') r.handleMs = Math.round(r.handleMs);
    else r.waitMs = Math.round(r.waitMs);
    // Events arrive in order; a connector's endedAt a little in the past must not reorder the log.
    if (r.at < this.lastAt) r.at = this.lastAt;
    this.lastAt = r.at;
    this.records.push(r);
    if (r.at >= this.dayStart) this.addToday(r);
    for (const w of this.windows) addRecord(sumsOf(w.totals, r.queueId), r);
    if (this.records.length > 4096) this.dropOld(r.at - LONGEST_WINDOW_MS);
  }

  private addToday(r: ContactRecord): void {
    addRecord(sumsOf(this.today, r.queueId), r);
  }

  /** Rebuilds every window from the kept records (a new day, or a clock that went back). */
  private resumWindows(): void {
    for (const w of this.windows) {
      w.totals.clear();
      w.tail = this.head;
      for (let i = this.head; i < this.records.length; i++) {
        const r = this.records[i] as ContactRecord;
        addRecord(sumsOf(w.totals, r.queueId), r);
      }
    }
    this.lastNow = 0;
  }

  /** Forgets records older than `cutoff` that every window has already let go of. */
  private dropOld(cutoff: number): void {
    const oldestTail = Math.min(...this.windows.map((w) => w.tail));
    while (this.head < oldestTail && (this.records[this.head] as ContactRecord).at < cutoff) this.head++;
    if (this.head > 1024 && this.head * 2 > this.records.length) {
      this.records = this.records.slice(this.head);
      for (const w of this.windows) w.tail -= this.head;
      this.head = 0;
    }
  }
}

function sumsOf(map: Map<string, Totals>, queueId: string): Totals {
  let t = map.get(queueId);
  if (!t) map.set(queueId, (t = emptyTotals()));
  return t;
}
