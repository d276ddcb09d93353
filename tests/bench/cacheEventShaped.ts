// bench:cache, event-shaped mode: the cache driven the way production drives it.
// The core hands every connector event to CacheRecorder.onConnectorEvent, one call per
// event, so a message arrives as one recordMessages() call of (usually) one message,
// between interaction updates, timeline entries, typing and agent changes that cost
// the recorder something or nothing. The mix is the demo's own: a seeded demo contact
// center runs for some simulated minutes and its events are recorded, then replayed
// (ids suffixed per replay, so every replay is new conversations) until enough
// messages went through; message text comes from the bench's vocabulary so search
// has the same content as in burst mode.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Interaction } from '../../preload/contract';
import type { ConnectorEvent } from '../../main/contact-center/Connector';
import { DemoContactCenter, ManualClock } from '../../main/contact-center/demo';
import { FileKeyStore } from '../../main/cache/keyStore';
import { openSessionCache } from '../../main/cache/SessionCache';
import { CacheRecorder } from '../../main/core/CacheRecorder';
import { silentLogger } from '../../main/core/logger';

/** Simulated minutes of demo traffic the replay is made of. */
const TRACE_MINUTES = 20;
/** Events handed to the recorder per turn of the event loop: about one demo tick's worth at a busy site. */
const EVENTS_PER_TURN = 64;
/** Replayed events made at a time (8 turns' worth), see benchEventShaped. */
const EVENTS_PER_MADE = 8 * EVENTS_PER_TURN;
const LAG_RESOLUTION_MS = 5;
/** Records waiting for the cache worker before the replay waits: ~1 s of its rate, well under MAX_IN_FLIGHT_ROWS. */
const MAX_BACKLOG_RECORDS = 100_000;

export interface DemoTrace {
  /** The conversations that existed when recording began (the core's first snapshot). */
  initial: Interaction[];
  events: ConnectorEvent[];
  /** Events of each type in the trace. */
  mix: Record<string, number>;
  messages: number;
  /** From the oldest conversation's start to the end of recording (ms): how far each replay moves time on. */
  spanMs: number;
}

export async function recordDemoTrace(minutes = TRACE_MINUTES): Promise<DemoTrace> {
  const clock = new ManualClock();
  const demo = DemoContactCenter.create({ clock, warmUp: true, seed: 7 });
  const initial = structuredClone(demo.state().interactions);
  const events: ConnectorEvent[] = [];
  const mix: Record<string, number> = {};
  let messages = 0;
  const stop = demo.subscribe((e) => {
    events.push(structuredClone(e));
    mix[e.type] = (mix[e.type] ?? 0) + 1;
    if (e.type === 'messages') messages += e.messages.length;
  });
  await demo.start();
  for (let s = 0; s < minutes * 60; s++) clock.advance(1000);
  stop();
  await demo.stop();
  const oldest = Math.min(clock.now(), ...initial.map((i) => i.startedAt));
  return { initial, events, mix, messages, spanMs: clock.now() - oldest + 1_000 };
}

const suffixed = (s: string, k: number) => `${s}~${k}`;
const later = (t: number | undefined, shift: number) => (t === undefined ? undefined : t + shift);

/**
 * The same event for replay `k`: every conversation, message and timeline id made new, and
 * every time moved `shift` ms later (replay k starts where replay k-1 ended), as a
 * contact center's next 20 minutes would: conversations start later, not again at the
 * same instants. Without the shift every replay re-inserted the same start and
 * activity times, which production never does, and the cache's time indexes took
 * scattered inserts that real traffic (times only grow) appends at the end.
 * No closures made per call: under tsx (esbuild keepNames) each named closure costs a
 * defineProperty, which was ~0.9 s of main-thread CPU per 100k messages, all the bench's.
 */
