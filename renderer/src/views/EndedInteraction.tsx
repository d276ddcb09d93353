import { useEffect, useState } from 'react';
import type { InteractionView } from '../../../preload/contract';
import { dispatch, useStore } from '../store';
import { CachedInteractionView } from './transcripts/CachedInteractionView';
import { channelLabel, customerName } from './voice/format';

/**
 * Wrap-up instead of disappearance (issue 12 item 4): an interaction whose
 * details are open ends, or leaves the live set, and the view stays where the
 * supervisor was looking, marked ended, with the way to its cached copy
 * (notes, transcript, periods). Only the supervisor closes it.
 */
export function EndedInteraction({ interactionId, lastSeen }: { interactionId: string; lastSeen: InteractionView | undefined }) {
  const [cachedOpen, setCachedOpen] = useState(false);
  // Asked for from the ended monitoring toolbar ("Open the cached copy"): shown here, the one place it lives.
  const requested = useStore((s) => s.ui.cachedCopyOf === interactionId);
  useEffect(() => {
    if (!requested) return;
    setCachedOpen(true);
    dispatch({ type: 'ui/cachedCopyShown' });
  }, [requested]);
  const title = lastSeen ? `${channelLabel[lastSeen.channel]} with ${customerName(lastSeen)}` : 'Interaction';
  const back = () => dispatch({ type: 'ui/openDetails', interactionId: undefined });
  return (
    <section className="view ended-interaction" aria-labelledby="ended-title">
      <div className="details-head">
        <button type="button" title="Back to the list (closes the details)" onClick={back}>
          Back
        </button>
        <h1 id="ended-title">{title}</h1>
        <span className="call-state state-ended">Ended</span>
      </div>
      <p role="status" data-testid="interaction-ended">
        This interaction has ended and is no longer live. What was seen of it stays in the cache.
      </p>
      {cachedOpen ? (
        <CachedInteractionView interactionId={interactionId} onClose={() => setCachedOpen(false)} />
      ) : (
        <button type="button" title="Notes, transcript and supervision periods, as cached" onClick={() => setCachedOpen(true)}>
          Open the cached copy
        </button>
      )}
    </section>
  );
}
