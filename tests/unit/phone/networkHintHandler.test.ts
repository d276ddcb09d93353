import { describe, expect, it } from 'vitest';
import { commands } from '../../../preload/contract';
import type { NetworkEvent } from '../../../main/phone/networkEvents';
import { phoneHandlers } from '../../../main/phone/phoneHandlers';
import { createMediaHostChannel } from '../../../main/phone/mediaHost';

describe('phone:networkHint', () => {
  it('the contract takes only the four hints, strictly', () => {
    const schema = commands['phone:networkHint'].req;
    expect(schema.safeParse({ kind: 'online' }).success).toBe(true);
    expect(schema.safeParse({ kind: 'visible-after-gap' }).success).toBe(true);
    expect(schema.safeParse({ kind: 'resume' }).success).toBe(false); // only main's power events say that
    expect(schema.safeParse({ kind: 'online', extra: 1 }).success).toBe(false);
    expect(schema.safeParse('online').success).toBe(false);
  });

  it('goes to the phone as a page event', async () => {
    const seen: NetworkEvent[] = [];
    const handlers = phoneHandlers({
      softphone: { register: async () => ({ registration: 'unregistered', monitor: null }), unregister: async () => ({ registration: 'unregistered', monitor: null }), status: () => ({ registration: 'unregistered', monitor: null }), mediaHostReady: () => undefined } as never,
      media: createMediaHostChannel(() => undefined),
      account: () => null,
      setDevices: (d) => d,
      networkEvent: (e) => seen.push(e),
    });
    await handlers['phone:networkHint']!({ kind: 'offline' } as never, {} as never);
    expect(seen).toEqual([{ kind: 'offline', source: 'page' }]);
  });
});
