// Session cache benchmark: `npm run bench:cache` (BENCH_MESSAGES=50000 BENCH_ROUNDS=1 for a smoke run,
// BENCH_MESSAGES=0 for only the hostile-input lines: redaction_*, export_hostile_*;
// BENCH_ROUNDS=0 for only the event-shaped lines and the hostile-input ones).
// Prints `name: value` lines. Ingest goes through the real SessionCache (worker
// thread, redaction, AES-GCM blocks, FTS5, whole-file encryption, synchronous=FULL);
// the plain baseline is a better-sqlite3 insert loop into one unencrypted table, same
// rows, same commit size. cache_encrypted_vs_plain_ingest_ratio compares the same
// cache code on an unencrypted file (cache_unencrypted_ingest_msgs_per_s), per round.
// Two ingest shapes: burst (cache_ingest_*: 250 messages a call, 128 calls queued:
// the worker's best case) and event-shaped (cache_event_shaped_*: the production
// path, CacheRecorder.onConnectorEvent once per connector event at the demo's
// event mix, see cacheEventShaped.ts; BENCH_EVENT_MESSAGES, default 100,000), flat out
// (cache_event_shaped_msgs_per_s: the replay and the worker share the two cores) and at
// fixed offered rates (cache_event_shaped_sustained_<rate>_*: BENCH_SUSTAINED_RATES,
// default 20000,25000, BENCH_SUSTAINED_SECONDS each, default 10).
// Search runs warm (right after ingest, same process) and cold (the file closed
// and opened again: a new worker, empty SQLite caches; the OS file cache stays).
import Database from '../../main/cache/sqlite';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';
import { FileKeyStore } from '../../main/cache/keyStore';
import { openSessionCache } from '../../main/cache/SessionCache';
import type { InteractionRecord, TranscriptMessageRecord } from '../../main/cache/types';
import { benchEventShaped, benchEventShapedSustained, recordDemoTrace } from './cacheEventShaped';
import { benchHostileInput } from './cacheHostileInput';

const TOTAL = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const EVENT_SHAPED_MESSAGES = Number(process.env.BENCH_EVENT_MESSAGES ?? 100_000);
// Messages per recordMessages() call, and per turn of the event loop: a connector
// hands over events in small bursts. (Generating 1,000 synthetic messages takes this
// bench ~7 ms of main-thread time per turn, which then showed up as the cache's lag.)
const PER_CALL = 250;
const PER_INTERACTION = 50;
// Calls awaiting acknowledgement at once: 32,000 messages, so the worker commits up to
// its 20,000-row limit per transaction during a burst (much cheaper per row than small commits).
const IN_FLIGHT = 128;
const SEARCHES = 300;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Offered rates (messages a second) of the sustained event-shaped runs, and how long each runs. */
const SUSTAINED_RATES = (process.env.BENCH_SUSTAINED_RATES ?? '20000,25000').split(',').map(Number).filter((n) => n > 0);
const SUSTAINED_SECONDS = Number(process.env.BENCH_SUSTAINED_SECONDS ?? 10);
const RETENTION_DAYS = 30;
const LAG_RESOLUTION_MS = 5;
const PLAIN_COMMIT_ROWS = 20_000;
const T0 = Date.UTC(2026, 10, 1);

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = `the a to and i you my is it for of in on order refund delivery card account please thanks hello help
  can we be have not this with your when will was but at number payment issue problem today tomorrow email address
  password reset cancel subscription invoice package tracking late broken replace return store price discount`.split(/\s+/);

function makeVocabulary(random: () => number): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vo', 'zi', 'pa', 'de', 'gro', 'shi', 'tan', 'bel'];
  const words = new Set<string>();
  while (words.size < 5_000) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += syllables[Math.floor(random() * syllables.length)];
    words.add(w);
  }
  return [...COMMON, ...words];
}

/** Zipf-ish: low indexes (common words) far more often. */
function pickWord(vocab: string[], random: () => number): string {
  return vocab[Math.floor(vocab.length * random() ** 3)]!;
}

