// Manual proof on a real Asterisk (issue 16 item 5) — NOT part of `npm test`
// (CI has no Asterisk). Drives a running Spyglass web host with Chromium and
// the lab Asterisk of docs/asterisk (customer calls from sipp, agents on
// baresip, another supervisor on baresip), and prints one JSON line per step
// with what the UI showed and what was on the wire.
//
// Prerequisites (see docs/asterisk/proof-2026-12-01.md for the full run):
//  - the lab Asterisk and its phones running (ports of docs/asterisk/*.conf);
//  - the web host started with a policy for connector "asterisk" and profile
//    "asterisk-chanspy", e.g.
//      SPYGLASS_AMI_SECRET=… SPYGLASS_SIP_PASSWORD=… node --import tsx \
//        main/web-host/cli.ts --user-data DIR --policy policy.json > host.log
//  - as root, the RTP sniffer: python3 tests/manual/rtp-tone-sniffer.py > rtp.jsonl
//    (Chromium's fake microphone plays a 1200 Hz tone, the customer 350 Hz,
//    agent 1001 440 Hz, 1002 550 Hz, 1003 660 Hz).
//
// Usage: node tests/manual/asterisk-proof.mjs --host-log host.log --rtp rtp.jsonl \
//          --tone tone1200.wav [--only steps,comma,separated]
/* global window, AudioContext, MediaStream -- page.evaluate / addInitScript bodies run in the page */
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { phone, customerCall, adminSession, sleep } from '../fixtures/asterisk/record/lab.mjs';

const { values: opt } = parseArgs({
  options: {
    'host-log': { type: 'string' },
    rtp: { type: 'string' },
    tone: { type: 'string' },
    only: { type: 'string' },
    'ast-conf': { type: 'string', default: '/work/asterisk-lab/prefix/etc/asterisk/asterisk.conf' },
    'ast-bin': { type: 'string', default: '/work/asterisk-lab/prefix/sbin/asterisk' },
  },
});
const only = opt.only ? new Set(opt.only.split(',')) : undefined;
const want = (step) => !only || only.has(step);

const out = (step, data) => console.log(JSON.stringify({ at: new Date().toISOString(), step, ...data }));
const cli = (cmd) => execFileSync(opt['ast-bin'], ['-C', opt['ast-conf'], '-rx', cmd], { encoding: 'utf8' });
const channels = () => cli('core show channels concise').trim().split('\n').filter(Boolean).map((l) => l.split('!').slice(0, 6).join('!'));

/** RTP tone windows from the sniffer's file, between two wall-clock times (ms). */
function rtpWindows(fromMs, toMs) {
  if (!opt.rtp) return [];
  return fs
    .readFileSync(opt.rtp, 'utf8')
    .split('\n')
    .flatMap((l) => {
      try {
        const w = JSON.parse(l);
        return w.t * 1000 >= fromMs && w.t * 1000 <= toMs ? [w] : [];
      } catch {
        return [];
      }
    });
}
/** Per flow: windows, packets, and the median amplitude of each tone. */
function toneSummary(fromMs, toMs) {
  const by = {};
  for (const w of rtpWindows(fromMs, toMs)) (by[w.flow] ??= []).push(w);
  const med = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.floor(s.length / 2)] : 0;
  };
  return Object.fromEntries(
    Object.entries(by).map(([flow, ws]) => [
      flow,
      {
        windows: ws.length,
        pkts: ws.reduce((n, w) => n + w.pkts, 0),
        ...Object.fromEntries(Object.keys(ws[0]).filter((k) => k.startsWith('hz')).map((k) => [k, med(ws.map((w) => w[k]))])),
      },
    ]),
  );
}
/** First sniffer window after fromMs in which `flow` carries the supervisor's 1200 Hz. */
function first1200(flow, fromMs, toMs) {
  const w = rtpWindows(fromMs, toMs).find((x) => x.flow === flow && x.hz1200 > 0.01);
  return w ? Math.round(w.t * 1000 - fromMs) : undefined;
}

