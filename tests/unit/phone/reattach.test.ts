import { describe, expect, it } from 'vitest';
import type { MediaMethod } from '../../../preload/contract/phone';
import { originOf } from '../../../main/phone/sdpOrigin';
import type { JsSipSoftphone } from '../../../main/phone/softphone';
import { fakeSdp, type FakeMediaHost } from './support/fakeMediaHost';
import { phonePerTest, until } from './support/inProcessPhone';

/**
 * Issue 13 found 2: the only page hosting a monitor leg's audio reloads. The
 * dialog stays in main; the leg moves to a peer made in the new page, offered
 * to the PBX in a re-INVITE of the same dialog. Mode and microphone come back
 * as the PBX has them, and only once audio flows; a PBX that refuses ends the
 * leg cleanly.
 */
const { started } = phonePerTest();

/** The media host was asked to turn a microphone on (since change `from`). */
const micTurnedOn = (media: FakeMediaHost, from = 0) => media.micChanges.slice(from).some((c) => c.enabled);

/** Every microphone switch-on the media host was asked for while the leg was still reattaching. */
function watchMicWhileReattaching(phone: JsSipSoftphone, media: FakeMediaHost): string[] {
  const seen: string[] = [];
  const request = media.request.bind(media);
  media.request = (pcId: string, method: MediaMethod, args: unknown[]) => {
    if (method === 'setTrackEnabled' && args[1] === true && phone.status().monitor?.reattaching) seen.push(pcId);
    return request(pcId, method, args);
  };
  return seen;
}

