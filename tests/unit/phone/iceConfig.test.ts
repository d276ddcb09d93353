import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partialSettingsSchema } from '../../../main/config/settingsSchema';
import { HOST_ONLY_GATHERING_GRACE_MS, iceConfigFrom, iceGatheringGraceMs, SERVER_GATHERING_GRACE_MS, type IceSettings } from '../../../main/phone/iceConfig';
import { iceConfigSchema, iceUrlSchema, MAX_ICE_SERVERS } from '../../../preload/contract/ice';
import { describePhone } from '../../../renderer/src/store/phone/selectors';
import { phonePerTest, until } from './support/inProcessPhone';

const settings = (over: Partial<IceSettings> = {}): IceSettings => ({
  stunServers: [],
  turnServers: [],
  turnUsername: '',
  turnCredential: undefined,
  iceTransportPolicy: 'all',
  ...over,
});

describe('ICE server URLs (the schema the renderer applies before RTCPeerConnection)', () => {
  it.each([
    'stun:stun.example.com',
    'stun:stun.example.com:3478',
    'stuns:stun.example.com:5349',
    'turn:turn.example.com:3478?transport=udp',
    'turn:turn.example.com:3478?transport=tcp',
    'turns:turn.example.com:443?transport=tcp',
    'turns:turn.example.com:443',
    'turn:10.0.0.5',
    'turn:[2001:db8::1]:3478',
  ])('accepts %s', (url) => {
    expect(iceUrlSchema.safeParse(url).success).toBe(true);
  });

  it.each([
    'http://turn.example.com',
    'turn://turn.example.com',
    'javascript:alert(1)',
    'stun:stun.example.com?transport=udp',
    'turns:turn.example.com:443?transport=udp',
    'turn:turn.example.com:70000',
    'turn:turn.example.com:3478?transport=sctp',
    'turn:user@turn.example.com',
    'turn:',
    ' stun:stun.example.com',
    `stun:${'a'.repeat(400)}`,
  ])('refuses %s with a message naming the allowed forms', (url) => {
    const r = iceUrlSchema.safeParse(url);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.message).toMatch(/ICE server URL/);
  });

  it('never accepts anything but the four ICE schemes, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        if (iceUrlSchema.safeParse(s).success) expect(s).toMatch(/^(stuns?|turns?):[^\s/@]+$/);
      }),
    );
  });

  it('drops anything but iceServers and iceTransportPolicy, and bounds the server count', () => {
    const r = iceConfigSchema.parse({ iceServers: [{ urls: ['stun:s.example.com'] }], iceTransportPolicy: 'relay', certificates: ['x'], bundlePolicy: 'max-compat' });
    expect(r).toEqual({ iceServers: [{ urls: ['stun:s.example.com'] }], iceTransportPolicy: 'relay' });
    const many = Array.from({ length: MAX_ICE_SERVERS + 1 }, () => ({ urls: ['stun:s.example.com'] }));
    expect(iceConfigSchema.safeParse({ iceServers: many }).success).toBe(false);
    expect(iceConfigSchema.safeParse({ iceServers: [{ urls: ['turn:t.example.com'] }] }).success).toBe(false); // TURN without credentials
    expect(iceConfigSchema.safeParse({ iceServers: [], iceTransportPolicy: 'none' }).success).toBe(false);
  });
});

describe('ICE settings keys (settings.json and IT policy)', () => {
  it('accept STUN/TURN lists, a username and the relay policy', () => {
    const r = partialSettingsSchema.safeParse({
      'phone.stunServers': ['stun:stun.example.com:3478'],
      'phone.turnServers': ['turn:turn.example.com:3478?transport=udp', 'turn:turn.example.com:3478?transport=tcp', 'turns:turn.example.com:443?transport=tcp'],
      'phone.turnUsername': 'spyglass',
      'phone.iceTransportPolicy': 'relay',
    });
    expect(r.success).toBe(true);
  });

  it('refuse a TURN URL among the STUN servers, a non-ICE URL, and a password key (the credential is a secret)', () => {
    expect(partialSettingsSchema.safeParse({ 'phone.stunServers': ['turn:turn.example.com'] }).success).toBe(false);
    expect(partialSettingsSchema.safeParse({ 'phone.turnServers': ['https://turn.example.com'] }).success).toBe(false);
    expect(partialSettingsSchema.safeParse({ 'phone.turnPassword': 'x' }).success).toBe(false);
    expect(partialSettingsSchema.safeParse({ 'phone.iceTransportPolicy': 'relay-only' }).success).toBe(false);
  });
});

