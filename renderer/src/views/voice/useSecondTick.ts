import { useSyncExternalStore } from 'react';
import { createCoreClockEstimate } from '../../format/coreClock';
import { useStore } from '../../store';

/**
 * One shared once-per-second clock, reading the core's time (not the page's:
 * the demo may run faster than real time). Only mounted components subscribe,
 * so in a virtualized list only the visible rows re-render each second; the
 * interval stops when nobody listens.
 */
const coreClock = createCoreClockEstimate();
// Every snapshot and delta carries the core's `at`: each is a reading of its clock.
useStore.subscribe((state, previous) => {
  if (state.live.at && state.live.at !== previous.live.at) coreClock.note(state.live.at, Date.now());
});

/** The core's time now (for a timestamp shown once, outside the per-second tick). */
export const coreNow = (): number => coreClock.now(Date.now());

const listeners = new Set<() => void>();
let now = coreNow();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = coreNow();
    timer = setInterval(() => {
      now = coreNow();
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
