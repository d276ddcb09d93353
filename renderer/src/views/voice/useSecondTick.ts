import { useSyncExternalStore } from 'react';

/**
 * One shared once-per-second clock. Only mounted components subscribe, so
 * in a virtualized list only the visible rows re-render each second; the
 * interval stops when nobody listens.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const getSnapshot = () => now;

export function useSecondTick(): number {
  return useSyncExternalStore(subscribe, getSnapshot);
}
