/**
 * Audio checks, who hears whom: the supervisor is the real renderer media
 * module in headless Chromium (fake microphone) driven by JsSIP in Node
 * through Kamailio; the PBX side is a ChanSpy-like lab feature server (werift,
 * PCMU) hosting an agent (500 Hz) and a customer (1200 Hz).
 *
 * Runs once per DTMF method (issue 15 item 5): SIP INFO, and RFC 2833 where
 * Chromium itself offers telephone-event, the server answers with it
 * (dtmf_mode=rfc4733), the digits reach the server as RFC 4733 events in RTP
 * (decoded by the server, none as INFO) and the who-hears-whom table is the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asteriskChanSpy, type DtmfMethod } from '../../main/phone/pbxProfiles';
import { JsSipSoftphone } from '../../main/phone/softphone';
import { startChanSpyServer, type ChanSpyServer } from './support/chanSpyServer';
import { startChromiumMediaHost, type ChromiumMediaHost } from './support/chromiumMediaHost';
import { labUnavailableReason, startKamailio, type Kamailio } from './support/processes';

const skip = labUnavailableReason(['kamailio', 'sipp', 'chromium'], 'audio lab');
if (skip) console.warn(skip);

const until = async (cond: () => boolean | Promise<boolean>, what: string, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const HEARD = 0.02; // supervisor level in an ear (0..1 RMS); Chromium's fake mic beeps well above this
const TONE_DB = -70; // a tone present in what the supervisor hears

/** telephone-event/8000 in an SDP: its payload type, or undefined. */
const telephoneEvent = (sdp: string) => /^a=rtpmap:(\d+) telephone-event\/8000/im.exec(sdp)?.[1];

const METHODS: { dtmf: DtmfMethod; via: 'info' | 'rtp' }[] = [
  { dtmf: 'info', via: 'info' },
  { dtmf: 'rfc2833', via: 'rtp' },
];

describe.skipIf(!!skip).each(METHODS)('who hears whom, digits by $dtmf (Chromium supervisor, ChanSpy-like lab server)', ({ dtmf, via }) => {
  let kam: Kamailio;
  let media: ChromiumMediaHost;
  let server: ChanSpyServer;
  let phone: JsSipSoftphone;

  beforeAll(async () => {
    kam = await startKamailio();
    media = await startChromiumMediaHost();
    server = await startChanSpyServer(kam.wsUrl, '*2221001', 'agent', { rfc4733: dtmf === 'rfc2833' });
    phone = new JsSipSoftphone({ mediaHost: media.host });
    const s = await phone.register({ wsUrl: kam.wsUrl, uri: 'sip:sup1@127.0.0.1', password: 'secret', profile: asteriskChanSpy({ dtmfMethod: dtmf }) });
    expect(s.registration).toBe('registered');
  });
  afterAll(async () => {
    await phone?.unregister();
    await server?.stop();
    await media?.close();
    await kam?.stop();
  });

  it('monitor -> coach -> barge -> monitor, and hold', async () => {
    const m = await phone.startMonitor({ target: '1001', mode: 'monitor' });
    expect(m.state).toBe('active');
    const pcId = (phone.activeMonitor!.peer as unknown as { id: string }).id;
    for (let i = 0; i < 200 && (await media.inboundPackets(pcId)) < 25; i++) await new Promise((r) => setTimeout(r, 50));

    // What was negotiated, read from Chromium's own peer: it always offers telephone-event; the
    // PBX answers with it only for RFC 2833 (dtmf_mode=rfc4733).
    const sdp = await media.sdp(pcId);
    expect(telephoneEvent(sdp.local)).toBeDefined();
    if (dtmf === 'rfc2833') expect(telephoneEvent(sdp.remote)).toBeDefined();
    else expect(telephoneEvent(sdp.remote)).toBeUndefined();

    // Monitor: the supervisor hears both parties; neither hears the supervisor.
    const heard = await media.tonePeaks(1000, [500, 1200]);
    expect(heard[500]).toBeGreaterThan(TONE_DB);
    expect(heard[1200]).toBeGreaterThan(TONE_DB);
    let ears = await server.measureEars(1500);
    expect(ears.fromSupervisor).toBeLessThan(0.005); // the disabled mic sends silence
    expect(ears.agent).toBe(0);
    expect(ears.customer).toBe(0);

    // Coach: the agent hears the supervisor, the customer does not.
    await phone.setMode('coach');
    await until(() => server.mode() === 'coach', 'the server got the coach digit');
    ears = await server.measureEars(1500);
    expect(ears.agent).toBeGreaterThan(HEARD);
    expect(ears.customer).toBe(0);

    // Barge: both do.
    await phone.setMode('barge');
    await until(() => server.mode() === 'barge', 'the server got the barge digit');
    ears = await server.measureEars(1500);
    expect(ears.agent).toBeGreaterThan(HEARD);
    expect(ears.customer).toBeGreaterThan(HEARD);

    // Back to monitor: neither, and the mic is silent again.
    await phone.setMode('monitor');
    await until(() => server.mode() === 'monitor', 'the server got the listen digit');
    await until(async () => !(await media.micLive()), 'mic off in the renderer');
    await new Promise((r) => setTimeout(r, 1000)); // let in-flight audio drain
    ears = await server.measureEars(1500);
    expect(ears.fromSupervisor).toBeLessThan(0.005);
    expect(ears.agent).toBe(0);
    expect(ears.customer).toBe(0);

    // The agent holds the customer. Like a real ChanSpy (proof 2026-12-01 §3.1) the server still
    // sends the held customer on the agent's channel, and no agent: rule 2 would be broken...
    server.setCustomerOnHold(true);
    await new Promise((r) => setTimeout(r, 1000)); // let the jitter buffer drain the mixed audio
    const sentOnHold = await media.tonePeaks(1000, [500, 1200]);
    expect(sentOnHold[1200]).toBeGreaterThan(TONE_DB);
    expect(sentOnHold[500]).toBeLessThan(TONE_DB);
    // ...so Spyglass mutes the leg's playback (the core asks for it on hold on asterisk-chanspy): nobody is heard.
    phone.setPlaybackMuted(true);
    await until(() => media.playbackMuted(pcId), 'the media host muted the leg');
    const muted = await media.tonePeaks(1000, [500, 1200]);
    expect(muted[1200]).toBeLessThan(TONE_DB);
    expect(muted[500]).toBeLessThan(TONE_DB);
    // The leg itself stays up and keeps receiving (resume must be instant), and no "no audio" warning.
    const packets = await media.inboundPackets(pcId);
    await new Promise((r) => setTimeout(r, 500));
    expect(await media.inboundPackets(pcId)).toBeGreaterThan(packets);
    expect(phone.status().monitor?.audio).not.toBe('none');
    // Resume: unmuted, both heard again.
    server.setCustomerOnHold(false);
    phone.setPlaybackMuted(false);
    await until(async () => !(await media.playbackMuted(pcId)), 'the media host unmuted the leg');
    await new Promise((r) => setTimeout(r, 300));
    const resumed = await media.tonePeaks(1000, [500, 1200]);
    expect(resumed[500]).toBeGreaterThan(TONE_DB);
    expect(resumed[1200]).toBeGreaterThan(TONE_DB);

    // Every switch reached the server the chosen way: listen, whisper, barge, listen.
    expect(server.digits).toEqual(['5', '6', '4'].map((tone) => ({ tone, via })));

    await phone.end();
    expect(await media.micLive()).toBe(false);
  });
});
