import { describe, expect, it } from 'vitest';
import type { NetworkHint } from '../../../preload/contract/phone';
import { LONG_HIDDEN_GAP_MS, watchNetworkHints } from '../../../renderer/src/services/networkHints';

function fakeSources() {
  const window = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const connection = new EventTarget();
  let t = 0;
  return { sources: { window, document: doc, connection, now: () => t }, advance: (ms: number) => (t += ms), doc, window, connection };
}

describe('network hints from the page', () => {
  it('sends online, offline, a connection change and a long hidden gap; not a short one; nothing after stop', () => {
    const f = fakeSources();
    const sent: NetworkHint[] = [];
    const stop = watchNetworkHints((h) => sent.push(h), f.sources);
    f.window.dispatchEvent(new Event('offline'));
    f.window.dispatchEvent(new Event('online'));
    f.connection.dispatchEvent(new Event('change'));
    f.doc.visibilityState = 'hidden';
    f.doc.dispatchEvent(new Event('visibilitychange'));
    f.advance(5_000);
    f.doc.visibilityState = 'visible';
    f.doc.dispatchEvent(new Event('visibilitychange'));
    f.doc.visibilityState = 'hidden';
    f.doc.dispatchEvent(new Event('visibilitychange'));
    f.advance(LONG_HIDDEN_GAP_MS + 1);
    f.doc.visibilityState = 'visible';
    f.doc.dispatchEvent(new Event('visibilitychange'));
    expect(sent.map((h) => h.kind)).toEqual(['offline', 'online', 'network-changed', 'visible-after-gap']);
    stop();
    f.window.dispatchEvent(new Event('offline'));
    expect(sent).toHaveLength(4);
  });
});
