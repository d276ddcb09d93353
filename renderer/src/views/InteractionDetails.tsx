import { dispatch, useStore } from '../store';
import { ConversationDetails } from './digital/ConversationDetails';
import { VoiceDetails } from './voice/VoiceDetails';

/** Opens the details of one interaction: voice and digital have their own screens. */
export function InteractionDetails({ interactionId }: { interactionId: string }) {
  const channel = useStore((s) => s.live.interactions[interactionId]?.channel);
  if (!channel) {
    return (
      <section className="view">
        <p>This interaction has ended and is no longer live.</p>
        <button type="button" title="Back to the list" onClick={() => dispatch({ type: 'ui/openDetails', interactionId: undefined })}>
          Back
        </button>
      </section>
    );
  }
  return channel === 'voice' ? <VoiceDetails interactionId={interactionId} /> : <ConversationDetails interactionId={interactionId} />;
}
