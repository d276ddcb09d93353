import type { MetricInterval, MetricsThresholds, QueueMetrics } from '../../../../preload/contract/metrics';
import { useStore } from '../../store';
import { useMetrics } from '../../store/metrics';
import { IntervalSelector } from './IntervalSelector';
import { MetricCell } from './MetricCell';
import { formatDuration, formatPercent } from './metricFormat';
import './metrics.css';

/** Queue activity's metrics (issue 12): one row per queue and the total, for the chosen interval. Main computes every number. */
export function QueueMetricsTable() {
  const snapshot = useMetrics((s) => s.snapshot);
  const interval = useMetrics((s) => s.interval);
  // Offline or reconnecting, the last numbers would be stale: say so instead of showing them as live.
  const online = useStore((s) => s.live.connector?.state === 'online');
  return (
    <section aria-labelledby="queue-metrics-title" className="panel queue-metrics">
      <div className="panel-heading">
        <h2 id="queue-metrics-title">Queues</h2>
        <IntervalSelector idPrefix="queues" />
      </div>
      {!online ? (
        <p className="muted">Queue metrics pause while the contact center is not connected.</p>
      ) : !snapshot ? (
        <p className="muted">Collecting queue metrics…</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Queue metrics (scrolls sideways)" tabIndex={0}>
          <table className="data metrics-table" aria-describedby="queue-metrics-note">
            <thead>
              <tr>
                <td />
                <th scope="colgroup" colSpan={8}>
                  Voice
                </th>
                <th scope="colgroup" colSpan={5}>
                  Agents
                </th>
                <th scope="colgroup" colSpan={3}>
                  Digital
                </th>
              </tr>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col" title="Calls not yet answered (queued or ringing an agent), now">Waiting</th>
                <th scope="col" title="How long the oldest unanswered call has waited, now">Longest wait</th>
                <th scope="col" title="Answered within the queue's threshold ÷ (answered + abandoned after the threshold)">Service level</th>
                <th scope="col">Answered</th>
                <th scope="col">Abandoned</th>
                <th scope="col" title="Abandoned ÷ (answered + abandoned)">Abandon rate</th>
                <th scope="col" title="Average speed of answer: mean wait of answered calls">ASA</th>
                <th scope="col" title="Average handle time: answer to end, holds and transfers included">AHT</th>
                <th scope="col" title="Logged in">Staffed</th>
                <th scope="col" title="On Queue and idle">Available</th>
                <th scope="col" title="Working a contact">On contact</th>
                <th scope="col" title="After-call work (wrap-up)">ACW</th>
                <th scope="col" title="Logged in but not taking contacts (off queue, busy, away)">Away</th>
                <th scope="col" title="Conversations assigned to an agent, now">Active</th>
                <th scope="col" title="Conversations waiting for an agent, now">Pending</th>
                <th scope="col" title="Answered or abandoned after their SLA in the interval, plus those waiting past it now">SLA missed</th>
              </tr>
            </thead>
            <tbody>
              {snapshot.queues.map((q) => (
                <MetricsRow key={q.queueId} row={q} interval={interval} thresholds={snapshot.thresholds} acwReported={snapshot.afterCallWorkReported} />
              ))}
              <MetricsRow row={snapshot.total} interval={interval} thresholds={snapshot.thresholds} acwReported={snapshot.afterCallWorkReported} total />
            </tbody>
          </table>
        </div>
      )}
      <p id="queue-metrics-note" className="muted metrics-note">
        Counted by Spyglass from the contact center&apos;s events since it connected. A dash: nothing to count yet in this interval.
      </p>
    </section>
  );
}

interface RowProps {
  row: QueueMetrics;
  interval: MetricInterval;
  thresholds: MetricsThresholds;
  acwReported: boolean;
  total?: boolean;
}

function MetricsRow({ row, interval, thresholds, acwReported, total }: RowProps) {
  const m = row.intervals[interval];
  const cell = { breached: m.breached, thresholds, ...(row.thresholdSeconds !== undefined ? { thresholdSeconds: row.thresholdSeconds } : {}) };
  return (
    <tr className={total ? 'metrics-total' : undefined} data-queue-id={row.queueId ?? 'total'}>
      <th scope="row">
        {row.name}
        {row.thresholdSeconds !== undefined ? (
          <span className="queue-threshold" title="The queue's service-level threshold: answered within it counts as in service level">
            SL threshold {row.thresholdSeconds} s
          </span>
        ) : null}
      </th>
      <td className="tabular">{row.waiting}</td>
      <MetricCell {...cell} metric="longestWait" value={row.waiting > 0 ? formatDuration(row.longestWaitMs) : '—'} title="Longest wait now" />
      <MetricCell {...cell} metric="serviceLevel" value={formatPercent(m.serviceLevelPercent)} title="Service level" />
      <td className="tabular">{m.answered}</td>
      <td className="tabular">{m.abandoned}</td>
      <MetricCell {...cell} metric="abandonRate" value={formatPercent(m.abandonRatePercent)} title="Abandon rate" />
      <MetricCell {...cell} metric="averageSpeedOfAnswer" value={formatDuration(m.averageSpeedOfAnswerMs)} title="Average speed of answer" />
      <MetricCell value={formatDuration(m.averageHandleTimeMs)} title="Average handle time" />
      <td className="tabular">{row.agents.staffed}</td>
      <td className="tabular">{row.agents.available}</td>
      <td className="tabular">{row.agents.onContact}</td>
      <td className="tabular" title={acwReported ? 'After-call work' : 'This contact center does not report after-call work'}>
        {acwReported ? row.agents.afterCallWork : '—'}
      </td>
      <td className="tabular">{row.agents.away}</td>
      <td className="tabular">{row.digitalActive}</td>
      <td className="tabular">{row.digitalPending}</td>
      <MetricCell {...cell} metric="digitalSlaMissed" value={String(m.digitalSlaMissed)} title="Digital conversations past their SLA" />
    </tr>
  );
}
