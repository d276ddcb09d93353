import { describe, expect, it } from 'vitest';
import { freeswitchEavesdrop } from '../../../main/phone/pbxProfiles';
import { PhoneError } from '../../../main/phone/softphone';
import { phonePerTest, until } from './support/inProcessPhone';

const { fresh, started } = phonePerTest();

describe('Softphone registration', () => {
  it('registers with digest authentication', async () => {
    const h = fresh();
    const s = await h.phone.register(h.account);
    expect(s).toMatchObject({ registration: 'registered', user: 'sip:sup1@demo-pbx.invalid' });
    expect(s.problem).toBeUndefined();
    expect(h.uas.log.filter((l) => l.startsWith('> REGISTER'))).toHaveLength(2); // challenged once, then accepted
  });

  it('explains a wrong password and what to do', async () => {
    const h = fresh({ password: 'nope' });
    const s = await h.phone.register(h.account);
    expect(s.registration).toBe('failed');
    expect(s.problem?.code).toBe('WRONG_PASSWORD');
    expect(s.problem?.message).toMatch(/^Wrong password/);
    expect(s.problem?.action).toMatch(/check the user and password in Settings › SIP account/i);
  });

  it('reports every status change to listeners', async () => {
    const h = fresh();
    const seen: string[] = [];
    h.phone.onStatus((s) => seen.push(s.registration));
    await h.phone.register(h.account);
    await h.phone.unregister();
    expect(seen[0]).toBe('connecting');
    expect(seen).toContain('registered');
    expect(seen.at(-1)).toBe('unregistered');
  });

  it('refuses to monitor while not registered', async () => {
    const h = fresh();
    await expect(h.phone.startMonitor({ target: '1001', mode: 'monitor' })).rejects.toBeInstanceOf(PhoneError);
  });
});

