import { CommandError, type DigitalActions } from '../../../preload/contract';
import { auditToCsv } from '../AuditLog';
import type { Handlers } from '../dispatch';
import type { EventSink, SupervisorCore } from '../SupervisorCore';
import { sendAvailability } from '../../supervision';
import { requireAllowed } from './guard';

const safeLinkSchemes = new Set(['http:', 'https:', 'mailto:']);

/** Digital supervision commands (rules 11-18): checked in main, audited, then carried out by the connector. */
export function digitalHandlers(core: SupervisorCore): Handlers {
  const act = async (
    action: keyof DigitalActions,
    auditName: string,
    interactionId: string,
    run: () => Promise<void>,
    target?: string,
  ): Promise<Record<string, never>> => {
    const supervisor = core.mirror.supervisor;
    const base = {
      at: core.now(),
      supervisorId: supervisor.id,
      supervisorName: supervisor.name,
      action: auditName,
      interactionId,
      ...(target ? { target } : {}),
    };
    const about = core.audit.describeNow(base);
    const view = core.interactionView(interactionId);
    try {
      if (!view.digitalActions) throw new CommandError('REFUSED', 'This is a voice call; use the voice monitoring controls.');
      requireAllowed(view.digitalActions[action], 'This action is not available.');
    } catch (e) {
      core.audit.record({ ...base, result: 'refused', detail: (e as Error).message }, about);
      throw e;
    }
    try {
      await run();
    } catch (e) {
      core.audit.record({ ...base, result: 'failed', detail: (e as Error).message }, about);
      throw e;
    }
    core.audit.record({ ...base, result: 'ok' }, about);
    return {};
  };

  return {
    'digital:transcript': ({ interactionId }, { source }) => {
      const t = core.connector.transcript(interactionId);
      // The screen opened this conversation: its live messages and typing go there from now on.
      if (source) core.transcriptWatchers.watch(source as EventSink, interactionId);
      return { interactionId, messages: t.messages, ...(t.typing ? { typing: t.typing } : {}) };
    },
    'digital:monitor': ({ interactionId }) =>
      act('monitor', 'chat-monitor', interactionId, () => core.connector.monitorConversation(interactionId)),
    'digital:stop': ({ interactionId }) =>
      act('stop', 'chat-stop-monitor', interactionId, () => core.connector.stopMonitoringConversation(interactionId)),
    'digital:participate': ({ interactionId }) =>
      act('participate', 'chat-participate', interactionId, () => core.connector.participate(interactionId)),
    'digital:send': async ({ interactionId, text }) => {
      // Rule 15: only a participating supervisor sends; a monitor never does (it would be seen).
      const supervisor = core.mirror.supervisor;
      const base = { at: core.now(), supervisorId: supervisor.id, supervisorName: supervisor.name, action: 'chat-send', interactionId };
      try {
        const interaction = core.mirror.interactions.get(interactionId);
        if (!interaction) throw new CommandError('NOT_FOUND', 'This interaction has ended or is no longer visible.');
        requireAllowed(sendAvailability(supervisor, interaction), 'Participate in the chat before sending messages.');
      } catch (e) {
        core.audit.record({ ...base, result: 'refused', detail: (e as Error).message });
        throw e;
      }
      try {
        await core.connector.send(interactionId, text);
      } catch (e) {
        core.audit.record({ ...base, result: 'failed', detail: (e as Error).message });
        throw e;
      }
      core.audit.record({ ...base, result: 'ok', detail: `${text.length} characters` });
      return {};
    },
    'digital:transfer': ({ interactionId, target }) =>
      act('transfer', 'chat-transfer', interactionId, () => core.connector.transfer(interactionId, target), `${target.kind}:${target.id}`),
    'digital:release': ({ interactionId }) =>
      act('release', 'chat-release', interactionId, () => core.connector.release(interactionId)),
    'digital:assign': ({ interactionId, target }) =>
      act('assign', 'chat-assign', interactionId, () => core.connector.assign(interactionId, target), `${target.kind}:${target.id}`),
    'digital:clearFlag': ({ interactionId }) =>
      act('clearFlag', 'chat-clear-flag', interactionId, () => core.connector.clearAssistanceFlag(interactionId)),
    'digital:markViewed': ({ interactionId }) => {
      core.markViewed(interactionId);
      return {};
    },
    'audit:list': ({ limit }) => core.audit.list(limit),
    'audit:exportCsv': () => ({
      filename: `spyglass-audit-${new Date(core.now()).toISOString().slice(0, 10)}.csv`,
      csv: auditToCsv(core.audit.all()),
    }),
    'link:open': async ({ url }) => {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new CommandError('INVALID_PAYLOAD', 'This link is not a valid address and was not opened.');
      }
      if (!safeLinkSchemes.has(parsed.protocol)) {
        throw new CommandError('FORBIDDEN', `Links of type “${parsed.protocol}” are never opened. Only web and mail links can be opened.`);
      }
      await core.options.openExternal(parsed.toString());
      return {};
    },
  };
}
