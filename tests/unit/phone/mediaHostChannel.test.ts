import { describe, expect, it } from 'vitest';
import { createMediaHostChannel } from '../../../main/phone/mediaHost';
import { mediaEventSchema, mediaRequestSchema, phoneCommands, phoneEvents, type MediaRequest } from '../../../preload/contract/phone';

const snapshot = { seq: 1, signalingState: 'stable', iceGatheringState: 'new', iceConnectionState: 'new', connectionState: 'new', localDescription: null, remoteDescription: null, senders: [] };

describe('media host channel (main side of the bridge)', () => {
  it('correlates responses to requests by seq, in any order', async () => {
    const sent: MediaRequest[] = [];
    const ch = createMediaHostChannel((r) => sent.push(r));
    const a = ch.host.request('pc1', 'createOffer', [{}]);
    const b = ch.host.request('pc1', 'close', []);
    expect(sent.map((r) => mediaRequestSchema.parse(r).method)).toEqual(['createOffer', 'close']);
    ch.handleResponse({ seq: sent[1]!.seq, ok: true, result: {} });
    ch.handleResponse({ seq: sent[0]!.seq, ok: true, result: { desc: { type: 'offer', sdp: 'v=0' } } });
    expect(await a).toEqual({ desc: { type: 'offer', sdp: 'v=0' } });
    expect(await b).toEqual({});
  });

  it('rejects with the renderer error message', async () => {
    const sent: MediaRequest[] = [];
    const ch = createMediaHostChannel((r) => sent.push(r));
    const p = ch.host.request('pc1', 'create', [{}]);
    ch.handleResponse({ seq: sent[0]!.seq, ok: false, error: 'Permission denied' });
    await expect(p).rejects.toThrow('Permission denied');
  });

  it('drops malformed responses and events; the request then times out with a clear error', async () => {
    const seen: unknown[] = [];
    const sent: MediaRequest[] = [];
    const ch = createMediaHostChannel((r) => sent.push(r), { timeoutMs: 50 });
    ch.host.onEvent((e) => seen.push(e));
    const p = ch.host.request('pc1', 'createOffer', [{}]);
    ch.handleResponse({ seq: 'x' });
    ch.handleEvent({ pcId: 'pc1', type: 'icecandidate', snapshot: { ...snapshot, localDescription: { type: 'offer', sdp: 'x'.repeat(70_000) } } });
    ch.handleEvent({ pcId: '../evil', type: 'icecandidate', snapshot });
    await expect(p).rejects.toThrow(/did not answer createOffer/);
    expect(seen).toEqual([]);
    ch.handleEvent({ pcId: 'pc1', type: 'icegatheringstatechange', snapshot });
    expect(seen).toHaveLength(1);
  });

  it('fails everything in flight when the renderer goes away', async () => {
    const ch = createMediaHostChannel(() => undefined);
    const p = ch.host.request('pc1', 'createOffer', [{}]);
    ch.detach('media window closed');
    await expect(p).rejects.toThrow('media window closed');
    expect(ch.pending()).toBe(0);
  });

  it('the contract validates media events and lists the phone channels', () => {
    expect(mediaEventSchema.safeParse({ pcId: 'pc1', type: 'track', snapshot }).success).toBe(false);
    expect(Object.keys(phoneCommands)).toEqual(
      expect.arrayContaining(['phone:status', 'phone:register', 'phone:unregister', 'phone:setDevices', 'media:response', 'media:event', 'media:hostReady']),
    );
    expect(Object.keys(phoneEvents)).toEqual(expect.arrayContaining(['phone:status', 'media:request', 'media:devices']));
  });
});
