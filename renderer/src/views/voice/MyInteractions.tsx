import { memo } from 'react';
import { useStore } from '../../store';
import { selectMyInteractionIds } from '../../store/live/selectors';
import { ActionButton } from './ActionButton';
import { openDetails, stopSupervising } from './commands';
import { channelLabel, customerName, interactionStateLabel } from './format';
import { myPartIn } from './myPart';
import { BinocularsIcon, DotIcon, StopIcon } from '../../components/icons';
import './voice.css';

/** The supervisor's own interaction panel (rule 13): everything they monitor or take part in. */
export function MyInteractions() {
  const ids = useStore((s) => selectMyInteractionIds(s.live));
  return (
    <aside className="my-interactions" aria-labelledby="my-interactions-title">
      <h2 id="my-interactions-title">My interactions</h2>
      {ids.length === 0 ? <p className="muted small">You are not monitoring anything.</p> : null}
      <ul className="my-list">
        {ids.map((id) => (
          <MyInteraction key={id} id={id} />
        ))}
      </ul>
    </aside>
  );
}

const MyInteraction = memo(function MyInteraction({ id }: { id: string }) {
  const ix = useStore((s) => s.live.interactions[id]);
  const session = useStore((s) => (s.live.voiceSession?.interactionId === id ? s.live.voiceSession : undefined));
  const open = useStore((s) => s.ui.detailsId === id);
  const me = useStore((s) => s.live.supervisor?.id);
  if (!ix) return null;
  const who = `${channelLabel[ix.channel]} with ${customerName(ix)}`;
  const { doing, stopLabel, stopTitle } = myPartIn(ix, session?.mode, me);
  return (
    <li className={`my-item${open ? ' open' : ''}`}>
      <button type="button" className="my-open" title={`Open ${who}`} aria-current={open || undefined} onClick={() => openDetails(id)}>
        <BinocularsIcon />
        <span className="my-text">
          <span className="my-who">{who}</span>
          <span className="muted small">
            {doing} · {interactionStateLabel(ix.state)}
          </span>
        </span>
        {ix.unseenActivity ? (
          <span className="attention-dot" role="img" aria-label="new activity">
            <DotIcon />
          </span>
        ) : null}
      </button>
      <ActionButton
        availability={{ allowed: true }}
        className="icon-button stop-button"
        label={stopLabel}
        title={stopTitle}
        onClick={() => void stopSupervising(ix)}
      >
        <StopIcon />
      </ActionButton>
    </li>
  );
});
