import {
  CommandError,
  supervisionModes,
  type AudibilityPreviewRow,
  type InteractionDetails,
  type SupervisionMode,
  type VoiceSession,
} from '../../../preload/contract';
import { audibilityPreview, callScenario, heardByPreview } from '../../supervision';
import type { Handlers } from '../dispatch';
import type { SupervisorCore } from '../SupervisorCore';
import { requireAllowed } from './guard';

/**
 * Voice supervision commands. Every command is checked against the rules in
 * main (rules 1-10) before it reaches the connector, so a forged IPC message
 * is refused with the same reason the UI shows.
 */
export function voiceHandlers(core: SupervisorCore): Handlers {
  const audit = (action: string, interactionId: string, result: 'ok' | 'refused' | 'failed', detail?: string) =>
    core.audit.record({
      at: core.now(),
      supervisorId: core.mirror.supervisor.id,
      supervisorName: core.mirror.supervisor.name,
      action,
      interactionId,
      result,
      ...(detail ? { detail } : {}),
    });

  /** How the phone's PBX mixes the leg: decides what the supervisor really hears (rule 2). */
  const mixing = () => core.options.phone?.pbxMixing?.() ?? 'as-rules';

  const current = (): VoiceSession => {
    const v = core.voiceSession;
    if (!v || v.state === 'ended' || v.state === 'failed') {
      throw new CommandError('REFUSED', 'You are not monitoring a call. Pick a call and choose Monitor first.');
    }
    return v;
  };

  const sessionFor = (interactionId: string, participantId: string, mode: SupervisionMode, startedAt: number): VoiceSession => {
    const interaction = core.mirror.interactions.get(interactionId);
    if (!interaction) throw new CommandError('NOT_FOUND', 'This call has ended.');
    const { mutedOnHold = [], ...audible } = core.options.rules.audibility(interaction, participantId, mode, mixing());
    return { interactionId, participantId, mode, state: 'active', startedAt, ...audible, ...(mutedOnHold.length > 0 ? { mutedOnHold } : {}) };
  };

  const changeMode = async (mode: SupervisionMode): Promise<VoiceSession> => {
    const v = current();
    if (v.mode === mode) return v;
    if (v.state === 'connecting') {
      throw new CommandError('REFUSED', 'Your monitoring call is still connecting; switch modes once it is connected.');
    }
    const view = core.interactionView(v.interactionId);
    try {
      // Barging -> monitor is "stop barging" (muting the mic): the rules offer it
      // as the participant's barge toggle, while plain "monitor" waits for it.
      const action = v.mode === 'barge' && mode === 'monitor' ? 'barge' : mode;
      requireAllowed(view.participantActions[v.participantId]?.[action], 'This participant cannot be supervised.');
    } catch (e) {
      audit(`voice-${mode}`, v.interactionId, 'refused', (e as Error).message);
      throw e;
    }
    // The same leg, new mode: the PBX gets the profile's digits (no new call, no
    // renegotiation). Phone first: if the digits cannot be sent, nothing changed.
    const phone = core.options.phone;
    try {
      await phone?.setMode(mode);
    } catch (e) {
      // The PBX did not take the digits: the phone fell back to listening with the mic off. Show that, not the old mode.
      const actual = phone?.currentMode?.();
      if (actual && actual !== v.mode) {
        await core.connector.changeSupervisionMode(v.interactionId, actual).catch(() => undefined);
        core.setVoiceSession(sessionFor(v.interactionId, v.participantId, actual, v.startedAt));
      }
      audit(`voice-${mode}`, v.interactionId, 'failed', (e as Error).message);
      throw e;
    }
    try {
      await core.connector.changeSupervisionMode(v.interactionId, mode);
    } catch (e) {
      await phone?.setMode(v.mode).catch(() => undefined);
      throw e;
    }
    const next = sessionFor(v.interactionId, v.participantId, mode, v.startedAt);
    core.setVoiceSession(next);
    audit(`voice-${mode}`, v.interactionId, 'ok');
    return next;
  };

  return {
    'interaction:details': ({ interactionId }) => {
      const interaction = core.interactionView(interactionId);
      const details: InteractionDetails = {
        interaction,
        // The contact center's timeline and the seat's own entries (call quality of monitor periods).
        timeline: core.ownTimeline.merged(interactionId, core.connector.timeline(interactionId)),
        periods: core.connector.periods(interactionId),
      };
      if (interaction.channel === 'voice') {
        // Rule 2: what the supervisor would hear on hold and transfer, for every
        // participant they could pick (supervisors on the call cannot be picked).
        const preview: Record<string, AudibilityPreviewRow[]> = {};
        for (const p of interaction.participants) {
          if (p.role === 'supervisor' || p.state === 'disconnected') continue;
          preview[p.id] = audibilityPreview(interaction, p.id, mixing());
        }
        details.audibilityPreview = preview;
        details.currentScenario = callScenario(interaction, mixing());
        details.heardByPreview = Object.fromEntries(supervisionModes.map((m) => [m, heardByPreview(m)])) as Record<SupervisionMode, string>;
      }
      return details;
    },
    'voice:start': async ({ interactionId, participantId, mode }) => {
      const view = core.interactionView(interactionId);
      if (view.channel !== 'voice') throw new CommandError('REFUSED', 'This is not a voice call; use Monitor chat instead.');
      try {
        requireAllowed(view.participantActions[participantId]?.[mode], 'This participant cannot be supervised.');
      } catch (e) {
        audit(`voice-${mode}`, interactionId, 'refused', (e as Error).message);
        throw e;
      }
      const startedAt = core.now();
      // A leg onto a call already on hold must be muted from its first packet (rule 2 on a channel spy).
      const mutedOnHold = sessionFor(interactionId, participantId, mode, startedAt).mutedOnHold ?? [];
      core.setVoiceSession({
        interactionId,
        participantId,
        mode,
        state: 'connecting',
        startedAt,
        micLive: false,
        hearing: [],
        heardBy: [],
        ...(mutedOnHold.length > 0 ? { mutedOnHold } : {}),
      });
      // Platforms that call the supervisor get a single-use token to put on that INVITE:
      // only it is answered by itself (main/phone/autoAnswer.ts).
      const { monitorToken } = core.options.phone?.prepareMonitor?.(mode) ?? {};
      try {
        await core.connector.startSupervision({ interactionId, participantId, mode, ...(monitorToken ? { monitorToken } : {}) });
      } catch (e) {
        core.options.phone?.withdrawMonitorRequest?.();
        core.setVoiceSession(undefined);
        audit(`voice-${mode}`, interactionId, 'failed', (e as Error).message);
        throw e;
      }
      const phone = core.options.phone;
      let inEffect = mode;
      if (phone) {
        // The platform has added us; now the audio leg (dial the agent's station).
        try {
          const leg = await phone.startMonitor(agentExtension(core, interactionId), mode);
          // Up, but the PBX did not take the first mode's digits: listening only, and the supervisor is told why.
          if (leg && leg.mode !== mode) {
            inEffect = leg.mode;
            await core.connector.changeSupervisionMode(interactionId, inEffect).catch(() => undefined);
            if (leg.notice) core.notify('warning', leg.notice);
          }
        } catch (e) {
          await core.connector.stopSupervision(interactionId).catch(() => undefined);
          core.setVoiceSession(undefined);
          audit(`voice-${mode}`, interactionId, 'failed', (e as Error).message);
          throw e;
        }
        if (core.voiceSession?.interactionId !== interactionId) {
          // The call ended while the leg was being set up.
          await phone.end();
          throw new CommandError('NOT_FOUND', 'The call ended before your monitoring leg connected.');
        }
      }
      const session = sessionFor(interactionId, participantId, inEffect, startedAt);
      core.setVoiceSession(session);
      audit(`voice-${mode}`, interactionId, inEffect === mode ? 'ok' : 'failed');
      return session;
    },
    'voice:setMode': ({ mode }) => changeMode(mode),
    'voice:toggleMic': () => {
      // Seed 002: the microphone is the barge toggle. Unmuting barges in;
      // muting goes back to silent monitoring.
      const v = current();
      return changeMode(v.mode === 'barge' ? 'monitor' : 'barge');
    },
    'voice:end': async () => {
      const v = current();
      core.setVoiceSession({ ...v, state: 'ending', micLive: false, heardBy: [] });
      try {
        // Handset: hang up our own leg first so the mic is gone before anything else.
        await core.options.phone?.end();
        await core.connector.stopSupervision(v.interactionId);
      } finally {
        core.setVoiceSession(undefined);
      }
      audit('voice-end', v.interactionId, 'ok');
      return {};
    },
  };
}

/** The station the PBX spies on: the agent on the call (whichever participant is picked). */
function agentExtension(core: SupervisorCore, interactionId: string): string {
  const interaction = core.mirror.interactions.get(interactionId);
  const agentParticipant = interaction?.participants.find((p) => p.role === 'agent' && p.state !== 'disconnected' && p.agentId);
  const agent = agentParticipant?.agentId ? core.mirror.agents.get(agentParticipant.agentId) : undefined;
  if (!agent) throw new CommandError('NOT_FOUND', 'No agent station is on this call to monitor.');
  return agent.extension;
}
