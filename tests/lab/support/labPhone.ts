/** A JsSipSoftphone (fake media host) registered at the lab Kamailio. */
import { asteriskChanSpy, type PbxProfile } from '../../../main/phone/pbxProfiles';
import { JsSipSoftphone, type SipAccount } from '../../../main/phone/softphone';
import { FakeMediaHost } from '../../unit/phone/support/fakeMediaHost';

export function labPhone(wsUrl: string, opts: { user?: string; password?: string; profile?: PbxProfile; now?: () => number; answerTimeoutMs?: number } = {}) {
  const media = new FakeMediaHost();
  const phone = new JsSipSoftphone({ mediaHost: media, ...(opts.now ? { now: opts.now } : {}) });
  const account: SipAccount = {
    wsUrl,
    uri: `sip:${opts.user ?? 'sup1'}@127.0.0.1`,
    password: opts.password ?? 'secret',
    profile: opts.profile ?? asteriskChanSpy(),
    reconnectMinSec: 1,
    reconnectMaxSec: 2,
    ...(opts.answerTimeoutMs !== undefined ? { answerTimeoutMs: opts.answerTimeoutMs } : {}),
  };
  return { phone, media, account };
}
