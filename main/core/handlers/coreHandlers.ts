import type { Handlers } from '../dispatch';
import type { SupervisorCore } from '../SupervisorCore';

export function coreHandlers(core: SupervisorCore): Handlers {
  return {
    'app:hello': () => ({
      product: 'Spyglass' as const,
      version: core.options.version,
      host: core.options.host,
      mode: core.connectorStatus.state === 'offline' ? ('offline' as const) : ('online' as const),
    }),
    'session:snapshot': () => core.snapshot(),
    'supervisor:setStatus': async ({ status }) => {
      if (core.voiceSession && status !== 'Available') {
        // Changing status mid-monitor would leave a live leg nobody sees.
        core.notify('warning', 'You are still monitoring a call; your status changes after you end it.');
      }
      await core.connector.setSupervisorStatus(status);
      core.audit.record({
        at: core.now(),
        supervisorId: core.mirror.supervisor.id,
        supervisorName: core.mirror.supervisor.name,
        action: 'set-status',
        target: status,
        result: 'ok',
      });
      return {};
    },
    'config:get': () => core.options.config.view(),
    'config:set': ({ key, value }) => core.options.config.set(key, value),
    'notices:list': () => core.listNotices(),
    'notices:read': ({ ids }) => {
      core.readNotices(ids);
      return {};
    },
  };
}
