/**
 * RFC 2833 digits with a result: wait until Chromium can send them (DTLS up:
 * before that `insertDTMF` throws "canInsertDTMF is false", issue 18 found 3),
 * then resolve only once every tone went out, or throw saying why. Works on
 * anything shaped like RTCDTMFSender, so it is unit-tested without a browser.
 */
export interface DtmfSenderLike {
  readonly canInsertDTMF: boolean;
  readonly toneBuffer: string;
  insertDTMF(tones: string, duration?: number, interToneGap?: number): void;
  addEventListener(type: 'tonechange', fn: (e: { tone: string }) => void): void;
  removeEventListener(type: 'tonechange', fn: (e: { tone: string }) => void): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitForCanInsertDtmf(
  dtmf: Pick<DtmfSenderLike, 'canInsertDTMF'>,
  connectionState: () => string,
  { timeoutMs = 5000, pollMs = 20 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!dtmf.canInsertDTMF) {
    const state = connectionState();
    if (state === 'failed' || state === 'closed') throw new Error(`the audio path to the PBX is ${state}, so no digit can be sent`);
    if (Date.now() >= end) {
      throw new Error(`the audio path to the PBX did not come up within ${timeoutMs} ms (canInsertDTMF is false: DTLS not up)`);
    }
    await sleep(pollMs);
  }
}

/** Insert the tones and resolve when the last one has been played (tonechange with ''). */
export function playDtmf(dtmf: DtmfSenderLike, tones: string, duration: number, gap: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const budget = 2000 + tones.length * (duration + gap) * 2;
    const done = (err?: Error) => {
      clearTimeout(timer);
      dtmf.removeEventListener('tonechange', onTone);
      if (err) reject(err);
      else resolve();
    };
    const onTone = (e: { tone: string }) => {
      if (e.tone === '') done();
    };
    const timer = setTimeout(() => {
      done(dtmf.toneBuffer === '' ? undefined : new Error(`the digits "${tones}" were not played out within ${budget} ms`));
    }, budget);
    dtmf.addEventListener('tonechange', onTone);
    try {
      dtmf.insertDTMF(tones, duration, gap);
    } catch (e) {
      done(new Error(`Chromium refused the digits: ${(e as Error)?.message ?? String(e)}`));
    }
  });
}
