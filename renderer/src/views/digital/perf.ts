import type { Message } from '../../../../preload/contract';
import type {} from '../voice/perf';

/**
 * A measuring hook for tests/bench/digital.bench.ts: the benchmark installs
 * `window.__spyglassPerf` before the app loads; without it this costs one
 * property read per transcript commit. Extends the shared hook type.
 */
declare module '../voice/perf' {
  interface SpyglassPerf {
    /** New messages of an open conversation were committed to the DOM; `committedAt` is the page's Date.now(). */
    messagesCommitted?: (interactionId: string, messages: readonly Message[], committedAt: number) => void;
  }
}

export function reportMessagesCommitted(interactionId: string, messages: readonly Message[]): void {
  const perf = window.__spyglassPerf;
  if (perf?.messagesCommitted && messages.length) perf.messagesCommitted(interactionId, messages, Date.now());
}

export const perfHookInstalled = (): boolean => window.__spyglassPerf?.messagesCommitted !== undefined;
