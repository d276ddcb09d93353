/**
 * Electron's powerMonitor to the phone (issue 17 item 3): suspend and resume,
 * and an unlock after a long lock (laptops often sleep behind the lock
 * screen without a resume the app sees). The rules of what each event does
 * are in main/phone (connectionKeeper.ts); this file only forwards.
 */
import { powerMonitor } from 'electron';
import { LONG_HIDDEN_GAP_MS, type NetworkEvent } from '../phone/networkEvents';

export function forwardPowerEvents(onEvent: (event: NetworkEvent) => void, now: () => number = Date.now): void {
  let lockedAt: number | null = null;
  powerMonitor.on('suspend', () => onEvent({ kind: 'suspend', source: 'powerMonitor' }));
  powerMonitor.on('resume', () => onEvent({ kind: 'resume', source: 'powerMonitor' }));
  powerMonitor.on('lock-screen', () => {
    lockedAt = now();
  });
  powerMonitor.on('unlock-screen', () => {
    const long = lockedAt !== null && now() - lockedAt > LONG_HIDDEN_GAP_MS;
    lockedAt = null;
    if (long) onEvent({ kind: 'visible-after-gap', source: 'powerMonitor unlock' });
  });
}