function* messageChunks(vocab: string[], seed: number): Generator<{ interactions: InteractionRecord[]; messages: TranscriptMessageRecord[] }> {
  const random = rng(seed);
  for (let start = 0; start < TOTAL; start += PER_CALL) {
    const interactions: InteractionRecord[] = [];
    const messages: TranscriptMessageRecord[] = [];
    for (let n = start; n < Math.min(TOTAL, start + PER_CALL); n++) {
      const ix = Math.floor(n / PER_INTERACTION);
      const at = T0 + n * 1_000;
      if (n % PER_INTERACTION === 0) {
        interactions.push({
          id: `int-${ix}`,
          channel: ix % 3 === 0 ? 'webMessaging' : ix % 3 === 1 ? 'sms' : 'chat',
          queueId: `q-${ix % 12}`,
          queueName: `Queue ${ix % 12}`,
          agents: [{ id: `agent-${ix % 150}`, name: `Agent ${ix % 150}` }],
          customerName: `Customer ${ix}`,
          state: 'connected',
          startedAt: at,
          monitoredByMe: ix % 5 === 0,
          lastSeenAt: at + PER_INTERACTION * 1_000,
        });
      }
      const words: string[] = [];
      const len = 5 + Math.floor(random() * 20);
      for (let w = 0; w < len; w++) words.push(pickWord(vocab, random));
      if (n % 200 === 0) words.push('card', '4111', '1111', '1111', '1111');
      messages.push({
        interactionId: `int-${ix}`,
        messageId: `m-${n}`,
        senderKind: n % 2 === 0 ? 'customer' : 'agent',
        senderName: n % 2 === 0 ? `Customer ${ix}` : `Agent ${ix % 150}`,
        at,
        channel: 'webMessaging',
        body: words.join(' '),
      });
    }
    yield { interactions, messages };
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function fileBytes(path: string): number {
  let total = 0;
  for (const s of ['', '-wal']) {
    try {
      total += statSync(path + s).size;
    } catch {
      // absent
    }
  }
  return total;
}

async function benchCache(dir: string, vocab: string[], withSearch: boolean, pageEncryption = true) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'cache.sqlite');
  let clock = Date.now();
  let { cache } = await openSessionCache({ path, keyStore: new FileKeyStore(join(dir, 'cache.key')), now: () => clock, pageEncryption });
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  const inFlight: Promise<void>[] = [];
  lag.enable();
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (const chunk of messageChunks(vocab, 42)) {
    for (const i of chunk.interactions) void cache.recordInteraction(i);
    inFlight.push(cache.recordMessages(chunk.messages));
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    // Yield after every chunk, as a connector's events would arrive: otherwise one batch of
    // acks lets this loop generate many chunks in a single turn and the lag is the bench's own.
    await new Promise((r) => setImmediate(r));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  lag.disable();

  const warm = withSearch ? await searches(cache, vocab, 10) : { latencies: [], cpuLatencies: [], firstMs: NaN };
  const { latencies, cpuLatencies } = warm;
  // Cold: the supervisor opens Spyglass later and searches first thing.
  let cold: Awaited<ReturnType<typeof searches>> | null = null;
  if (withSearch) {
    await cache.close();
    ({ cache } = await openSessionCache({ path, keyStore: new FileKeyStore(join(dir, 'cache.key')), now: () => clock }));
    cold = await searches(cache, vocab, 0);
  }

  // Retention of the oldest 10%: their index rows are removed with their exact text, read back
  // from the encrypted blocks, then the space is given back.
  const bytesPer1000 = fileBytes(path) / (TOTAL / 1000); // before the purge below
  let purge: { ms: number; messages: number } | null = null;
  if (withSearch) {
    const purgedMessages = Math.floor(TOTAL / 10 / PER_INTERACTION) * PER_INTERACTION;
    const before = (await cache.stats()).messages;
    // An interaction's last activity is the time of its last message + 1 s (see messageChunks).
    clock = T0 + purgedMessages * 1_000 + 1 + RETENTION_DAYS * 86_400_000;
    const t = performance.now();
    await cache.purge(RETENTION_DAYS);
    const ms = performance.now() - t;
    const removed = before - (await cache.stats()).messages;
    if (removed !== purgedMessages) throw new Error(`Purge removed ${removed} messages, expected ${purgedMessages}.`);
    purge = { ms, messages: removed };
  }
  await cache.close();
  return {
    msgsPerSecond: TOTAL / seconds,
    // Includes generating the messages on the main thread (the bench's own work), so a lower bound.
    msgsPerCpuSecond: TOTAL / ((cpu.user + cpu.system) / 1e6),
    searchCpuP95Ms: percentile(cpuLatencies, 95),
    lagP99Ms: lagP99(lag),
    searchP95Ms: percentile(latencies, 95),
    coldSearchP95Ms: cold ? percentile(cold.latencies, 95) : NaN,
    coldFirstSearchMs: cold?.firstMs ?? NaN,
    purge,
    bytesPer1000,
  };
}

/** The same query sequence every time (seeded): `warmUp` queries first, not counted. */
async function searches(cache: Awaited<ReturnType<typeof openSessionCache>>['cache'], vocab: string[], warmUp: number) {
  const random = rng(7);
  const latencies: number[] = [];
  const cpuLatencies: number[] = [];
  let firstMs = NaN;
  for (let i = 0; i < SEARCHES + warmUp; i++) {
    const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pickWord(vocab, random));
    // The user is often mid-word: prefix on the last word.
    const last = words.length - 1;
    if (random() < 0.5 && words[last]!.length > 3) words[last] = words[last]!.slice(0, 3);
    const t = performance.now();
    const c = process.cpuUsage();
    await cache.search({ text: words.join(' '), limit: 50 });
    const used = process.cpuUsage(c);
    if (i === 0) firstMs = performance.now() - t;
    if (i >= warmUp) {
      latencies.push(performance.now() - t);
      // Process CPU (main + worker): what the search costs, without waiting for a busy CPU.
      cpuLatencies.push((used.user + used.system) / 1000);
    }
  }
  latencies.sort((a, b) => a - b);
  cpuLatencies.sort((a, b) => a - b);
  return { latencies, cpuLatencies, firstMs };
}