function replayed(e: ConnectorEvent, k: number, shift: number, text: () => string): ConnectorEvent {
  switch (e.type) {
    case 'interactions':
      return {
        type: 'interactions',
        interactions: e.interactions.map((i) => ({
          ...i,
          id: suffixed(i.id, k),
          startedAt: i.startedAt + shift,
          endedAt: later(i.endedAt, shift),
          epoch: later(i.epoch, shift),
          assistanceRequestedAt: later(i.assistanceRequestedAt, shift),
        })),
      };
    case 'interactionsRemoved':
      return { type: 'interactionsRemoved', ids: e.ids.map((id) => suffixed(id, k)) };
    case 'messages':
      return {
        type: 'messages',
        interactionId: suffixed(e.interactionId, k),
        messages: e.messages.map((m) => ({
          ...m,
          id: suffixed(m.id, k),
          interactionId: suffixed(m.interactionId, k),
          at: m.at + shift,
          text: text(),
          attachments: [],
        })),
      };
    case 'timeline':
      return {
        type: 'timeline',
        event: { ...e.event, id: suffixed(e.event.id, k), interactionId: suffixed(e.event.interactionId, k), at: e.event.at + shift },
      };
    case 'period':
      return {
        type: 'period',
        period: {
          ...e.period,
          interactionId: suffixed(e.period.interactionId, k),
          startedAt: e.period.startedAt + shift,
          endedAt: later(e.period.endedAt, shift),
        },
      };
    default:
      return e;
  }
}

export interface EventShapedResult {
  messages: number;
  events: number;
  msgsPerSecond: number;
  eventsPerSecond: number;
  msgsPerCpuSecond: number;
  lagP99Ms: number;
  mix: string;
  /** CPU seconds of the main thread and of the busiest other thread (the cache worker), Linux only; NaN elsewhere. */
  mainThreadCpuSeconds: number;
  workerThreadCpuSeconds: number;
  /**
   * Main-thread CPU seconds spent making the replayed events (new ids, times, message text):
   * the bench's, not the product's (a connector's work in production). mainThreadCpuSeconds minus this is what the core's thread
   * pays for caching (recorder, posting to the worker, acks), GC included, give or take
   * the part of a collection that one side's garbage triggers during the other.
   */
  replaySeconds: number;
}

/** CPU seconds of the calling thread (Node 22.?+: process.threadCpuUsage); wall seconds where that is missing. */
function mainThreadCpuSeconds(): number {
  if (typeof process.threadCpuUsage !== 'function') return performance.now() / 1000;
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1e6;
}

/** CPU seconds per thread of this process, from /proc (Linux); empty elsewhere. */
function threadCpuSeconds(): Map<string, number> {
  const seconds = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the ")" that closes the thread name: utime and stime are the 12th and 13th, in clock ticks (100 per second on Linux).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
    }
  } catch {
    // not Linux
  }
  return seconds;
}