describe('a reloaded page re-attaches the monitor leg (re-INVITE)', () => {
  it('coach survives: same dialog, new offer in one SDP session, mic back only once audio flows', async () => {
    const reoffers: string[] = [];
    const { phone, media, lastCall, uas } = await started({
      onReinvite: (_call, offer) => {
        reoffers.push(offer);
        return { answerSdp: fakeSdp('sendrecv', 50100) };
      },
    });
    const micWhileReattaching = watchMicWhileReattaching(phone, media);
    await phone.startMonitor({ target: '1001', mode: 'coach' });
    await until(() => micTurnedOn(media), 'coach mic live');
    const callId = lastCall()!.callId;
    const firstOffer = lastCall()!.offerSdp;
    const pcId = [...media.pcs.keys()][0]!;
    const micChangesBefore = media.micChanges.length;

    // The page goes away: its peers and microphone with it.
    media.reload();
    phone.mediaHostGone();
    expect(phone.status().monitor).toMatchObject({ state: 'active', mode: 'coach', reattaching: true, micLive: false });
    await expect(phone.setMode('monitor')).rejects.toThrow(/reconnecting after the window reloaded/);

    // The reloaded page attaches, holding no peers.
    phone.mediaHostReady([]);
    await until(() => phone.status().monitor?.reattaching === undefined, 'the leg resumed');
    expect(phone.status().monitor).toMatchObject({ state: 'active', mode: 'coach' });
    await until(() => micTurnedOn(media, micChangesBefore), 'the coach mic is back on the new peer');
    expect(media.micLive()).toBe(true);
    expect(phone.status().monitor?.micLive).toBe(true);
    expect(micWhileReattaching).toEqual([]);

    // The same dialog, re-INVITEd once, with the new peer's offer under the dialog's SDP session.
    expect(media.pcs.has(pcId)).toBe(true);
    expect(reoffers).toHaveLength(1);
    expect(lastCall()!.callId).toBe(callId);
    expect(lastCall()!.state).toBe('confirmed');
    expect(uas.log.filter((l) => l.startsWith('> INVITE'))).toHaveLength(3); // challenge, the leg, the re-INVITE
    const before = originOf(firstOffer)!;
    const after = originOf(reoffers[0]!)!;
    expect(reoffers[0]).not.toBe(firstOffer);
    expect(after.sessionId).toBe(before.sessionId);
    expect(BigInt(after.version)).toBeGreaterThan(BigInt(before.version));
    // No digits again: the PBX kept the mode on the same dialog.
    expect(lastCall()!.digits).toEqual(['5']);
    // And the leg works as before.
    expect(await phone.setMode('monitor')).toMatchObject({ mode: 'monitor', micLive: false });
  });

  it('silent monitoring stays silent: no microphone at any point of the re-attach', async () => {
    const { phone, media } = await started({ onReinvite: () => ({ answerSdp: fakeSdp('sendrecv', 50200) }) });
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    media.reload();
    phone.mediaHostReady([]); // the new page may announce itself before the old socket's close is seen
    await until(() => phone.status().monitor?.reattaching === undefined, 'the leg resumed');
    expect(phone.status().monitor).toMatchObject({ state: 'active', mode: 'monitor', micLive: false, audio: expect.any(String) });
    expect(media.micChanges.filter((c) => c.enabled)).toEqual([]);
  });

  it('the call goes on hold while the audio is away: the leg survives and the new peer plays nothing of the held customer', async () => {
    const { phone, media } = await started({ onReinvite: () => ({ answerSdp: fakeSdp('sendrecv', 50400) }) });
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    media.reload();
    phone.mediaHostGone();
    phone.setPlaybackMuted(true); // the core's privacy mute (a channel spy still sends the held customer)
    await new Promise((r) => setTimeout(r, 20));
    expect(phone.status().monitor).toMatchObject({ state: 'active', reattaching: true });
    phone.mediaHostReady([]);
    await until(() => phone.status().monitor?.reattaching === undefined, 'the leg resumed');
    const pcId = [...media.pcs.keys()][0]!;
    expect(phone.status().monitor?.state).toBe('active');
    expect(media.playbackMuted.get(pcId)).toBe(true);
  });

  it('the PBX refuses the re-INVITE (488): the leg ends with the reason, BYE sent, mic closed', async () => {
    const { phone, media, lastCall } = await started({ onReinvite: () => ({ reject: { status: 488, reason: 'Not Acceptable Here' } }) });
    await phone.startMonitor({ target: '1001', mode: 'barge' });
    await until(() => micTurnedOn(media), 'barge mic live');
    media.reload();
    phone.mediaHostGone();
    phone.mediaHostReady([]);
    await until(() => phone.status().monitor?.state === 'ended', 'the leg ended');
    const m = phone.status().monitor!;
    expect(m).toMatchObject({ endedBy: 'error', micLive: false, problem: { code: 'MEDIA_FAILED' } });
    expect(m.reattaching).toBeUndefined();
    expect(m.problem?.message).toMatch(/refused to move your monitoring audio to the reloaded window \(SIP 488 Not Acceptable Here\)/);
    await until(() => lastCall()!.state === 'ended', 'BYE reached the PBX');
    expect(lastCall()!.endedBy).toBe('caller');
    expect(media.micLive()).toBe(false);
  });

  it('a 491 (the PBX was re-INVITEing too) also ends the leg cleanly', async () => {
    const { phone, lastCall } = await started({ onReinvite: () => ({ reject: { status: 491, reason: 'Request Pending' } }) });
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    phone.mediaHostReady([]);
    await until(() => phone.status().monitor?.state === 'ended', 'the leg ended');
    expect(phone.status().monitor?.problem?.message).toMatch(/SIP 491 Request Pending/);
    await until(() => lastCall()!.state === 'ended', 'BYE reached the PBX');
  });

  it('no page takes the audio over within the bound: the leg ends, mic off, with the reason', async () => {
    const { phone, media, lastCall } = await started({ reattachBounds: { hostWaitMs: 150 } });
    await phone.startMonitor({ target: '1001', mode: 'coach' });
    await until(() => micTurnedOn(media), 'coach mic live');
    media.reload();
    phone.mediaHostGone();
    await until(() => phone.status().monitor?.state === 'ended', 'the leg ended');
    expect(phone.status().monitor).toMatchObject({ micLive: false, problem: { code: 'MEDIA_FAILED' } });
    expect(phone.status().monitor?.problem?.message).toMatch(/no Spyglass window took it over/);
    await until(() => lastCall()!.state === 'ended', 'BYE reached the PBX');
  });

  it('the PBX answers but no audio arrives on the new peer: the leg ends rather than look live', async () => {
    const { phone, media, lastCall } = await started({
      reattachBounds: { audioWaitMs: 300 },
      onReinvite: () => ({ answerSdp: fakeSdp('sendrecv', 50300) }),
    });
    await phone.startMonitor({ target: '1001', mode: 'coach' });
    await until(() => micTurnedOn(media), 'coach mic live');
    const micChangesBefore = media.micChanges.length;
    media.reload();
    media.inbound = 'none';
    phone.mediaHostReady([]);
    await until(() => phone.status().monitor?.state === 'ended', 'the leg ended');
    expect(phone.status().monitor?.problem?.message).toMatch(/did not come back/);
    expect(micTurnedOn(media, micChangesBefore)).toBe(false); // never on the new peer
    await until(() => lastCall()!.state === 'ended', 'BYE reached the PBX');
  });
});
