/**
 * The privacy mute on the softphone (asterisk-chanspy on hold): the core asks
 * for it, the leg's peer in the media host gets it — also when it was asked
 * for before the leg existed — and a media host that cannot mute ends the leg
 * with the reason instead of playing a held customer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessPhone, until, type Harness } from './support/inProcessPhone';

let h: Harness | undefined;
afterEach(async () => {
  await h?.phone.unregister();
  h = undefined;
});

const started = async () => {
  h = inProcessPhone();
  await h.phone.register(h.account);
  return h;
};
const pcOf = (harness: Harness) => [...harness.media.pcs.keys()].at(-1)!;

describe('playback mute (privacy on hold)', () => {
  it('mutes and unmutes the live leg in the media host; the leg stays up', async () => {
    const { phone, media } = await started();
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    phone.setPlaybackMuted(true);
    await until(() => media.playbackMuted.get(pcOf(h!)) === true, 'muted in the media host');
    expect(phone.status().monitor?.state).toBe('active');
    phone.setPlaybackMuted(false);
    await until(() => media.playbackMuted.get(pcOf(h!)) === false, 'unmuted');
  });

  it('a mute asked for before the leg exists reaches its peer (monitoring a call already on hold)', async () => {
    const { phone, media } = await started();
    phone.setPlaybackMuted(true);
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    await until(() => media.playbackMuted.get(pcOf(h!)) === true, 'muted in the media host');
    const methods = media.calls.filter((c) => c.pcId === pcOf(h!)).map((c) => c.method);
    expect(methods.indexOf('setPlaybackMuted')).toBeGreaterThan(methods.indexOf('create'));
  });

  it('a media host that cannot mute ends the leg with the reason', async () => {
    const { phone, media } = await started();
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    media.failPlaybackMute = 'no such track';
    phone.setPlaybackMuted(true);
    await until(() => phone.status().monitor?.state === 'ended' || phone.status().monitor?.state === 'failed', 'the leg ended');
    expect(phone.status().monitor?.problem?.message).toMatch(/could not mute the held customer.*no such track/);
  });
});