/** Replays the demo trace through a real CacheRecorder into a fresh cache until `totalMessages` went through. */
export async function benchEventShaped(dir: string, trace: DemoTrace, totalMessages: number, text: () => string): Promise<EventShapedResult> {
  const path = join(dir, 'cache.sqlite');
  const { cache } = await openSessionCache({ path, keyStore: new FileKeyStore(join(dir, 'cache.key')) });
  const queues = new Map();
  const recorder = new CacheRecorder(cache, () => 'demo', () => ({ id: 'sup-bench', name: 'Bench Supervisor' }), () => queues, () => Date.now(), silentLogger, (m) => {
    throw new Error(`cache write failed during the bench: ${m}`);
  });
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  const threadsBefore = threadCpuSeconds();
  let messages = 0;
  let events = 0;
  let replaySeconds = 0;
  lag.enable();
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (let k = 0; messages < totalMessages; k++) {
    const shift = k * trace.spanMs;
    // Events are made a few turns' worth at a time before they are handed over, so the
    // replay's cost is one CPU-clock reading per 512 events (replaySeconds, subtracted from
    // the main thread's figure; the reading costs ~4 us), not two clock reads per event; and
    // only a few turns' worth, so they die young as a connector's would (a whole replay made
    // up front lived long enough to be promoted, and the old-generation GC that followed was
    // charged to the product).
    let before = mainThreadCpuSeconds();
    // What the core's first snapshot would have given the recorder.
    const snapshot = replayed({ type: 'interactions', interactions: trace.initial }, k, shift, text);
    replaySeconds += mainThreadCpuSeconds() - before;
    recorder.onConnectorEvent(snapshot);
    for (let start = 0; start < trace.events.length && messages < totalMessages; start += EVENTS_PER_MADE) {
      before = mainThreadCpuSeconds();
      const made = trace.events.slice(start, start + EVENTS_PER_MADE).map((e) => replayed(e, k, shift, text));
      replaySeconds += mainThreadCpuSeconds() - before;
      for (let n = 0; n < made.length && messages < totalMessages; n++) {
        const event = made[n]!;
        recorder.onConnectorEvent(event);
        events++;
        if (event.type === 'messages') messages += event.messages.length;
        if ((n + 1) % EVENTS_PER_TURN === 0 || n + 1 === made.length) {
          await new Promise((r) => setImmediate(r));
          // Sustained rate, not a backlog: wait while the worker is far behind (a real platform
          // cannot be slowed, but past the cache's bound writes are refused; see MAX_IN_FLIGHT_ROWS).
          while (cache.pendingRecords > MAX_BACKLOG_RECORDS) await new Promise((r) => setTimeout(r, 2));
        }
      }
    }
  }
  // Writes the recorder still holds go now, as on stop; the worker answers in order: once
  // stats() answers, every write before it is committed.
  recorder.flush();
  const stored = (await cache.stats()).messages;
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const threadsAfter = threadCpuSeconds();
  lag.disable();
  const used = (tid: string) => (threadsAfter.get(tid) ?? 0) - (threadsBefore.get(tid) ?? 0);
  const others = [...threadsAfter.keys()].filter((tid) => tid !== String(process.pid)).map(used);
  await cache.close();
  if (stored < messages * 0.99) throw new Error(`event-shaped: ${messages} messages sent, ${stored} stored`);
  const total = Object.values(trace.mix).reduce((a, b) => a + b, 0);
  return {
    messages: stored,
    events,
    msgsPerSecond: stored / seconds,
    eventsPerSecond: events / seconds,
    // Main thread and cache worker together, replay generation included: steadier than wall time on a busy machine.
    msgsPerCpuSecond: stored / ((cpu.user + cpu.system) / 1e6),
    lagP99Ms: Math.max(0, lag.percentile(99) / 1e6 - LAG_RESOLUTION_MS),
    mainThreadCpuSeconds: threadsAfter.size ? used(String(process.pid)) : NaN,
    workerThreadCpuSeconds: others.length ? Math.max(...others) : NaN,
    replaySeconds,
    mix: Object.entries(trace.mix)
      .sort((a, b) => b[1] - a[1])
      .map(([type, n]) => `${type} ${((100 * n) / total).toFixed(0)}%`)
      .join(', '),
  };
}

export interface SustainedResult {
  /** The rate asked for and the rate the replay really handed over (messages a second). */
  offeredMsgsPerSecond: number;
  achievedMsgsPerSecond: number;
  messages: number;
  seconds: number;
  /**
   * From the moment writes were handed to the recorder to the moment their commit was
   * acknowledged (on disk), per op: at most (the op's ack) - (the previous op's send),
   * since every event in an op came after the previous op left. p50/p95/max, ms.
   */
  durableLagP50Ms: number;
  durableLagP95Ms: number;
  durableLagMaxMs: number;
  /** Records sent and not yet on disk: the largest seen, and at the end of the window. */
  backlogMaxRecords: number;
  backlogEndRecords: number;
  /** From the last event to everything on disk. */
  drainMs: number;
  /** Share of one core the main thread and the cache worker used over the window (Linux; NaN elsewhere). */
  mainThreadBusyPercent: number;
  workerThreadBusyPercent: number;
  /** The verdict: the rate was handed over in full, and the cache stayed within a second of it. */
  keepsUp: boolean;
  /** What the supervisor was told when the cache refused writes (the window ended there). */
  refused?: string;
}

/** Lag and drain bounds of SustainedResult.keepsUp: the cache commits at most every 250 ms, plus a commit of ~100-200 ms. */
const KEEPS_UP_LAG_P95_MS = 1_000;
const KEEPS_UP_DRAIN_MS = 1_000;

/**
 * The demo's event mix handed to a real CacheRecorder at a fixed rate, as a contact center
 * producing `rate` messages a second would (with ~12 other events per message), for `seconds`.
 * What the user feels is whether the cache keeps up: every event on disk within a second,
 * no backlog growing until writes are refused. The saturation run (benchEventShaped) is the
 * other figure: how fast the cache goes when the core's thread also replays flat out.
 */
