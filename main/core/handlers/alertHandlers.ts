import { CommandError } from '../../../preload/contract';
import type { AlertFeed } from '../AlertFeed';
import type { Handlers } from '../dispatch';
import type { ContactCenterMirror } from '../ContactCenterMirror';

/** Conversations one supervisor may wait on at a time ("notify me when free"). */
export const MAX_WANTED_LOCKS = 1000;

/** What the alert commands need from the core (a narrow port, not the core class). */
export interface AlertsPort {
  alerts: AlertFeed;
  mirror: ContactCenterMirror;
  isOffline: boolean;
}

export function alertHandlers(core: AlertsPort): Handlers {
  return {
    'alerts:list': () => core.alerts.state(),
    'alerts:acknowledge': ({ ids }) => core.alerts.acknowledge(ids),
    'alerts:acknowledgeAll': () => core.alerts.acknowledge('all'),
    'alerts:wantLock': ({ interactionId, want }) => {
      if (!want) return core.alerts.wantLock(interactionId, false);
      if (core.isOffline) throw new CommandError('UNAVAILABLE', 'Offline: nothing can be watched until the contact center is connected.');
      const ix = core.mirror.interactions.get(interactionId);
      if (!ix || ix.state === 'ended') throw new CommandError('NOT_FOUND', 'This interaction has ended or is no longer visible.');
      const lock = ix.monitorLock;
      if (!lock || lock.supervisorId === core.mirror.supervisor.id) {
        throw new CommandError('REFUSED', 'Nobody else is monitoring it: you can monitor it now.');
      }
      if (core.alerts.state().wantedLocks.length >= MAX_WANTED_LOCKS && !core.alerts.state().wantedLocks.includes(interactionId)) {
        throw new CommandError('REFUSED', `You are already waiting on ${MAX_WANTED_LOCKS} conversations.`);
      }
      return core.alerts.wantLock(interactionId, true);
    },
  };
}