/** Message text as in burst mode: Zipf-ish words, a card number now and then (redaction has work). */
function eventText(vocab: string[]): () => string {
  const random = rng(99);
  let n = 0;
  return () => {
    const words: string[] = [];
    const len = 5 + Math.floor(random() * 20);
    for (let w = 0; w < len; w++) words.push(pickWord(vocab, random));
    if (n++ % 200 === 0) words.push('card', '4111', '1111', '1111', '1111');
    return words.join(' ');
  };
}

function benchPlain(dir: string, vocab: string[]) {
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, 'plain.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE messages (id INTEGER PRIMARY KEY, interaction_id TEXT, message_id TEXT, sender_kind TEXT,
    sender_name TEXT, at INTEGER, channel TEXT, body TEXT)`);
  const insert = db.prepare(
    'INSERT INTO messages (interaction_id, message_id, sender_kind, sender_name, at, channel, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMany = db.transaction((rows: TranscriptMessageRecord[]) => {
    for (const m of rows) insert.run(m.interactionId, m.messageId, m.senderKind, m.senderName, m.at, m.channel, m.body);
  });
  let pending: TranscriptMessageRecord[] = [];
  let insertMs = 0;
  let insertCpuUs = 0;
  const timed = (rows: TranscriptMessageRecord[]) => {
    const c = process.cpuUsage();
    const t = performance.now();
    insertMany(rows);
    insertMs += performance.now() - t;
    const used = process.cpuUsage(c);
    insertCpuUs += used.user + used.system;
  };
  for (const chunk of messageChunks(vocab, 42)) {
    pending.push(...chunk.messages);
    if (pending.length >= PLAIN_COMMIT_ROWS) {
      timed(pending);
      pending = [];
    }
  }
  timed(pending);
  db.close();
  return { msgsPerSecond: TOTAL / (insertMs / 1000), msgsPerCpuSecond: TOTAL / (insertCpuUs / 1e6) };
}

/**
 * monitorEventLoopDelay() records the time between its timer's runs, so an idle loop
 * reads about the resolution (10 ms at resolution 10). Lag is what comes on top.
 */
function lagP99(h: IntervalHistogram): number {
  return Math.max(0, h.percentile(99) / 1e6 - LAG_RESOLUTION_MS);
}

/** Lag with the loop idle, same machine, same moment: separates CPU contention from our own stalls. */
async function idleLagP99Ms(): Promise<number> {
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  lag.enable();
  await new Promise((r) => setTimeout(r, 2_000));
  lag.disable();
  return lagP99(lag);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main() {
  await benchHostileInput();
  if (TOTAL === 0) return;
  const dir = mkdtempSync(join(tmpdir(), 'spyglass-cache-bench-'));
  try {
    const vocab = makeVocabulary(rng(1));
    const loadBefore = loadavg()[0] ?? NaN;
    const idleLag = await idleLagP99Ms();
    // Several rounds, plain and cache alternating, each on a fresh file: this machine is
    // shared and one run can be 20% off. Medians are reported, with the spread.
    const plains: ReturnType<typeof benchPlain>[] = [];
    const caches: Awaited<ReturnType<typeof benchCache>>[] = [];
    // The same cache code on an unencrypted file: what whole-file encryption costs (issue 11).
    const unencrypted: Awaited<ReturnType<typeof benchCache>>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      plains.push(benchPlain(join(dir, `plain-${round}`), vocab));
      unencrypted.push(await benchCache(join(dir, `unencrypted-${round}`), vocab, false, false));
      caches.push(await benchCache(join(dir, `cache-${round}`), vocab, round === ROUNDS - 1));
    }
    const rates = caches.map((c) => c.msgsPerSecond);
    const last = caches.at(-1);
    // BENCH_ROUNDS=0: only the event-shaped lines (a quick run while working on the recorder path).
    if (last) {
      console.log(`cache_bench_messages: ${TOTAL}`);
      console.log(`cache_bench_rounds: ${ROUNDS}`);
      console.log(`cache_ingest_msgs_per_s: ${Math.round(median(rates))}`);
      console.log(`cache_ingest_msgs_per_s_min: ${Math.round(Math.min(...rates))}`);
      console.log(`cache_ingest_msgs_per_s_max: ${Math.round(Math.max(...rates))}`);
      console.log(`cache_plain_insert_msgs_per_s: ${Math.round(median(plains.map((p) => p.msgsPerSecond)))}`);
      // Each round's ratio uses the plain run just before it.
      console.log(`cache_ingest_vs_plain_ratio: ${median(caches.map((c, i) => c.msgsPerSecond / plains[i]!.msgsPerSecond)).toFixed(3)}`);
      console.log(`cache_unencrypted_ingest_msgs_per_s: ${Math.round(median(unencrypted.map((u) => u.msgsPerSecond)))}`);
      // Per round (alternating, same load), then the median: encrypted file / same code, unencrypted file.
      console.log(`cache_encrypted_vs_plain_ingest_ratio: ${median(caches.map((c, i) => c.msgsPerSecond / unencrypted[i]!.msgsPerSecond)).toFixed(3)}`);
      // The same per CPU second of the process (worker included): steadier on a loaded, shared machine.
      console.log(`cache_encrypted_vs_plain_ingest_cpu_ratio: ${median(caches.map((c, i) => c.msgsPerCpuSecond / unencrypted[i]!.msgsPerCpuSecond)).toFixed(3)}`);
      console.log(`cache_search_p95_ms: ${last.searchP95Ms.toFixed(2)}`);
      console.log(`cache_search_warm_p95_ms: ${last.searchP95Ms.toFixed(2)}`);
      console.log(`cache_search_cold_p95_ms: ${last.coldSearchP95Ms.toFixed(2)}`);
      console.log(`cache_search_cold_first_ms: ${last.coldFirstSearchMs.toFixed(2)}`);
      console.log(`cache_bytes_per_1000_msgs: ${Math.round(last.bytesPer1000)}`);
      if (last.purge) {
        console.log(`cache_purge_messages: ${last.purge.messages}`);
        console.log(`cache_purge_ms: ${Math.round(last.purge.ms)}`);
      }
      // The worst round, not the median: a stall is a stall.
      console.log(`cache_event_loop_lag_p99_ms: ${Math.max(...caches.map((c) => c.lagP99Ms)).toFixed(2)}`);
      console.log(`cache_event_loop_lag_idle_p99_ms: ${idleLag.toFixed(2)}`);
      // Context for the wall-clock numbers above: this machine is shared.
      console.log(`cache_search_cpu_p95_ms: ${last.searchCpuP95Ms.toFixed(2)}`);
      console.log(`cache_ingest_msgs_per_cpu_s: ${Math.round(median(caches.map((c) => c.msgsPerCpuSecond)))}`);
      console.log(`cache_plain_insert_msgs_per_cpu_s: ${Math.round(median(plains.map((p) => p.msgsPerCpuSecond)))}`);
    }
    console.log(`cache_bench_loadavg_1m_before: ${loadBefore.toFixed(2)}`);
    if (EVENT_SHAPED_MESSAGES > 0) {
      const trace = await recordDemoTrace();
      const shaped = await benchEventShaped(join(dir, 'event-shaped'), trace, EVENT_SHAPED_MESSAGES, eventText(vocab));
      console.log(`# event-shaped: CacheRecorder, one call per connector event; demo event mix: ${shaped.mix}`);
      console.log(`cache_event_shaped_messages: ${shaped.messages}`);
      console.log(`cache_event_shaped_events: ${shaped.events}`);
      console.log(`cache_event_shaped_msgs_per_s: ${Math.round(shaped.msgsPerSecond)}`);
      console.log(`cache_event_shaped_events_per_s: ${Math.round(shaped.eventsPerSecond)}`);
      console.log(`cache_event_shaped_msgs_per_cpu_s: ${Math.round(shaped.msgsPerCpuSecond)}`);
      if (last) console.log(`cache_event_shaped_vs_burst_ratio: ${(shaped.msgsPerSecond / median(rates)).toFixed(3)}`);
      console.log(`cache_event_shaped_event_loop_lag_p99_ms: ${shaped.lagP99Ms.toFixed(2)}`);
      // Which side limits the rate: the core's thread (recorder, posting to the worker; the replay too) or the cache worker.
      console.log(`cache_event_shaped_main_thread_cpu_s: ${shaped.mainThreadCpuSeconds.toFixed(2)}`);
      console.log(`cache_event_shaped_worker_thread_cpu_s: ${shaped.workerThreadCpuSeconds.toFixed(2)}`);
      // The main thread's figure without the bench's own replay generation: what caching costs the core's thread.
      console.log(`cache_event_shaped_main_thread_replay_s: ${shaped.replaySeconds.toFixed(2)}`);
      console.log(`cache_event_shaped_main_thread_product_cpu_s: ${(shaped.mainThreadCpuSeconds - shaped.replaySeconds).toFixed(2)}`);
      // The same mix handed over at a fixed rate, as a site producing that many messages a second would:
      // does the cache keep up (everything on disk within a second, no growing backlog)?
      for (const rate of SUSTAINED_RATES) {
        const s = await benchEventShapedSustained(join(dir, `sustained-${rate}`), trace, rate, SUSTAINED_SECONDS, eventText(vocab));
        const name = `cache_event_shaped_sustained_${rate}`;
        console.log(`# sustained ${rate} msg/s for ${s.seconds.toFixed(1)} s: keeps up = achieved >= 98 % of offered, durable lag p95 and drain <= 1 s; loadavg ${(loadavg()[0] ?? NaN).toFixed(2)}`);
        console.log(`${name}_achieved_msgs_per_s: ${Math.round(s.achievedMsgsPerSecond)}`);
        console.log(`${name}_durable_lag_p50_ms: ${Math.round(s.durableLagP50Ms)}`);
        console.log(`${name}_durable_lag_p95_ms: ${Math.round(s.durableLagP95Ms)}`);
        console.log(`${name}_durable_lag_max_ms: ${Math.round(s.durableLagMaxMs)}`);
        console.log(`${name}_backlog_max_records: ${s.backlogMaxRecords}`);
        console.log(`${name}_backlog_end_records: ${s.backlogEndRecords}`);
        console.log(`${name}_drain_ms: ${Math.round(s.drainMs)}`);
        console.log(`${name}_main_thread_busy_percent: ${s.mainThreadBusyPercent.toFixed(0)}`);
        console.log(`${name}_worker_thread_busy_percent: ${s.workerThreadBusyPercent.toFixed(0)}`);
        if (s.refused) console.log(`# sustained ${rate}: the cache refused writes after ${s.seconds.toFixed(1)} s: ${s.refused}`);
        console.log(`${name}_keeps_up: ${s.keepsUp ? 1 : 0}`);
      }
    }
    console.log(`cache_bench_loadavg_1m_after: ${(loadavg()[0] ?? NaN).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