export async function benchEventShapedSustained(
  dir: string,
  trace: DemoTrace,
  rate: number,
  seconds: number,
  text: () => string,
): Promise<SustainedResult> {
  const path = join(dir, 'cache.sqlite');
  const { cache } = await openSessionCache({ path, keyStore: new FileKeyStore(join(dir, 'cache.key')) });
  const lags: number[] = [];
  let previousSend = performance.now();
  const timed: Pick<typeof cache, 'recordWrites'> = {
    recordWrites(writes) {
      const since = previousSend;
      previousSend = performance.now();
      return cache.recordWrites(writes).then((results) => {
        lags.push(performance.now() - since);
        return results;
      });
    },
  };
  const queues = new Map();
  // Past the cache's bound (MAX_IN_FLIGHT_ROWS) writes are refused and the supervisor is told:
  // that rate is not kept up with, and the window ends there.
  let refused: string | undefined;
  const recorder = new CacheRecorder(timed, () => 'demo', () => ({ id: 'sup-bench', name: 'Bench Supervisor' }), () => queues, () => Date.now(), silentLogger, (m) => {
    refused ??= m;
  });
  const threadsBefore = threadCpuSeconds();
  let messages = 0;
  let backlogMax = 0;
  const started = performance.now();
  const windowMs = seconds * 1000;
  previousSend = started;
  let elapsed = 0;
  replays: for (let k = 0; ; k++) {
    const shift = k * trace.spanMs;
    recorder.onConnectorEvent(replayed({ type: 'interactions', interactions: trace.initial }, k, shift, text));
    for (let start = 0; start < trace.events.length; start += EVENTS_PER_MADE) {
      const made = trace.events.slice(start, start + EVENTS_PER_MADE).map((e) => replayed(e, k, shift, text));
      for (let n = 0; n < made.length; n++) {
        const event = made[n]!;
        recorder.onConnectorEvent(event);
        if (event.type === 'messages') messages += event.messages.length;
        if ((n + 1) % EVENTS_PER_TURN === 0 || n + 1 === made.length) {
          await new Promise((r) => setImmediate(r));
          backlogMax = Math.max(backlogMax, cache.pendingRecords);
          // Ahead of the offered rate: wait until the clock catches up (a platform sends when things happen).
          for (;;) {
            elapsed = performance.now() - started;
            if (elapsed >= windowMs || refused !== undefined) break replays;
            if (messages < (rate * elapsed) / 1000) break;
            await new Promise((r) => setTimeout(r, 2));
            backlogMax = Math.max(backlogMax, cache.pendingRecords);
          }
        }
      }
    }
  }
  const threadsAtEnd = threadCpuSeconds();
  const backlogEnd = cache.pendingRecords;
  const lastEvent = performance.now();
  recorder.flush();
  const stored = (await cache.stats()).messages;
  const drainMs = performance.now() - lastEvent;
  await cache.close();
  if (refused === undefined && stored < messages * 0.99) throw new Error(`sustained: ${messages} messages sent, ${stored} stored`);
  const used = (tid: string) => (threadsAtEnd.get(tid) ?? 0) - (threadsBefore.get(tid) ?? 0);
  const others = [...threadsAtEnd.keys()].filter((tid) => tid !== String(process.pid)).map(used);
  const busy = (cpuSeconds: number) => (100 * cpuSeconds) / (elapsed / 1000);
  lags.sort((a, b) => a - b);
  const at = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] ?? NaN;
  const achieved = messages / (elapsed / 1000);
  return {
    offeredMsgsPerSecond: rate,
    achievedMsgsPerSecond: achieved,
    messages,
    seconds: elapsed / 1000,
    durableLagP50Ms: at(0.5),
    durableLagP95Ms: at(0.95),
    durableLagMaxMs: lags.at(-1) ?? NaN,
    backlogMaxRecords: backlogMax,
    backlogEndRecords: backlogEnd,
    drainMs,
    mainThreadBusyPercent: threadsAtEnd.size ? busy(used(String(process.pid))) : NaN,
    workerThreadBusyPercent: others.length ? busy(Math.max(...others)) : NaN,
    keepsUp: refused === undefined && achieved >= 0.98 * rate && at(0.95) <= KEEPS_UP_LAG_P95_MS && drainMs <= KEEPS_UP_DRAIN_MS,
    ...(refused !== undefined ? { refused } : {}),
  };
}