const url = fs.readFileSync(opt['host-log'], 'utf8').match(/running at (\S+)/)[1];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    ...(opt.tone ? [`--use-file-for-fake-audio-capture=${opt.tone}`] : []),
    '--autoplay-policy=no-user-gesture-required',
  ],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
// What the supervisor hears: keep the page's remote tracks to analyse them (the leg is SRTP on the wire).
await page.addInitScript(() => {
  const Orig = window.RTCPeerConnection;
  window.__remoteTracks = [];
  function Wrapped(...args) {
    const pc = new Orig(...args);
    pc.addEventListener('track', (e) => window.__remoteTracks.push(e.track));
    return pc;
  }
  Wrapped.prototype = Orig.prototype;
  Object.setPrototypeOf(Wrapped, Orig);
  window.RTCPeerConnection = Wrapped;
});
/** dB (FFT, 1 s) at each lab tone in the newest live remote track: what the supervisor hears. */
const supervisorHears = () =>
  page.evaluate(async () => {
    const track = window.__remoteTracks.filter((t) => t.kind === 'audio' && t.readyState === 'live').at(-1);
    if (!track) return null;
    const ctx = new AudioContext();
    const an = ctx.createAnalyser();
    an.fftSize = 16384;
    an.smoothingTimeConstant = 0.8;
    ctx.createMediaStreamSource(new MediaStream([track])).connect(an);
    await new Promise((r) => setTimeout(r, 1200));
    const data = new Float32Array(an.frequencyBinCount);
    an.getFloatFrequencyData(data);
    const binHz = ctx.sampleRate / an.fftSize;
    const at = (f) => Math.round(Math.max(...[-2, -1, 0, 1, 2].map((d) => data[Math.round(f / binHz) + d])));
    const res = Object.fromEntries([350, 440, 550, 660, 770, 880, 1000, 1200].map((f) => [`db${f}`, at(f)]));
    await ctx.close();
    return res;
  });
const admin = await adminSession();
const origWait = admin.waitFor.bind(admin);

const text = async (loc) => (await loc.innerText({ timeout: 500 }).catch(() => '')).replace(/\s*\n\s*/g, ' | ');
const statusBar = () => text(page.locator('footer.status-bar'));
const toolbar = page.getByRole('region', { name: 'Monitoring toolbar' });
const level = (name) => page.locator(`meter[data-meter="${name}"]`).first().evaluate((m) => Number(m.value)).catch(() => 0);
const nav = async (name) => {
  await page.getByRole('button', { name, exact: true }).or(page.getByRole('link', { name, exact: true })).or(page.getByRole('tab', { name, exact: true })).first().click();
  await sleep(700);
};
const agentRow = (name) => text(page.getByRole('row').filter({ hasText: name }).first());
async function waitUntil(fn, timeoutMs, everyMs = 20) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const v = await fn();
    if (v) return v;
    await sleep(everyMs);
  }
  return undefined;
}
const noticeTexts = () => text(page.getByTestId('toasts'));
const trouble = async () => ({
  toolbar: await text(page.getByTestId('toolbar-monitor-trouble')),
  statusBar: await text(page.getByTestId('status-monitor-trouble')),
});
const AGENTS = ['1001', '1002', '1003', '1004'];
const answerMode = async (mode) => {
  for (const ext of AGENTS) await phone(ext, 'answermode', mode).catch(() => {});
};