describe('iceConfigFrom', () => {
  it('puts STUN and TURN (with the static credential) into the peer configuration', () => {
    const r = iceConfigFrom(
      settings({ stunServers: ['stun:s.example.com'], turnServers: ['turns:t.example.com:443'], turnUsername: 'u', turnCredential: 'p', iceTransportPolicy: 'relay' }),
    );
    expect(r).toEqual({
      ok: true,
      warnings: [],
      config: { iceServers: [{ urls: ['stun:s.example.com'] }, { urls: ['turns:t.example.com:443'], username: 'u', credential: 'p' }], iceTransportPolicy: 'relay' },
    });
  });

  it('leaves TURN out with a warning when its password is not in the secret store', () => {
    const r = iceConfigFrom(settings({ stunServers: ['stun:s.example.com'], turnServers: ['turn:t.example.com'], turnUsername: 'u' }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.config.iceServers).toEqual([{ urls: ['stun:s.example.com'] }]);
      expect(r.warnings.join()).toMatch(/TURN password \(secret phone\.turnPassword\) is not; TURN is not used/);
    }
  });

  it('says forced relay without a usable TURN server can carry no audio', () => {
    const r = iceConfigFrom(settings({ turnServers: ['turn:t.example.com'], iceTransportPolicy: 'relay' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/forces relayed media .* no usable TURN server/);
  });
});

describe('the ICE configuration reaches the peer connection', () => {
  const { started } = phonePerTest();
  const ice = { iceServers: [{ urls: ['turn:t.example.com:3478?transport=udp'], username: 'u', credential: 'p' }], iceTransportPolicy: 'relay' as const };

  it('every monitor leg creates its renderer peer with the configured servers and policy', async () => {
    const { phone, media } = await started({ iceConfig: () => ice });
    expect((await phone.startMonitor({ target: '1001', mode: 'monitor' })).state).toBe('active');
    const create = media.calls.find((c) => c.method === 'create');
    expect(create?.args[0]).toEqual(ice);
    // and it crosses the bridge as a valid contract value
    expect(iceConfigSchema.parse(create?.args[0])).toEqual(ice);
  });

  it('without ICE settings the peer gets no servers and all paths', async () => {
    const { phone, media } = await started();
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    expect(media.calls.find((c) => c.method === 'create')?.args[0]).toEqual({ iceServers: [], iceTransportPolicy: 'all' });
  });
});

describe('the status bar says when media is relayed', () => {
  const { started } = phonePerTest();

  it('a leg whose selected candidate pair is local relay shows "audio relayed through TURN"', async () => {
    const h = await started();
    h.media.localCandidateType = 'relay';
    await h.phone.startMonitor({ target: '1001', mode: 'monitor' });
    await until(() => h.phone.status().monitor?.relayed === true, 'relayed reported');
    expect(describePhone({ ...h.phone.status(), registration: 'registered', server: 'wss://pbx.example.com' }).text).toBe(
      'Phone: ready (pbx.example.com) · audio relayed through TURN',
    );
  });

  it('a direct (host) path says nothing about relaying', async () => {
    const h = await started();
    h.media.localCandidateType = 'host';
    await h.phone.startMonitor({ target: '1001', mode: 'monitor' });
    await until(() => h.phone.status().monitor?.relayed === false, 'direct path reported');
    expect(describePhone({ ...h.phone.status(), registration: 'registered', server: 'wss://pbx.example.com' }).text).toBe('Phone: ready (pbx.example.com)');
  });
});

describe('How long the INVITE waits for more candidates (iceGatheringGraceMs)', () => {
  it('waits only for the host burst when no STUN or TURN server can add a candidate, longer when one can', () => {
    const hostOnly = iceConfigFrom(settings());
    const stun = iceConfigFrom(settings({ stunServers: ['stun:stun.example.com'] }));
    const relay = iceConfigFrom(settings({ turnServers: ['turn:turn.example.com'], turnUsername: 'u', turnCredential: 'p', iceTransportPolicy: 'relay' }));
    expect(iceGatheringGraceMs(hostOnly.config)).toBe(HOST_ONLY_GATHERING_GRACE_MS);
    expect(iceGatheringGraceMs(stun.config)).toBe(SERVER_GATHERING_GRACE_MS);
    expect(iceGatheringGraceMs(relay.config)).toBe(SERVER_GATHERING_GRACE_MS);
    expect(HOST_ONLY_GATHERING_GRACE_MS).toBeLessThan(SERVER_GATHERING_GRACE_MS);
  });

  it('a TURN entry left out for its missing password counts as no server', () => {
    const r = iceConfigFrom(settings({ turnServers: ['turn:turn.example.com'], turnUsername: 'u' }));
    expect(iceGatheringGraceMs(r.config)).toBe(HOST_ONLY_GATHERING_GRACE_MS);
  });
});
