import type { Availability, InteractionView, SupervisionMode, VoiceSession } from '../../../../preload/contract';
import { formatElapsed, joinNames, modeDoing } from './format';

/** What the monitoring toolbar shows, computed from main's voice session and the call's actions. */
export interface ToolbarModel {
  /** 'reattaching': the page reloaded and the leg's audio is being moved here (no mode, no mic claimed). */
  phase: 'connecting' | 'active' | 'ending' | 'reattaching';
  mode: SupervisionMode;
  /** "Monitoring Jennifer Morales" */
  title: string;
  elapsed: string;
  /** "You hear: Jennifer Morales and Alex Kim" */
  hearing: string;
  /** Muted = silent monitoring (or coaching); unmuted = barged in (seed 002). */
  micMuted: boolean;
  mic: Availability;
  micLabel: string;
  coachOn: boolean;
  coach: Availability;
  coachLabel: string;
  /** Set whenever anyone can hear the supervisor: the red hot-mic indicator. */
  hotMic: string | undefined;
}

const refusedUnknown: Availability = { allowed: false, reason: 'The call is no longer listed' };

/** What the softphone measured on the leg (phone status `monitor.audio`). */
export interface LegWire {
  audio?: 'waiting' | 'flowing' | 'none' | 'silent' | undefined;
  /** Phone status `monitor.reattaching`: the audio is being moved to this page after a reload. */
  reattaching?: boolean | undefined;
}

export function toolbarModel(
  session: VoiceSession | undefined,
  interaction: InteractionView | undefined,
  now: number,
  wire: LegWire = {},
): ToolbarModel | undefined {
  if (!session || session.state === 'ended' || session.state === 'failed') return undefined;
  const participant = interaction?.participants.find((p) => p.id === session.participantId);
  const target = participant?.name ?? 'the call';
  const actions = interaction?.participantActions[session.participantId];
  const connecting = session.state === 'connecting';
  const ending = session.state === 'ending';
  // After a reload: nothing is heard and nobody hears the supervisor until audio flows here again.
  const reattaching = !connecting && !ending && wire.reattaching === true;
  const busy: Availability | undefined = connecting
    ? { allowed: false, reason: 'Still connecting to the call' }
    : ending
      ? { allowed: false, reason: 'Ending your monitoring session' }
      : reattaching
        ? { allowed: false, reason: 'Reconnecting your audio after the reload' }
        : undefined;
  const micMuted = session.mode !== 'barge';
  const coachOn = session.mode === 'coach';
  // No packets at all from the PBX (e.g. Opus chosen without a translator, seen on a real
  // Asterisk): the leg carries nothing either way, so naming who you hear or who hears you
  // would be a claim the wire contradicts. The mic is still on, so the hot-mic stays.
  const noAudio = wire.audio === 'none';
  return {
    phase: connecting ? 'connecting' : ending ? 'ending' : reattaching ? 'reattaching' : 'active',
    mode: session.mode,
    title: reattaching ? `Reconnecting your audio — ${target}` : `${capitalise(modeDoing[session.mode])} ${target}`,
    elapsed: formatElapsed(now - session.startedAt),
    hearing: reattaching
      ? 'You hear: nothing yet — moving your audio to this window; nobody hears you'
      : noAudio
        ? 'You hear: nothing — no audio from the PBX'
        : hearingText(session, interaction),
    micMuted,
    mic: busy ?? actions?.barge ?? refusedUnknown,
    micLabel: micMuted ? 'Unmute to barge in (agent and customer will hear you)' : 'Mute to go back to silent monitoring',
    coachOn,
    // Leaving coach goes back to monitoring, which is never refused.
    coach: busy ?? (coachOn ? (actions?.monitor ?? { allowed: true }) : (actions?.coach ?? refusedUnknown)),
    coachLabel: coachOn ? 'Stop coaching (back to silent monitoring)' : 'Coach the agent (only the agent hears you)',
    // Main keeps the microphone off while reattaching: no LIVE until audio flows here again.
    hotMic: session.micLive && !reattaching ? (noAudio ? hotMicNoAudioText : hotMicText(session.heardBy)) : undefined,
  };
}

/**
 * "You hear: …" as main computed it for the PBX's mixing. A held customer the
 * PBX still sends is muted by Spyglass (rule 2): say so, so the silence is not
 * mistaken for a fault. In a consult the agent talks to the specialist: say that too.
 */
export function hearingText(session: VoiceSession, interaction: InteractionView | undefined): string {
  const muted = session.mutedOnHold ?? [];
  if (muted.length > 0) return `You hear: nobody — ${joinNames(muted)} ${muted.length === 1 ? 'is' : 'are'} on hold (muted for privacy)`;
  const consult = interaction?.state === 'consult' && session.hearing.length > 1 ? ' (consult)' : '';
  return `You hear: ${joinNames(session.hearing)}${consult}`;
}

export function hotMicText(heardBy: readonly string[]): string {
  return heardBy.length === 0 ? 'LIVE — your microphone is on' : `LIVE — ${joinNames(heardBy)} can hear you`;
}

export const hotMicNoAudioText = 'LIVE — your microphone is on, but the PBX sends no audio on this leg: nobody hears you';

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
