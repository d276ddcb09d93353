import { memo, useEffect, useRef } from 'react';
import { alertKindNames } from '../../../../preload/contract/alerts';
import { run } from '../../services/api';
import { useStore } from '../../store';
import { dispatchAlerts, useAlerts } from '../../store/alerts';
import { selectAlert } from '../../store/alerts/selectors';
import { formatClock } from '../voice/format';
import { interactionGone, openInteraction, showAgent, showQueue } from './jump';

/** One alert: what, since when, its state in words, and what the supervisor can do from here. */
export const AlertItem = memo(function AlertItem({ id }: { id: string }) {
  const alert = useAlerts((s) => selectAlert(s, id));
  const focused = useAlerts((s) => s.focusedAlertId === id);
  // Narrow: only whether the jump targets still exist, not the objects.
  const liveChannel = useStore((s) => {
    const ixId = alert?.subject.interactionId;
    const ix = ixId ? s.live.interactions[ixId] : undefined;
    return ix !== undefined && ix.state !== 'ended' ? ix.channel : undefined;
  });
  const agentName = useStore((s) => (alert?.subject.agentId ? s.live.agents[alert.subject.agentId]?.name : undefined));
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!focused) return;
    ref.current?.scrollIntoView({ block: 'nearest' });
    ref.current?.focus();
  }, [focused]);
  if (!alert) return null;
  const acknowledged = alert.acknowledgedAt !== undefined;
  const titleId = `${id}-title`;
  const acknowledge = async () => {
    const state = await run('alerts:acknowledge', { ids: [id] });
    if (state) dispatchAlerts({ type: 'alerts/state', state });
  };
  const what = !alert.subject.interactionId ? undefined : liveChannel === undefined ? 'interaction' : liveChannel === 'voice' ? 'call' : 'conversation';
  const gone = alert.subject.interactionId && liveChannel === undefined ? interactionGone(alert) : undefined;
  return (
    <li
      ref={ref}
      className={`alert-item alert-${alert.kind}${acknowledged ? ' acknowledged' : ''}`}
      aria-labelledby={titleId}
      tabIndex={-1}
      data-alert-id={id}
      data-alert-kind={alert.kind}
    >
      <div className="alert-main">
        <p className="alert-kind">{alertKindNames[alert.kind]}</p>
        <p id={titleId} className="alert-title">
          {alert.title}
        </p>
        <p className="alert-text">{alert.text}</p>
        <p className="muted alert-times">
          Raised {formatClock(alert.raisedAt)}
          {alert.clearedAt !== undefined ? ` · cleared ${formatClock(alert.clearedAt)}` : ''}
          {acknowledged ? ` · acknowledged ${formatClock(alert.acknowledgedAt ?? 0)}` : ' · not acknowledged'}
        </p>
      </div>
      <div className="alert-actions" role="group" aria-label={`Actions for: ${alert.title}`}>
        {acknowledged ? null : (
          <button type="button" title="Acknowledge: it stays in the list, the badge counts one less" onClick={() => void acknowledge()}>
            Acknowledge
          </button>
        )}
        {what ? (
          <span className="action">
            <button
              type="button"
              disabled={Boolean(gone)}
              title={gone ? `Open the ${what}: ${gone}` : `Open the ${what} (details, monitor from there)`}
              onClick={() => openInteraction(alert)}
            >
              Open {what}
            </button>
          </span>
        ) : null}
        {alert.subject.agentId && agentName ? (
          <button type="button" title={`Show ${agentName} in Agents`} onClick={() => showAgent(alert)}>
            Show agent
          </button>
        ) : null}
        {alert.kind === 'slaBreach' ? (
          <button type="button" title="Show the queue's numbers in Queue activity" onClick={showQueue}>
            Show queue
          </button>
        ) : null}
      </div>
    </li>
  );
});
