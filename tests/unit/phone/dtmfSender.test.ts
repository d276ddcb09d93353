import { describe, expect, it } from 'vitest';
import { playDtmf, waitForCanInsertDtmf, type DtmfSenderLike } from '../../../renderer/src/media/dtmfSender';

/** Shaped like Chromium's RTCDTMFSender: refuses before DTLS, plays tones one by one, then tonechange ''. */
function fakeSender(opts: { readyAfterPolls?: number; refuse?: string } = {}) {
  let polls = 0;
  const listeners = new Set<(e: { tone: string }) => void>();
  const played: string[] = [];
  const sender: DtmfSenderLike & { played: string[] } = {
    played,
    get canInsertDTMF() {
      return ++polls > (opts.readyAfterPolls ?? 0);
    },
    toneBuffer: '',
    insertDTMF(tones) {
      if (opts.refuse) throw new Error(opts.refuse);
      let i = 0;
      const next = () => {
        const tone = tones[i++] ?? '';
        if (tone) played.push(tone);
        listeners.forEach((l) => l({ tone }));
        if (tone) setTimeout(next, 5);
      };
      setTimeout(next, 5);
    },
    addEventListener: (_t, fn) => listeners.add(fn),
    removeEventListener: (_t, fn) => listeners.delete(fn),
  };
  return sender;
}

describe('RFC 2833 digits in the media host', () => {
  it('waits for canInsertDTMF (DTLS up) instead of failing an early digit', async () => {
    const s = fakeSender({ readyAfterPolls: 3 });
    await waitForCanInsertDtmf(s, () => 'connecting', { pollMs: 1 });
    await playDtmf(s, '5', 100, 70);
    expect(s.played).toEqual(['5']);
  });

  it('gives up with a reason when the audio path never comes up', async () => {
    await expect(waitForCanInsertDtmf(fakeSender({ readyAfterPolls: 1e9 }), () => 'connecting', { timeoutMs: 30, pollMs: 5 })).rejects.toThrow(
      /canInsertDTMF is false/,
    );
    await expect(waitForCanInsertDtmf(fakeSender({ readyAfterPolls: 1e9 }), () => 'failed', { pollMs: 1 })).rejects.toThrow(/audio path to the PBX is failed/);
  });

  it('a refused insertDTMF is an error, not a sent digit', async () => {
    await expect(playDtmf(fakeSender({ refuse: 'InvalidStateError' }), '6', 100, 70)).rejects.toThrow(/refused the digits: InvalidStateError/);
  });

  it('resolves only after every tone was played', async () => {
    const s = fakeSender();
    await playDtmf(s, '*23', 100, 70);
    expect(s.played).toEqual(['*', '2', '3']);
  });
});
