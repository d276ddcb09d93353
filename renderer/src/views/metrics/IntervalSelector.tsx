import { metricIntervalNames, metricIntervals } from '../../../../preload/contract/metrics';
import { dispatchMetrics, useMetrics } from '../../store/metrics';

const tooltips: Record<(typeof metricIntervals)[number], string> = {
  today: 'Since midnight (counted from when Spyglass connected)',
  '15m': 'The last 15 minutes, sliding',
  '30m': 'The last 30 minutes, sliding',
  '60m': 'The last 60 minutes, sliding',
};

/** The interval of the service level, abandons, speed of answer and handle time. Arrow keys move between choices (radio group). */
export function IntervalSelector({ idPrefix }: { idPrefix: string }) {
  const interval = useMetrics((s) => s.interval);
  return (
    <fieldset className="interval-selector" title="Which interval the counts and averages cover; arrow keys change it">
      <legend>Interval</legend>
      {metricIntervals.map((i) => (
        <label key={i} title={tooltips[i]} className={i === interval ? 'selected' : undefined}>
          <input
            type="radio"
            name={`${idPrefix}-interval`}
            value={i}
            checked={i === interval}
            onChange={() => dispatchMetrics({ type: 'metrics/interval', interval: i })}
          />
          {metricIntervalNames[i]}
        </label>
      ))}
    </fieldset>
  );
}