try {
  await page.goto(url);
  const ready = await waitUntil(async () => /Phone: ready/.test(await statusBar()) && /contact center: online/.test(await statusBar()), 30_000, 200);
  out('start', { ready: !!ready, statusBar: await statusBar() });

  // My own status gates monitoring: be Available.
  await page.getByLabel('My status').selectOption('Available').catch(() => {});

  await nav('Agents');
  out('agents', { rows: await Promise.all(['Alex Kim', 'Maria Lopez', 'Sam Patel', 'Jordan Lee'].map(agentRow)) });
  await nav('Queue activity');
  out('queues', { table: await text(page.getByRole('table').first()) });

  // --- a caller who gives up while waiting (abandoned)
  if (want('abandon')) {
    await answerMode('manual');
    const abandoned = origWait((m) => m.Event === 'QueueCallerAbandon', 20_000);
    const c = customerCall({ did: '8005550199', name: 'Pat Quinn', number: '+14155550777', hangupAfterMs: 4000 });
    await sleep(2500);
    await nav('Queue activity');
    const waiting = await text(page.getByRole('table').first());
    const ev = await abandoned;
    await c.exited;
    await sleep(1000);
    out('abandon', { waiting, queueCallerAbandon: ev ? { queue: ev.Queue, holdTime: ev.HoldTime } : null, after: await text(page.getByRole('table').first()), interacting: await text(page.getByRole('table', { name: 'In-progress interactions' })) });
  }

  // --- a queue call, waiting, then answered
  // The agents answer only on command, so the caller waits in the queue.
  await answerMode('manual');
  const rangP = origWait((m) => m.Event === 'AgentCalled', 15_000);
  const callStarted = Date.now();
  const call = customerCall({ did: '8005550100', name: 'Dana Whitfield', number: '+14155550123' });
  const rang = await rangP;
  const agentExt = rang.Interface.split('/')[1];
  const agentName = rang.MemberName;
  await sleep(5000);
  await nav('Queue activity');
  out('queue-waiting', { waitedMs: Date.now() - callStarted, rang: rang.Interface, agentName, queues: await text(page.getByRole('table').first()), interacting: await text(page.getByRole('table', { name: 'In-progress interactions' })) });
  await nav('Agents');
  out('agent-ringing', { row: await agentRow(agentName) });
  if (want('monitor-ringing')) {
    // Monitoring an agent whose phone only rings: ChanSpy spies a channel with no audio yet.
    await nav('Agents');
    const btn = page.getByRole('button', { name: `Monitor ${agentName}` }).first();
    const enabled = await btn.isEnabled().catch(() => false);
    let seen = { enabled };
    if (enabled) {
      await btn.click();
      await sleep(400);
      const inner = page.getByRole('button', { name: `Monitor ${agentName}` }).last();
      seen.participantButtonEnabled = await inner.isEnabled().catch(() => false);
      seen.reasons = await text(page.getByRole('list', { name: `Why some actions for ${agentName} are unavailable` }));
      if (seen.participantButtonEnabled) {
        await inner.click();
        await sleep(3500);
        seen = { ...seen, toolbar: await text(toolbar), trouble: await trouble(), channels: channels() };
        await page.keyboard.press('Alt+H');
        await sleep(800);
      }
    }
    out('monitor-ringing', seen);
  }
  await phone(agentExt, 'accept');
  await sleep(1500);
  await nav('Queue activity');
  out('call-answered', { queues: await text(page.getByRole('table').first()), interacting: await text(page.getByRole('table', { name: 'In-progress interactions' })), channels: channels() });
  await nav('Agents');
  out('agents-in-call', { row: await agentRow(agentName) });

  // --- pause an agent that is not on the call
  const other = agentExt === '1004' ? '1002' : '1004';
  const otherName = other === '1004' ? 'Jordan Lee' : 'Maria Lopez';
  if (want('pause')) {
    await admin.send('QueuePause', { Interface: `PJSIP/${other}`, Paused: 'true', Reason: 'Break' });
    await sleep(1200);
    const paused = await agentRow(otherName);
    await admin.send('QueuePause', { Interface: `PJSIP/${other}`, Paused: 'false' });
    await sleep(1200);
    out('pause', { paused, unpaused: await agentRow(otherName) });
  }

  // Open the call's details from the agent row.
  const openDetails = async () => {
    await nav('Agents');
    await page.getByRole('button', { name: `Monitor ${agentName}` }).first().click();
    await sleep(500);
  };

  // --- monitor from the UI
  const click = async (label) => {
    const t0 = Date.now();
    await page.getByRole('button', { name: label }).last().click();
    return t0;
  };
  const legUp = async (t0) =>
    waitUntil(async () => ((await toolbar.count()) > 0 && (await page.getByText('Dialing…').count()) === 0 ? Date.now() - t0 : undefined), 10_000, 10);
  const firstAudio = async (t0) => waitUntil(async () => ((await level('output')) > 0.01 ? Date.now() - t0 : undefined), 10_000, 10);
  const endLeg = async () => {
    await page.keyboard.press('Alt+H');
    await waitUntil(async () => (await toolbar.count()) === 0, 5000);
    await sleep(800);
  };

  // --- another supervisor's ChanSpy
  if (want('other-spy')) {
    const spyStart = origWait((m) => m.Event === 'ChanSpyStart', 10_000);
    await phone('2101', 'dial', `sip:*222${agentExt}@127.0.0.1:5160`);
    const ev = await spyStart.catch(() => undefined);
    await sleep(1000);
    await openDetails();
    const details = await text(page.locator('main').first());
    const participants = await text(page.locator('.participant-list, ul.participants').first());
    const lockLine = /Lock: [^|]*/.exec(details)?.[0];
    const monitoredBy = /Monitored by [^|]*/.exec(details)?.[0];
    // ChanSpy allows several spies: we can still monitor, and both show.
    const t0 = await click(`Monitor ${agentName}`);
    const both = { clickToLegUpMs: await legUp(t0) };
    await sleep(1500);
    both.details = /Who is monitoring \| (.*?) \| Supervisors who took part/.exec(await text(page.locator('main').first()))?.[1];
    both.supervisorHears = await supervisorHears();
    both.channels = channels();
    await endLeg();
    await nav('Agents');
    const rowDuring = await agentRow(agentName);
    const spyStop = origWait((m) => m.Event === 'ChanSpyStop', 10_000);
    await phone('2101', 'hangup');
    await spyStop.catch(() => undefined);
    await sleep(1000);
    await openDetails();
    const after = await text(page.locator('main').first());
    out('other-spy', { both, participants, chanSpyStart: ev ? { spyer: ev.SpyerChannel, spyee: ev.SpyeeChannel } : null, lockLine, monitoredBy, rowDuring, lockAfterHangup: /Lock: [^|]*/.exec(after)?.[0] ?? null });
  }

  if (want('monitor')) {
    await openDetails();
    const t0 = await click(`Monitor ${agentName}`);
    const up = await legUp(t0);
    // First audio, or else the no-audio warning (expected 2 s after the leg is up).
    const [audio, warningAt] = await Promise.all([
      firstAudio(t0),
      waitUntil(async () => ((await page.getByTestId('toolbar-monitor-trouble').count()) > 0 ? Date.now() - t0 : undefined), 6000, 20),
    ]);
    await sleep(1000);
    const t1 = Date.now();
    const hears = await supervisorHears();
    await sleep(2000);
    out('monitor', { supervisorHears: hears, clickToLegUpMs: up, clickToFirstAudioMs: audio, clickToNoAudioWarningMs: warningAt, toolbar: await text(toolbar), rtp: toneSummary(t1, Date.now()) });

    await page.keyboard.press('Alt+C');
    const tc = Date.now();
    const hot = await waitUntil(async () => ((await page.getByTestId('hot-mic').count()) > 0 ? Date.now() - tc : undefined), 5000, 10);
    await sleep(3500);
    out('coach', { keyToHotMicMs: hot, hotMic: await text(page.getByTestId('hot-mic')), agentGets1200AfterMs: first1200(`to-agent-${agentExt}`, tc, Date.now()), rtp: toneSummary(tc + 1000, Date.now()) });

    await page.keyboard.press('Alt+B');
    const tb = Date.now();
    await sleep(3500);
    out('barge', { hotMic: await text(page.getByTestId('hot-mic')), customerGets1200AfterMs: first1200('to-customer', tb, Date.now()), rtp: toneSummary(tb + 1000, Date.now()) });

    await page.keyboard.press('Alt+B');
    const tm = Date.now();
    await sleep(3500);
    out('back-to-monitor', { hotMicShown: (await page.getByTestId('hot-mic').count()) > 0, toolbar: await text(toolbar), rtp: toneSummary(tm + 1000, Date.now()) });

    const before = channels();
    await endLeg();
    out('handset', { toolbarGone: (await toolbar.count()) === 0, channelsBefore: before, channelsAfter: channels(), statusBar: await statusBar() });
  }

  if (want('monitor-customer')) {
    // The customer is a participant too: what does monitoring them dial, and what do you hear?
    await openDetails();
    const btn = page.getByRole('button', { name: 'Monitor Dana Whitfield' }).last();
    const seen = { enabled: await btn.isEnabled().catch(() => false) };
    if (seen.enabled) {
      const t0 = Date.now();
      await btn.click();
      seen.clickToLegUpMs = await legUp(t0);
      await sleep(3000);
      seen.toolbar = await text(toolbar);
      seen.supervisorHears = await supervisorHears();
      seen.channels = channels();
      seen.notices = await noticeTexts();
      await endLeg();
    }
    out('monitor-customer', seen);
  }

  if (want('coach-from-idle')) {
    await openDetails();
    const t0 = await click(`Coach ${agentName}`);
    const up = await legUp(t0);
    const hot = await waitUntil(async () => ((await page.getByTestId('hot-mic').count()) > 0 ? Date.now() - t0 : undefined), 10_000, 10);
    await sleep(4000);
    out('coach-from-idle', { clickToLegUpMs: up, clickToHotMicMs: hot, agentGets1200AfterMs: first1200(`to-agent-${agentExt}`, t0, Date.now()), customerGets1200AfterMs: first1200('to-customer', t0, Date.now()), rtp: toneSummary(t0 + 2000, Date.now()), toolbar: await text(toolbar) });
    await endLeg();
  }

  if (want('switch-right-after-up')) {
    await openDetails();
    const t0 = await click(`Monitor ${agentName}`);
    const up = await legUp(t0);
    await page.keyboard.press('Alt+B');
    const tb = Date.now();
    const hot = await waitUntil(async () => ((await page.getByTestId('hot-mic').count()) > 0 ? Date.now() - tb : undefined), 10_000, 10);
    await sleep(4000);
    out('switch-right-after-up', { clickToLegUpMs: up, keyToHotMicMs: hot, customerGets1200AfterMs: first1200('to-customer', tb, Date.now()), agentGets1200AfterMs: first1200(`to-agent-${agentExt}`, tb, Date.now()), rtp: toneSummary(tb + 2000, Date.now()) });
    await page.keyboard.press('Alt+B');
    await sleep(1000);
  }

  // --- the monitor ends by itself when the spied call ends
  if (want('call-ends')) {
    if ((await toolbar.count()) === 0) {
      await openDetails();
      const t0 = await click(`Monitor ${agentName}`);
      await legUp(t0);
      await sleep(1500);
    }
    const th = Date.now();
    await phone(agentExt, 'hangup');
    const gone = await waitUntil(async () => ((await toolbar.count()) === 0 ? Date.now() - th : undefined), 10_000, 10);
    await sleep(1500);
    out('call-ends', { hangupToToolbarGoneMs: gone, notices: await noticeTexts(), statusBar: await statusBar(), channels: channels(), customerExit: await Promise.race([call.exited, sleep(3000).then(() => 'still running')]) });
  }
  if (want('hold-transfer')) {
    // One call at a time, so the sniffer's customer flow is this call's.
    if (!want('call-ends')) {
      await phone(agentExt, 'hangup').catch(() => {});
      await Promise.race([call.exited, sleep(3000)]);
    }
    const rangP2 = origWait((m) => m.Event === 'AgentCalled', 15_000);
    const call2 = customerCall({ did: '8005550100', name: 'Lee Okafor', number: '+14155550188' });
    const rang2 = await rangP2;
    const ext2 = rang2.Interface.split('/')[1];
    const name2 = rang2.MemberName;
    await phone(ext2, 'accept');
    await sleep(1500);
    await nav('Agents');
    await page.getByRole('button', { name: `Monitor ${name2}` }).first().click();
    await sleep(500);
    const t0 = await click(`Monitor ${name2}`);
    const up = await legUp(t0);
    await sleep(1500);
    const tBefore = Date.now();
    const beforeHold = { supervisorHears: await supervisorHears() };
    beforeHold.rtp = toneSummary(tBefore, Date.now());
    await phone(ext2, 'hold');
    await sleep(1500);
    const tHold = Date.now();
    const held = { supervisorHears: await supervisorHears(), rtp: toneSummary(tHold, Date.now() + 1), interacting: await text(page.getByRole('table', { name: 'In-progress interactions' })), details: await text(page.locator('main').first()), toolbar: await text(toolbar) };
    await nav('Queue activity');
    held.interacting = await text(page.getByRole('table', { name: 'In-progress interactions' }));
    await phone(ext2, 'resume');
    await sleep(1500);
    const tRes = Date.now();
    const afterResume = { supervisorHears: await supervisorHears(), toolbar: await text(toolbar) };
    afterResume.rtp = toneSummary(tRes, Date.now());
    const resumed = await text(page.getByRole('table', { name: 'In-progress interactions' }));
    const rangSales = origWait((m) => m.Event === 'AgentCalled' && m.Queue === 'sales', 15_000);
    const tx = Date.now();
    await phone(ext2, 'transfer', 'sip:701@127.0.0.1:5160');
    const monitorGone = await waitUntil(async () => ((await toolbar.count()) === 0 ? Date.now() - tx : undefined), 8000, 10);
    const rs = await rangSales;
    const afterTransfer = { interacting: await text(page.getByRole('table', { name: 'In-progress interactions' })), notices: await noticeTexts() };
    if (rs) await phone(rs.Interface.split('/')[1], 'accept');
    await sleep(2000);
    await nav('Queue activity');
    const answeredBySales = await text(page.getByRole('table', { name: 'In-progress interactions' }));
    await nav('Agents');
    await page.getByRole('button', { name: `Monitor ${rs?.MemberName ?? 'x'}` }).first().click().catch(() => {});
    await sleep(700);
    const timeline = await text(page.locator('main').first());
    out('hold-transfer', { me: await text(page.getByTestId('supervisor-name')), afterResume, beforeHold, agent: rang2.Interface, clickToLegUpMs: up, held, resumed, transferredTo: rs?.Interface, monitorEndedAfterTransferMs: monitorGone, afterTransfer, answeredBySales, timeline, channels: channels() });
    if (rs) await phone(rs.Interface.split('/')[1], 'hangup');
    await Promise.race([call2.exited, sleep(3000)]);
  }
  if (want('monitor-held')) {
    // Start monitoring a call that is already on hold: the leg must be muted from its first packet
    // (ChanSpy sends the held customer; Spyglass mutes it for privacy), then heard on resume.
    await phone(agentExt, 'hangup').catch(() => {});
    await Promise.race([call.exited, sleep(3000)]);
    const rangP4 = origWait((m) => m.Event === 'AgentCalled', 15_000);
    const call4 = customerCall({ did: '8005550100', name: 'Kim Ortega', number: '+14155550444' });
    const rang4 = await rangP4;
    const ext4 = rang4.Interface.split('/')[1];
    const name4 = rang4.MemberName;
    await phone(ext4, 'accept');
    await sleep(1500);
    await phone(ext4, 'hold');
    await sleep(1500);
    await nav('Agents');
    await page.getByRole('button', { name: `Monitor ${name4}` }).first().click();
    await sleep(500);
    const t0 = await click(`Monitor ${name4}`);
    const up = await legUp(t0);
    // Right after the leg is up (ChanSpy starts sending ~40 ms after spying began), then settled.
    const early = await supervisorHears();
    await sleep(1000);
    const held = { supervisorHears: await supervisorHears(), toolbar: await text(toolbar), outputMeterMax: 0 };
    for (let i = 0; i < 50; i++) {
      held.outputMeterMax = Math.max(held.outputMeterMax, await level('output'));
      await sleep(20);
    }
    // A long hold under the mute is not "no audio from the PBX" (its silenced level is not judged).
    await sleep(11_000);
    held.troubleAfter11s = await trouble();
    await phone(ext4, 'resume');
    await sleep(1500);
    const resumed = { supervisorHears: await supervisorHears(), toolbar: await text(toolbar) };
    out('monitor-held', { agent: rang4.Interface, clickToLegUpMs: up, early, held, resumed, me: await text(page.getByTestId('supervisor-name')) });
    await endLeg();
    await phone(ext4, 'hangup').catch(() => {});
    await Promise.race([call4.exited, sleep(3000)]);
  }
  if (want('attended')) {
    // Attended transfer (AMI Atxfer, features.conf atxfer=*2): the customer waits on hold while the agent consults a colleague.
    if (!want('call-ends')) {
      await phone(agentExt, 'hangup').catch(() => {});
      await Promise.race([call.exited, sleep(3000)]);
    }
    const rangP3 = origWait((m) => m.Event === 'AgentCalled', 15_000);
    const call3 = customerCall({ did: '8005550100', name: 'Robin Ashe', number: '+14155550999' });
    const rang3 = await rangP3;
    const ext3 = rang3.Interface.split('/')[1];
    const name3 = rang3.MemberName;
    const target = ext3 === '1004' ? '1002' : '1004';
    await phone(ext3, 'accept');
    await sleep(1500);
    await nav('Agents');
    await page.getByRole('button', { name: `Monitor ${name3}` }).first().click();
    await sleep(500);
    const t0 = await click(`Monitor ${name3}`);
    const up = await legUp(t0);
    await sleep(1500);
    const active = { supervisorHears: await supervisorHears(), toolbar: await text(toolbar) };
    const agentChannel = channels().map((c) => c.split('!')[0]).find((c) => c.startsWith(`PJSIP/${ext3}-`));
    const atx = await admin.send('Atxfer', { Channel: agentChannel, Exten: target, Context: 'agents' });
    await sleep(2000);
    await phone(target, 'accept');
    await sleep(2500);
    const tc = Date.now();
    const consult = { supervisorHears: await supervisorHears(), toolbar: await text(toolbar), details: await text(page.locator('main').first()) };
    consult.rtp = toneSummary(tc, Date.now());
    await nav('Queue activity');
    consult.interacting = await text(page.getByRole('table', { name: 'In-progress interactions' }));
    consult.channels = channels();
    const th = Date.now();
    await phone(ext3, 'hangup'); // completes the attended transfer
    const legEndedMs = await waitUntil(async () => ((await toolbar.count()) === 0 ? Date.now() - th : undefined), 8000, 10);
    await sleep(2000);
    const after = { interacting: await text(page.getByRole('table', { name: 'In-progress interactions' })), channels: channels(), notices: await noticeTexts() };
    out('attended', { agent: rang3.Interface, target, atxfer: atx.Response, clickToLegUpMs: up, active, consult, legEndedAfterAgentHangupMs: legEndedMs, after });
    await phone(target, 'hangup').catch(() => {});
    await Promise.race([call3.exited, sleep(3000)]);
  }
} catch (e) {
  out('error', { message: String(e?.stack ?? e) });
  await page.screenshot({ path: '/tmp/asterisk-proof-error.png' }).catch(() => {});
} finally {
  await answerMode('auto').catch(() => {});
  await browser.close();
  await admin.close?.();
  process.exit(0);
}
