/**
 * Main's own look at the machine's network and sleep, in both hosts (Node
 * has no interface-change event): every couple of seconds it compares the
 * external addresses (networkEvents.ts interfaceSignature) and notices a
 * timer that fired far too late (the machine slept). Electron adds
 * powerMonitor's suspend/resume on top (main/electron/powerEvents.ts); the
 * page adds what the browser sees (`phone:networkHint`).
 */
import { networkInterfaces } from 'node:os';
import { interfaceChange, interfaceSignature, sleptBetween, type InterfaceTable, type NetworkEvent } from './networkEvents';

export interface NetworkWatchOptions {
  intervalMs?: number;
  interfaces?: () => InterfaceTable;
  now?: () => number;
}

/** Starts watching; returns the function that stops it. */
export function startNetworkWatch(onEvent: (event: NetworkEvent) => void, options: NetworkWatchOptions = {}): () => void {
  const intervalMs = options.intervalMs ?? 2000;
  const read = options.interfaces ?? (() => networkInterfaces() as InterfaceTable);
  const now = options.now ?? Date.now;
  const safeRead = (previous: string): string => {
    try {
      return interfaceSignature(read());
    } catch {
      return previous; // a failed look is not a change
    }
  };
  let signature = safeRead('');
  let lastTick = now();
  const timer = setInterval(() => {
    const at = now();
    if (sleptBetween(lastTick, at, intervalMs)) onEvent({ kind: 'resume', source: 'timer gap' });
    lastTick = at;
    const next = safeRead(signature);
    const change = interfaceChange(signature, next);
    signature = next;
    if (change) onEvent({ kind: change, source: 'interfaces' });
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
