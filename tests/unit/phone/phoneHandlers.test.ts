import { describe, expect, it } from 'vitest';
import { createMediaHostChannel } from '../../../main/phone/mediaHost';
import { phoneHandlers } from '../../../main/phone/phoneHandlers';
import type { MediaRequest } from '../../../preload/contract/phone';
import { inProcessPhone } from './support/inProcessPhone';

describe('phone command handlers', () => {
  it('registers with the account from settings and reports status', async () => {
    const h = inProcessPhone();
    const handlers = phoneHandlers({ softphone: h.phone, media: createMediaHostChannel(() => undefined), account: () => h.account, setDevices: (d) => d });
    const s = await handlers['phone:register']!({}, {});
    expect(s).toMatchObject({ registration: 'registered' });
    expect(await handlers['phone:status']!({}, {})).toMatchObject({ registration: 'registered' });
    expect(await handlers['phone:unregister']!({}, {})).toMatchObject({ registration: 'unregistered' });
  });

  it('refuses to register without an account, saying where to set it up', async () => {
    const h = inProcessPhone();
    const handlers = phoneHandlers({ softphone: h.phone, media: createMediaHostChannel(() => undefined), account: () => null, setDevices: (d) => d });
    await expect(Promise.resolve(handlers['phone:register']!({}, {}))).rejects.toThrow(/in Settings/);
  });

  it('routes media responses to the waiting request', async () => {
    const sent: MediaRequest[] = [];
    const media = createMediaHostChannel((r) => sent.push(r));
    const h = inProcessPhone();
    const handlers = phoneHandlers({ softphone: h.phone, media, account: () => null, setDevices: (d) => d });
    const p = media.host.request('pc1', 'close', []);
    await handlers['media:response']!({ seq: sent[0]!.seq, ok: true, result: {} }, {});
    await expect(p).resolves.toEqual({});
  });
});