describe('Monitor sessions (asterisk-chanspy, SIP INFO)', () => {
  it('dials the feature code + extension and listens with the microphone off', async () => {
    const { phone, media, lastCall } = await started();
    const m = await phone.startMonitor({ target: '1001', mode: 'monitor' });
    expect(m).toMatchObject({ state: 'active', mode: 'monitor', micLive: false, target: '1001' });
    expect(lastCall()?.dialled).toBe('*2221001');
    expect(lastCall()?.digits).toEqual([]);
    expect(media.micChanges.some((c) => c.enabled)).toBe(false);
    expect(phone.status().monitor?.state).toBe('active');
  });

  it('switches modes on the same leg with the configured digits, mic live only in coach and barge', async () => {
    const { phone, media, lastCall, uas } = await started();
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    const callId = lastCall()!.callId;

    expect(await phone.setMode('coach')).toMatchObject({ mode: 'coach', micLive: true, state: 'active' });
    expect(media.micLive()).toBe(true);
    expect(await phone.setMode('barge')).toMatchObject({ mode: 'barge', micLive: true });
    expect(await phone.setMode('monitor')).toMatchObject({ mode: 'monitor', micLive: false });
    expect(media.micLive()).toBe(false);

    await until(() => lastCall()!.digits.length === 3, 'three INFO digits');
    expect(lastCall()!.digits).toEqual(['5', '6', '4']);
    expect(lastCall()!.callId).toBe(callId);
    expect(uas.log.filter((l) => l.startsWith('> INVITE'))).toHaveLength(2); // auth challenge + the one leg; no re-dial
  });

  it('starting in barge sends the barge digit after answer and opens the mic', async () => {
    const { phone, media, lastCall } = await started();
    await phone.startMonitor({ target: '1002', mode: 'barge' });
    await until(() => lastCall()!.digits.length === 1, 'barge digit');
    expect(lastCall()!.digits).toEqual(['6']);
    await until(() => phone.status().monitor?.micLive === true, 'mic live');
    expect(media.micLive()).toBe(true);
  });

  it('uses configured digits', async () => {
    const { phone, lastCall } = await started({ profile: freeswitchEavesdrop({ dtmfMethod: 'info', liberalDtmf: true, digits: { monitor: '*0', coach: '*2', barge: '*3' } }) });
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    await phone.setMode('coach');
    await until(() => lastCall()!.digits.length === 2, 'two digits');
    expect(lastCall()!.digits).toEqual(['*', '2']);
  });

  it('the handset ends only the supervisor leg with a BYE', async () => {
    const { phone, media, lastCall } = await started();
    await phone.startMonitor({ target: '1001', mode: 'coach' });
    await phone.end();
    await until(() => lastCall()!.state === 'ended', 'PBX saw the BYE');
    expect(lastCall()!.endedBy).toBe('caller');
    expect(phone.status().monitor).toMatchObject({ state: 'ended', endedBy: 'supervisor', micLive: false });
    expect(media.micLive()).toBe(false);
    expect(phone.status().registration).toBe('registered');
  });

  it('ends by itself when the monitored call ends', async () => {
    const { phone, media, uas, lastCall } = await started();
    await phone.startMonitor({ target: '1001', mode: 'barge' });
    await until(() => media.micLive(), 'mic live in barge');
    uas.hangUp(lastCall()!);
    await until(() => phone.status().monitor?.state === 'ended', 'monitor ended');
    expect(phone.status().monitor).toMatchObject({ endedBy: 'far-end', micLive: false });
    expect(phone.status().monitor?.problem).toBeUndefined();
    await until(() => !media.micLive(), 'mic off');
  });

  it('goes on hold when the PBX holds the leg, with the mic off, and keeps the mode', async () => {
    const { phone, media, uas, lastCall } = await started();
    await phone.startMonitor({ target: '1001', mode: 'coach' });
    await until(() => media.micLive(), 'mic live in coach');
    expect(await uas.hold(lastCall()!)).toBe(true);
    await until(() => phone.status().monitor?.state === 'held', 'held');
    expect(phone.status().monitor).toMatchObject({ mode: 'coach', micLive: false });
    await until(() => !media.micLive(), 'mic off on hold');
  });

  it.each([
    [486, 'Busy Here', 'BUSY'],
    [403, 'Forbidden', 'REFUSED'],
    [404, 'Not Found', 'NOT_FOUND'],
  ])('a %i on the feature code fails with a clear problem', async (status, reason, code) => {
    const { phone, media } = await started({ onInvite: () => ({ reject: { status, reason } }) });
    const m = await phone.startMonitor({ target: '1001', mode: 'monitor' });
    expect(m.state).toBe('failed');
    expect(m.problem?.code).toBe(code);
    expect(m.problem?.action.length).toBeGreaterThan(10);
    expect(media.micLive()).toBe(false);
  });

  it('allows one voice monitor at a time', async () => {
    const { phone } = await started();
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    await expect(phone.startMonitor({ target: '1002', mode: 'monitor' })).rejects.toThrow(/already running/);
  });

  it('fails clearly when the microphone cannot be opened', async () => {
    const { phone, media } = await started();
    media.failCreate = 'Permission denied';
    const m = await phone.startMonitor({ target: '1001', mode: 'monitor' });
    expect(m.state).toBe('failed');
    expect(m.problem?.code).toBe('MEDIA_FAILED');
    expect(m.problem?.action).toMatch(/microphone/i);
  });

  it('keeps listening but says so when the microphone cannot be opened for coach', async () => {
    const { phone, media } = await started();
    media.failMic = 'NotReadableError';
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    await phone.setMode('coach');
    await until(() => phone.status().monitor?.problem?.code === 'MEDIA_FAILED', 'microphone problem reported');
    expect(phone.status().monitor).toMatchObject({ state: 'active', mode: 'coach', micLive: false });
    expect(phone.status().monitor?.problem?.message).toMatch(/^Microphone unavailable \(NotReadableError\)/);
    expect(media.micLive()).toBe(false);
  });

  it('ends the leg with a clear problem when ICE fails, mic off', async () => {
    const { phone, media } = await started();
    media.failIce = true;
    await phone.startMonitor({ target: '1001', mode: 'barge' }).catch(() => undefined);
    await until(() => phone.status().monitor?.state === 'ended' || phone.status().monitor?.state === 'failed', 'leg over');
    expect(phone.status().monitor?.problem?.code).toBe('MEDIA_FAILED');
    expect(media.micLive()).toBe(false);
  });
});

