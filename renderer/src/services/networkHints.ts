/**
 * What a browser can tell main about the network (issue 17 item 3): the
 * `online`/`offline` events, a `navigator.connection` change (another
 * network), and the page becoming visible after a long hidden gap (the
 * laptop may have slept with the tab). Each goes to main as
 * `phone:networkHint`; main decides what to do (connectionKeeper.ts).
 */
import type { NetworkHint } from '../../../preload/contract/phone';

/** Hidden this long, then visible: treat it as a possible sleep (main/phone/networkEvents.ts LONG_HIDDEN_GAP_MS). */
export const LONG_HIDDEN_GAP_MS = 60_000;

/** The parts of `window` and `document` read (tests pass fakes). */
export interface NetworkHintSources {
  window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { visibilityState: string };
  /** `navigator.connection` where the browser has it (Chromium). */
  connection?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  now(): number;
}

export function watchNetworkHints(send: (hint: NetworkHint) => void, sources: NetworkHintSources = browserSources()): () => void {
  let hiddenAt: number | null = sources.document.visibilityState === 'hidden' ? sources.now() : null;
  const online = () => send({ kind: 'online' });
  const offline = () => send({ kind: 'offline' });
  const changed = () => send({ kind: 'network-changed' });
  const visibility = () => {
    if (sources.document.visibilityState === 'hidden') {
      hiddenAt = sources.now();
      return;
    }
    const gap = hiddenAt === null ? 0 : sources.now() - hiddenAt;
    hiddenAt = null;
    if (gap > LONG_HIDDEN_GAP_MS) send({ kind: 'visible-after-gap' });
  };
  sources.window.addEventListener('online', online);
  sources.window.addEventListener('offline', offline);
  sources.connection?.addEventListener('change', changed);
  sources.document.addEventListener('visibilitychange', visibility);
  return () => {
    sources.window.removeEventListener('online', online);
    sources.window.removeEventListener('offline', offline);
    sources.connection?.removeEventListener('change', changed);
    sources.document.removeEventListener('visibilitychange', visibility);
  };
}

function browserSources(): NetworkHintSources {
  // Read through globalThis: this file is also type-checked (and unit-tested) without the DOM library.
  const g = globalThis as unknown as { window: EventTarget; document: EventTarget & { visibilityState: string }; navigator: { connection?: EventTarget } };
  return { window: g.window, document: g.document, connection: g.navigator.connection ?? null, now: () => Date.now() };
}
