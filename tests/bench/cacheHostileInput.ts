// Part of `npm run bench:cache`: what hostile text costs the cache (issue 10).
// Redaction runs on every message in the cache worker; an export runs in the
// same worker. Prints `name: value` lines.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { CacheDatabase } from '../../main/cache/CacheDatabase';
import { redactCardNumbers } from '../../main/cache/redaction';

const MB = 1_000_000;
const T0 = Date.UTC(2026, 10, 1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** MB/s of redactCardNumbers over `text`, wall clock and CPU: medians of 7 runs after 5 warm-up runs (JIT). */
function redactionRate(text: string): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 12; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    redactCardNumbers(text);
    const used = process.cpuUsage(c);
    if (i >= 5) {
      wall.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  const mb = text.length / MB;
  return { wall: mb / (median(wall) / 1000), cpu: mb / (median(cpu) / 1000) };
}

function seededDigits(seed: number): () => number {
  let a = seed;
  return () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return (a >>> 16) % 10;
  };
}

/** 1 MB of four-digit groups with random digits, as in a chat full of numbers: every group starts windows to check. */
function digitGroups(): string {
  const next = seededDigits(1);
  const groups: string[] = [];
  for (let n = 0; n < MB / 5; n++) groups.push(`${next()}${next()}${next()}${next()}`);
  return `${groups.join(' ')} `;
}

/** Single digits with mixed separators and no Luhn-valid window: the most windows per character, none ends the search. */
function pathologicalDigits(): string {
  const next = seededDigits(2);
  const digits: number[] = [];
  const separators = [' ', '.', '\u00a0', '\u200b', '-'];
  let text = '';
  while (text.length < MB) {
    let d = next();
    const forbidden = new Set<number>();
    for (let length = 13; length <= 19 && length - 1 <= digits.length; length++) {
      let rest = 0;
      for (let k = 1; k < length; k++) {
        const v = digits[digits.length - k]!;
        rest += k % 2 === 1 ? (v > 4 ? v * 2 - 9 : v * 2) : v;
      }
      forbidden.add((10 - (rest % 10)) % 10);
    }
    while (forbidden.has(d)) d = (d + 1) % 10;
    digits.push(d);
    text += d + separators[digits.length % separators.length]!;
  }
  return text;
}

function prose(): string {
  return 'Hello, my order 4471 has not arrived; I paid 23.50 on the 12th, tracking 1Z999AA1 says held. '.repeat(MB / 94);
}

/** One conversation holding a 1 MB token, 100k characters of zalgo and 100k zero-width characters. */
function hostileCache(): CacheDatabase {
  const marks = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i));
  let zalgo = '';
  for (let i = 0; zalgo.length < 100_000; i++) zalgo += `Z${Array.from({ length: 15 }, (_, j) => marks[(i * 15 + j) % marks.length]).join('')}`;
  const { cache } = CacheDatabase.open({ path: ':memory:', key: randomBytes(32), now: T0 });
  const base = { interactionId: 'hostile', senderName: 'Customer', at: T0, channel: 'chat' as const };
  cache.applyWrites(
    [
      {
        kind: 'interaction',
        record: {
          id: 'hostile',
          channel: 'chat',
          queueId: 'q',
          queueName: 'Q',
          agents: [],
          customerName: 'Customer',
          state: 'connected',
          startedAt: T0,
          endedAt: null,
          monitoredByMe: false,
          lastSeenAt: T0,
        },
      },
      {
        kind: 'messages',
        records: [
          { ...base, messageId: 'token', senderKind: 'customer', body: 'x'.repeat(MB) },
          { ...base, messageId: 'zalgo', senderKind: 'customer', body: zalgo.slice(0, 100_000) },
          { ...base, messageId: 'zero-width', senderKind: 'customer', body: '\u200b\u200d\ufeff\u2060'.repeat(25_000) },
        ],
      },
    ],
    T0,
  );
  return cache;
}

export async function benchHostileInput(): Promise<void> {
  // First, while the process is small: maxRSS is the peak since the start, so its growth is the export's.
  const cache = hostileCache();
  global.gc?.();
  const peakBefore = process.resourceUsage().maxRSS;
  let t = performance.now();
  const pdf = await cache.exportInteraction('hostile', 'pdf', { now: T0, timeZone: 'UTC' });
  const pdfMs = performance.now() - t;
  const peakMb = (process.resourceUsage().maxRSS - peakBefore) / 1024;
  t = performance.now();
  await cache.exportInteraction('hostile', 'text', { now: T0, timeZone: 'UTC' });
  const textMs = performance.now() - t;
  cache.close();
  console.log(`export_hostile_pdf_ms: ${Math.round(pdfMs)}`);
  console.log(`export_hostile_pdf_mb: ${Math.round(peakMb)}`);
  console.log(`export_hostile_pdf_bytes: ${pdf.data.length}`);
  console.log(`export_hostile_text_ms: ${Math.round(textMs)}`);

  const groups = redactionRate(digitGroups());
  const pathological = redactionRate(pathologicalDigits());
  console.log(`redaction_mb_per_s: ${groups.wall.toFixed(1)}`);
  console.log(`redaction_pathological_mb_per_s: ${pathological.wall.toFixed(1)}`);
  console.log(`redaction_cards_mb_per_s: ${redactionRate('4111 1111 1111 1111 '.repeat(MB / 20)).wall.toFixed(1)}`);
  console.log(`redaction_prose_mb_per_s: ${redactionRate(prose()).wall.toFixed(1)}`);
  // Context for the wall-clock rates: this machine is shared.
  console.log(`redaction_mb_per_cpu_s: ${groups.cpu.toFixed(1)}`);
  console.log(`redaction_pathological_mb_per_cpu_s: ${pathological.cpu.toFixed(1)}`);
  console.log(`hostile_bench_loadavg_1m: ${(loadavg()[0] ?? NaN).toFixed(2)}`);
}
