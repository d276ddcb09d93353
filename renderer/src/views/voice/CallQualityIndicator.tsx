import { useId, useState } from 'react';
import type { CallQuality } from '../../../../preload/contract/quality';
import { QualityIcon } from '../../components/icons';
import { qualityView } from './qualityModel';

/**
 * The monitor leg's call quality (an E-model MOS main computes every few
 * seconds from the media host's getStats): a word and an icon, the numbers in
 * a tooltip that opens on hover and on keyboard focus, and a warning when poor.
 * Nothing is shown before the first measured window: no guess is a reading.
 * The tooltip stays while hovered and closes with Escape (WCAG 1.4.13).
 */
export function CallQualityIndicator({ quality }: { quality: CallQuality | undefined }) {
  const tooltipId = useId();
  const [dismissed, setDismissed] = useState(false);
  const view = qualityView(quality);
  if (!view) return null;
  return (
    <>
      <span
        className={`call-quality quality-${view.rating}${dismissed ? ' dismissed' : ''}`}
        data-testid="call-quality"
        data-rating={view.rating}
        // Focusable so a keyboard user can open the numbers, as a mouse user does by hovering.
        tabIndex={0}
        aria-describedby={tooltipId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDismissed(true);
        }}
        onBlur={() => setDismissed(false)}
        onMouseLeave={() => setDismissed(false)}
      >
        <QualityIcon rating={view.rating} />
        <span>{view.label}</span>
        <span role="tooltip" id={tooltipId} className="quality-tooltip" data-testid="call-quality-details">
          {view.details}
        </span>
      </span>
      {view.warning ? (
        <span className="leg-trouble" role="alert" data-testid="call-quality-warning">
          {view.warning}
        </span>
      ) : null}
    </>
  );
}