describe('Transport drop', () => {
  it('pauses the monitor with the mic off, shows reconnecting, registers again and ends a leg the PBX hung up', async () => {
    const { phone, media, socket } = await started();
    await phone.startMonitor({ target: '1001', mode: 'barge' });
    await until(() => media.micLive(), 'mic live in barge');
    socket().drop();
    await until(() => phone.status().registration === 'reconnecting', 'reconnecting');
    const s = phone.status();
    expect(s.monitor).toMatchObject({ state: 'active', recovering: true, micLive: false });
    expect(s.problem?.code).toBe('SERVER_UNREACHABLE');
    expect(media.micLive()).toBe(false);
    await until(() => phone.status().registration === 'registered', 're-registered', 8000);
    // This server ended the call with the old connection: the ICE restart is refused (481) and the leg ends with why.
    await until(() => phone.status().monitor?.state === 'ended', 'leg ended');
    expect(phone.status().monitor).toMatchObject({ endedBy: 'connection-lost', micLive: false });
    expect(phone.status().monitor?.problem?.message).toMatch(/ICE restart refused/);
    expect(media.micLive()).toBe(false);
  });
});

describe('RFC 2833 profile (freeswitch-eavesdrop)', () => {
  it('sends mode digits in the RTP stream via insertDTMF, not SIP INFO', async () => {
    const { phone, media, lastCall } = await started({ profile: freeswitchEavesdrop() });
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    expect(lastCall()!.offerSdp).toMatch(/telephone-event/);
    await phone.setMode('coach');
    await phone.setMode('barge');
    await until(() => media.dtmf.length === 2, 'two insertDTMF calls');
    expect(media.dtmf.map((d) => d.tones)).toEqual(['2', '3']);
    expect(lastCall()!.digits).toEqual([]);
  });
});

describe('Bad input', () => {
  it('ignores malformed SIP from the server and keeps monitoring', async () => {
    const { phone, socket, media } = await started();
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    socket().deliver('THIS IS NOT SIP\r\n\r\n');
    socket().deliver('SIP/2.0 200 OK\r\nVia: garbage\r\n\r\n');
    socket().deliver('INFO sip:x SIP/2.0\r\nCall-ID: nope\r\n\r\n');
    await new Promise((r) => setTimeout(r, 50));
    expect(phone.status()).toMatchObject({ registration: 'registered', monitor: { state: 'active', micLive: false } });
    expect(media.micLive()).toBe(false);
    expect((await phone.setMode('coach')).state).toBe('active');
  });

  it('ends a leg still connecting when the media host restarts without its peer, mic off', async () => {
    // An established leg is moved to the new page instead (reattach.test.ts); one not yet answered cannot be re-offered.
    const { phone, media, lastCall } = await started({ onInvite: () => new Promise(() => {}) });
    const start = phone.startMonitor({ target: '1001', mode: 'barge' });
    await until(() => lastCall() !== undefined, 'INVITE reached the PBX');
    phone.mediaHostReady([]); // e.g. the renderer reloaded and holds no peer connections
    expect(phone.status().monitor).toMatchObject({ state: 'failed', micLive: false, problem: { code: 'MEDIA_FAILED' } });
    await start;
    await until(() => lastCall()!.state === 'ended', 'CANCEL reached the PBX');
    expect(media.micLive()).toBe(false);
  });

  it('keeps the leg when the media host re-attaches with its peer', async () => {
    const { phone } = await started();
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    const id = (phone.activeMonitor!.peer as unknown as { id: string }).id;
    phone.mediaHostReady([id]);
    expect(phone.status().monitor?.state).toBe('active');
  });
});
