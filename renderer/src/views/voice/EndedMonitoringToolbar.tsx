import { useStore, dispatch } from '../../store';
import { DismissIcon } from '../../components/icons';
import type { EndedToolbarModel } from './endedToolbarModel';
import { openDetails } from './commands';
import './endedToolbar.css';

/**
 * The monitoring toolbar once the monitor ended under the supervisor (issue 12
 * item 4): it stays docked, marked ended, with the period's length and what
 * happened, the way to the call (its cached copy once the call is over), and a
 * close button. Starting another monitor replaces it.
 */
export function EndedMonitoringToolbar({ model, interactionId }: { model: EndedToolbarModel; interactionId: string }) {
  const callOver = useStore((s) => {
    const ix = s.live.interactions[interactionId];
    return !ix || ix.state === 'ended';
  });
  // The call's own (ended) details already offer its cached copy: no second way to the same thing on screen.
  const detailsOpen = useStore((s) => s.ui.detailsId === interactionId);
  const close = () => dispatch({ type: 'live/voiceSession', session: null });
  return (
    <section className="monitoring-toolbar ended" aria-label="Monitoring toolbar" data-testid="monitoring-ended">
      <span className="ended-badge">Ended</span>
      <span className="toolbar-title">{model.title}</span>
      <span className="tabular elapsed" title="How long you were on the call">
        <span className="visually-hidden">Lasted </span>
        {model.duration}
      </span>
      <span className="ended-what" role="status">
        {model.what}
      </span>
      {detailsOpen ? null : callOver ? (
        <button type="button" className="link-button" title="Notes, transcript and supervision periods, as cached" onClick={() => dispatch({ type: 'ui/openCachedCopy', interactionId })}>
          Open the cached copy
        </button>
      ) : (
        <button type="button" className="link-button" title="The call goes on: open its details" onClick={() => openDetails(interactionId)}>
          Open the call’s details
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Close the ended monitoring toolbar" title="Close" onClick={close}>
        <DismissIcon />
      </button>
    </section>
  );
}
