/** A JsSipSoftphone wired to the in-process SIP UAS and a fake media host. */
import { afterEach, expect } from 'vitest';
import { InProcessSocket } from '../../../../main/phone/demoPbx/inProcessSocket';
import { SipUas, type InviteDecision, type UasCall } from '../../../../main/phone/demoPbx/sipUas';
import { asteriskChanSpy, type PbxProfile } from '../../../../main/phone/pbxProfiles';
import { JsSipSoftphone, type DeclinedCall, type SipAccount, type SoftphoneDeps } from '../../../../main/phone/softphone';
import { FakeMediaHost, fakeSdp } from './fakeMediaHost';

export interface Harness {
  phone: JsSipSoftphone;
  uas: SipUas;
  media: FakeMediaHost;
  account: SipAccount;
  socket(): InProcessSocket;
  lastCall(): UasCall | undefined;
  /** Every INVITE the phone declined, as it reported them. */
  declined: DeclinedCall[];
}

export interface InProcessPhoneOptions {
  profile?: PbxProfile;
  password?: string;
  onInvite?: (c: UasCall) => InviteDecision | Promise<InviteDecision>;
  refuseInfo?: (c: UasCall) => { status: number; reason: string } | undefined;
  /** The PBX's answer to a re-INVITE from the phone (SipUas hooks.onReinvite). */
  onReinvite?: (c: UasCall, offer: string) => InviteDecision | undefined | Promise<InviteDecision | undefined>;
  /** SoftphoneDeps.reattachBounds. */
  reattachBounds?: SoftphoneDeps['reattachBounds'];
  now?: () => number;
  /** ICE servers/policy the phone hands each new peer (SoftphoneDeps.iceConfig). */
  iceConfig?: SoftphoneDeps['iceConfig'];
}

export function inProcessPhone(opts: InProcessPhoneOptions = {}): Harness {
  const declined: DeclinedCall[] = [];
  let lastCall: UasCall | undefined;
  const uas = new SipUas({
    users: { sup1: 'secret' },
    hooks: {
      onInvite: (call) => {
        lastCall = call;
        return opts.onInvite?.(call) ?? { answerSdp: fakeSdp('sendrecv', 50000) };
      },
      refuseInfo: (call) => opts.refuseInfo?.(call),
      onReinvite: (call, offer) => opts.onReinvite?.(call, offer),
    },
  });
  const media = new FakeMediaHost();
  let sock: InProcessSocket | undefined;
  const phone = new JsSipSoftphone({
    mediaHost: media,
    createSocket: () => (sock = new InProcessSocket(uas)),
    onDeclinedCall: (c) => declined.push(c),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.iceConfig ? { iceConfig: opts.iceConfig } : {}),
    ...(opts.reattachBounds ? { reattachBounds: opts.reattachBounds } : {}),
  });
  const account: SipAccount = {
    wsUrl: 'ws://demo-pbx.invalid',
    uri: 'sip:sup1@demo-pbx.invalid',
    password: opts.password ?? 'secret',
    profile: opts.profile ?? asteriskChanSpy(),
    reconnectMinSec: 1,
    reconnectMaxSec: 1,
  };
  return {
    phone,
    uas,
    media,
    account,
    socket: () => {
      if (!sock) throw new Error('not connected yet');
      return sock;
    },
    lastCall: () => lastCall,
    declined,
  };
}

export const until = async (cond: () => boolean, what: string, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/**
 * One phone per test in this file, unregistered after each: `fresh` makes it,
 * `started` also registers it (with `account` overrides) and asserts it registered.
 */
export function phonePerTest() {
  let current: Harness | undefined;
  afterEach(async () => {
    await current?.phone.unregister();
    current = undefined;
  });
  const fresh = (opts: InProcessPhoneOptions = {}): Harness => (current = inProcessPhone(opts));
  return {
    fresh,
    async started(opts: InProcessPhoneOptions = {}, account: Partial<SipAccount> = {}): Promise<Harness> {
      const h = fresh(opts);
      Object.assign(h.account, account);
      expect((await h.phone.register(h.account)).registration).toBe('registered');
      return h;
    },
  };
}
