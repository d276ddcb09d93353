import { useRef } from 'react';
import type { InteractionView } from '../../../preload/contract';
import { useStore } from '../store';
import { ConversationDetails } from './digital/ConversationDetails';
import { EndedInteraction } from './EndedInteraction';
import { VoiceDetails } from './voice/VoiceDetails';

/**
 * Opens the details of one interaction: voice and digital have their own screens.
 * When it ends (or leaves the live set) the view stays, as a wrap-up: the last
 * snapshot seen names it, since the live store no longer has it.
 */
export function InteractionDetails({ interactionId }: { interactionId: string }) {
  const ix = useStore((s) => s.live.interactions[interactionId]);
  const lastSeen = useRef<InteractionView | undefined>(undefined);
  if (ix) lastSeen.current = ix;
  else if (lastSeen.current?.id !== interactionId) lastSeen.current = undefined;
  // A digital conversation that ended but is still listed keeps its own screen (its transcript stays there).
  if (!ix || (ix.channel === 'voice' && ix.state === 'ended')) return <EndedInteraction key={interactionId} interactionId={interactionId} lastSeen={lastSeen.current} />;
  return ix.channel === 'voice' ? <VoiceDetails interactionId={interactionId} /> : <ConversationDetails interactionId={interactionId} />;
}
