import { useState } from 'react';
import type { AgentHistoryView } from '../../../../preload/contract';
import { formatElapsed } from '../../format/elapsed';
import { formatClock } from '../voice/format';
import { useSecondTick } from '../voice/useSecondTick';
import { statusClass } from './AgentRow';
import { timelineModel } from './timelineModel';

/**
 * Today's states of one agent as a horizontal bar (a tooltip on each segment:
 * state, start, duration), the time in each state in words, and the same
 * segments as a table (always there for screen readers; shown on demand).
 */
export function StateTimeline({ history }: { history: AgentHistoryView }) {
  const now = useSecondTick();
  const [asTable, setAsTable] = useState(false);
  const m = timelineModel(history, now);
  const summary = m.totals.map((t) => `${t.state} ${formatElapsed(t.ms)}`).join(', ');
  return (
    <section className="state-history" aria-labelledby="state-history-title">
      <h3 id="state-history-title">State history today</h3>
      {m.bars.length === 0 ? (
        <p className="muted">No state reported yet.</p>
      ) : (
        <>
          <div className="timeline-axis muted small" aria-hidden="true">
            <span>{formatClock(m.from)}</span>
            <span>{formatClock(m.to)}</span>
          </div>
          <div className="state-timeline" role="img" aria-label={`States from ${formatClock(m.from)} to now: ${summary}`} data-testid="state-timeline">
            {m.bars.map((b) => (
              <span
                key={b.start}
                className={`state-segment segment-${b.state.toLowerCase().replace(' ', '-')}`}
                style={{ left: `${b.leftPct}%`, width: `${b.widthPct}%` }}
                title={b.text}
                data-state={b.state}
              />
            ))}
          </div>
          <ul className="state-totals" aria-label="Time in each state today">
            {m.totals.map((t) => (
              <li key={t.state}>
                <span className={`legend-swatch segment-${t.state.toLowerCase().replace(' ', '-')}`} aria-hidden="true" />
                <span className={statusClass(t.state)}>{t.state}</span> <span className="tabular">{formatElapsed(t.ms)}</span>
              </li>
            ))}
          </ul>
          {m.earlier ? (
            <p className="muted small">
              Before {formatClock(m.earlier.to)} only the time in each state is kept (included above).
            </p>
          ) : null}
          <button type="button" className="link-button" aria-expanded={asTable} onClick={() => setAsTable(!asTable)}>
            {asTable ? 'Hide the table' : 'Show as a table'}
          </button>
          <table className={asTable ? 'history-table' : 'visually-hidden'}>
            <caption className="visually-hidden">State history today</caption>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">From</th>
                <th scope="col">Duration</th>
              </tr>
            </thead>
            <tbody>
              {m.bars.map((b) => (
                <tr key={b.start}>
                  <td>{b.state}</td>
                  <td className="tabular">{formatClock(b.start)}</td>
                  <td className="tabular">{formatElapsed(b.end - b.start)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
