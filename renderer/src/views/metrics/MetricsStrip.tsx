import { metricIntervalNames } from '../../../../preload/contract/metrics';
import { WarningIcon } from '../../components/icons';
import { useStore } from '../../store';
import { useMetrics } from '../../store/metrics';
import { IntervalSelector } from './IntervalSelector';
import { breachText, formatDuration, formatPercent } from './metricFormat';
import type { ThresholdMetric } from '../../../../preload/contract/metrics';
import './metrics.css';

/** The all-queues metrics in one line above the Agents list (issue 12). */
export function MetricsStrip() {
  const snapshot = useMetrics((s) => s.snapshot);
  const interval = useMetrics((s) => s.interval);
  const online = useStore((s) => s.live.connector?.state === 'online');
  if (!snapshot || !online) return null;
  const t = snapshot.total;
  const m = t.intervals[interval];
  const item = (label: string, value: string, title: string, metric?: ThresholdMetric) => {
    const out = metric !== undefined && m.breached.includes(metric);
    return (
      <div className={out ? 'strip-item metric-breach' : 'strip-item'} title={title}>
        <dt>{label}</dt>
        <dd className="tabular">
          {out ? <WarningIcon /> : null}
          {value}
          {out && metric ? <span className="breach-text">{breachText(metric, snapshot.thresholds)}</span> : null}
        </dd>
      </div>
    );
  };
  return (
    <section className="metrics-strip" aria-label={`All queues, ${metricIntervalNames[interval]}`}>
      <dl>
        {item('Waiting', String(t.waiting), 'Calls not yet answered, now')}
        {item('Longest wait', t.waiting > 0 ? formatDuration(t.longestWaitMs) : '—', 'The oldest unanswered call, now')}
        {item('Service level', formatPercent(m.serviceLevelPercent), 'Answered within threshold ÷ (answered + abandoned after it)', 'serviceLevel')}
        {item('Abandoned', `${m.abandoned} (${formatPercent(m.abandonRatePercent)})`, 'Abandoned calls and rate', 'abandonRate')}
        {item('ASA', formatDuration(m.averageSpeedOfAnswerMs), 'Average speed of answer', 'averageSpeedOfAnswer')}
        {item('AHT', formatDuration(m.averageHandleTimeMs), 'Average handle time')}
        {item(
          'Agents',
          `${t.agents.available} avail · ${t.agents.onContact} on contact · ${snapshot.afterCallWorkReported ? t.agents.afterCallWork : '—'} ACW · ${t.agents.away} away`,
          `${t.agents.staffed} staffed`,
        )}
        {item('Digital', `${t.digitalActive} active · ${t.digitalPending} pending · ${m.digitalSlaMissed} SLA missed`, 'Digital conversations', 'digitalSlaMissed')}
      </dl>
      <IntervalSelector idPrefix="strip" />
    </section>
  );
}
