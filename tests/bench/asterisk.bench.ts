// Asterisk connector benchmark: `npx tsx tests/bench/asterisk.bench.ts` (also run by `npm run bench`).
// Prints `name: value` lines; asserts nothing about timings.
//
//  - asterisk_parse_mb_per_s: the AMI frame parser on the recorded streams
//    (tests/fixtures/asterisk, repeated to ~20 MB) in 1,460-byte TCP-sized chunks;
//    with the same figure for a naive split on "\r\n\r\n" (no limits, whole
//    buffer) measured in the same run, and the ratio.
//  - asterisk_parse_long_line_ns_per_char_{1,8}mb: a hostile line without a
//    newline fed in 100-character chunks: the cost per character stays flat
//    (linear), memory stays at one frame.
//  - asterisk_model_apply_us_per_event / asterisk_derive_ms_<n>_calls: the
//    state model with <n> concurrent answered queue calls (synthetic events in
//    the recorded shapes), and one derive (what a publish costs).
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AmiFrameParser } from '../../main/contact-center/asterisk/amiFrameParser';
import { AsteriskModel } from '../../main/contact-center/asterisk/asteriskModel';

const CALLS = Number(process.env.ASTERISK_BENCH_CALLS ?? 2000);
const dir = path.join(__dirname, '../fixtures/asterisk');
const line = (name: string, value: number) => console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(3)}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function recordedStream(): string {
  let rx = '';
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl'))) {
    const chunks = readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { dir: string; data: string });
    // Each recording starts with the banner; keep only the first one.
    rx += chunks.filter((c) => c.dir === 'rx').map((c) => c.data).join('').replace(/^Asterisk Call Manager\/[^\r\n]*\r\n/, '');
  }
  return rx;
}

function benchParser(): void {
  const one = recordedStream();
  if (one.length === 0) return void console.log('asterisk_parse_mb_per_s: no recordings');
  const text = 'Asterisk Call Manager/13.0.0\r\n' + one.repeat(Math.max(1, Math.ceil(20e6 / one.length)));
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += 1460) chunks.push(text.slice(i, i + 1460));
  const ours: number[] = [];
  const naive: number[] = [];
  let frames = 0;
  for (let round = 0; round < 3; round++) {
    let t = performance.now();
    const p = new AmiFrameParser();
    frames = 0;
    for (const c of chunks) frames += p.push(c).length;
    ours.push(text.length / 1e6 / ((performance.now() - t) / 1000));
    t = performance.now();
    let buf = '';
    let n = 0;
    for (const c of chunks) {
      buf += c;
      const parts = buf.split('\r\n\r\n');
      buf = parts.pop() ?? '';
      for (const block of parts) {
        const fields: Record<string, string> = {};
        for (const l of block.split('\r\n')) {
          const i = l.indexOf(': ');
          if (i > 0) fields[l.slice(0, i)] = l.slice(i + 2);
        }
        n++;
      }
    }
    naive.push(text.length / 1e6 / ((performance.now() - t) / 1000));
    void n;
  }
  line('asterisk_parse_frames', frames);
  line('asterisk_parse_mb_per_s', median(ours));
  line('asterisk_parse_naive_split_mb_per_s', median(naive));
  line('asterisk_parse_vs_naive_ratio', median(ours) / median(naive));
}

function benchLongLine(): void {
  for (const mb of [1, 8]) {
    const p = new AmiFrameParser(() => undefined);
    p.push('Asterisk Call Manager/13.0.0\r\nEvent: Hostile\r\nData: ');
    const piece = 'x'.repeat(100);
    const n = (mb * 1e6) / 100;
    const t = performance.now();
    for (let i = 0; i < n; i++) p.push(piece);
    line(`asterisk_parse_long_line_ns_per_char_${mb}mb`, ((performance.now() - t) * 1e6) / (mb * 1e6));
  }
}

function benchModel(): void {
  const model = new AsteriskModel({ maxChannels: CALLS * 3, maxAgents: CALLS + 10, endedRetentionMs: 10_000 });
  const now = 1_800_000_000_000;
  const events: Record<string, string>[] = [{ Event: 'QueueParams', Queue: 'support', ServiceLevel: '30', Completed: '0', Abandoned: '0' }];
  for (let a = 0; a < CALLS; a++) events.push({ Event: 'QueueMember', Queue: 'support', Name: `Agent ${a}`, Location: `PJSIP/${10000 + a}`, StateInterface: `PJSIP/${10000 + a}`, Status: '1', Paused: '0' });
  for (let c = 0; c < CALLS; c++) {
    const caller = { Channel: `PJSIP/pstn-${c.toString(16).padStart(8, '0')}`, Uniqueid: `1800000000.${2 * c}`, Linkedid: `1800000000.${2 * c}`, ChannelStateDesc: 'Up', CallerIDNum: `+1555${c}`, CallerIDName: `Caller ${c}` };
    const agent = { Channel: `PJSIP/${10000 + c}-${c.toString(16).padStart(8, '0')}`, Uniqueid: `1800000000.${2 * c + 1}`, Linkedid: caller.Uniqueid, ChannelStateDesc: 'Up', CallerIDName: `Agent ${c}` };
    const dest = Object.fromEntries(Object.entries(agent).map(([k, v]) => [`Dest${k}`, v]));
    events.push({ Event: 'Newchannel', ...caller, ChannelStateDesc: 'Ring' });
    events.push({ Event: 'QueueCallerJoin', ...caller, Queue: 'support', Position: '1', Count: '1' });
    events.push({ Event: 'Newchannel', ...agent, ChannelStateDesc: 'Down' });
    events.push({ Event: 'AgentCalled', ...caller, ...dest, Queue: 'support', Interface: `PJSIP/${10000 + c}` });
    events.push({ Event: 'Newstate', ...agent });
    events.push({ Event: 'QueueCallerLeave', ...caller, Queue: 'support', Count: '0' });
    events.push({ Event: 'AgentConnect', ...caller, ...dest, Queue: 'support', Interface: `PJSIP/${10000 + c}`, HoldTime: '3' });
    events.push({ Event: 'BridgeEnter', ...agent, BridgeUniqueid: `bridge-${c}` });
    events.push({ Event: 'BridgeEnter', ...caller, BridgeUniqueid: `bridge-${c}` });
  }
  let t = performance.now();
  for (const e of events) model.apply(e, now);
  line('asterisk_model_apply_us_per_event', ((performance.now() - t) * 1000) / events.length);
  const derives: number[] = [];
  let calls = 0;
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    calls = model.derive(now).interactions.length;
    derives.push(performance.now() - t);
  }
  line('asterisk_live_calls', calls);
  line(`asterisk_derive_ms_${CALLS}_calls`, median(derives));
  // The connector publishes at most every max(100 ms, 4 x publish time): its CPU share bound.
  line('asterisk_publish_interval_ms', Math.max(100, Math.min(2000, 4 * median(derives))));
}

benchParser();
benchLongLine();
benchModel();
