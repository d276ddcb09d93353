import type { InteractionView, SupervisionMode } from '../../../../preload/contract';
import { run } from '../../services/api';
import { dispatch, useStore } from '../../store';
import { dispatchVoice } from '../../store/voice';

/** The voice commands as the screens use them; main checks every one (refusals become notices). */

function mySessionOn(interactionId: string) {
  const v = useStore.getState().live.voiceSession;
  return v && v.interactionId === interactionId && v.state !== 'ended' && v.state !== 'failed' ? v : undefined;
}

/** Monitor / Coach / Barge-in next to a participant: starts a leg, or switches the one already on it. */
export async function supervise(interactionId: string, participantId: string, mode: SupervisionMode): Promise<void> {
  const mine = mySessionOn(interactionId);
  if (!mine) {
    await run('voice:start', { interactionId, participantId, mode });
    return;
  }
  // Barge-in while barging is "Stop barging": back to silent monitoring.
  const next: SupervisionMode = mode === 'barge' && mine.mode === 'barge' ? 'monitor' : mode;
  await run('voice:setMode', { mode: next });
}

/** The handset: ends only my leg; the call goes on. */
export async function endMyLeg(): Promise<void> {
  await run('voice:end', {});
}

/** The toolbar microphone: unmute = barge in, mute = silent monitoring (seed 002). */
export async function toggleMic(): Promise<void> {
  await run('voice:toggleMic', {});
}

export async function toggleCoach(): Promise<void> {
  const v = useStore.getState().live.voiceSession;
  if (!v) return;
  await run('voice:setMode', { mode: v.mode === 'coach' ? 'monitor' : 'coach' });
}

/** Stop from the own-interactions panel: voice ends my leg, digital stops monitoring/participating. */
export async function stopSupervising(ix: InteractionView): Promise<void> {
  if (ix.channel === 'voice') await endMyLeg();
  else await run('digital:stop', { interactionId: ix.id });
}

export function openDetails(interactionId: string, participantId?: string): void {
  if (participantId) dispatchVoice({ type: 'voice/pick', interactionId, participantId });
  dispatch({ type: 'ui/openDetails', interactionId });
}
