import { useId, type ReactNode } from 'react';
import type { Availability } from '../../../../preload/contract';

interface Props {
  availability: Availability;
  /** Visible text (or icon + text). */
  children: ReactNode;
  /** Accessible name when the visible text is not enough ("Monitor Alex Kim"). */
  label?: string;
  /** Tooltip when allowed (what it does). Refused: the reason. */
  title: string;
  onClick: () => void;
  className?: string;
  pressed?: boolean;
  /** Show the refusal reason as visible text next to the button. */
  showReason?: boolean;
  testId?: string;
}

/**
 * A button for an action main computed. A refused action stays focusable
 * (aria-disabled) so keyboard and screen-reader users can reach the reason,
 * which is in the tooltip and in aria-describedby (and visible if asked).
 */
export function ActionButton({ availability, children, label, title, onClick, className, pressed, showReason, testId }: Props) {
  const reasonId = useId();
  const refused = !availability.allowed;
  const reason = availability.allowed ? undefined : availability.reason;
  return (
    <>
      <button
        type="button"
        className={`${className ?? ''}${refused ? ' is-disabled' : ''}`}
        aria-disabled={refused || undefined}
        aria-label={label}
        aria-pressed={pressed}
        aria-describedby={refused ? reasonId : undefined}
        title={reason ?? title}
        data-testid={testId}
        onClick={refused ? undefined : onClick}
      >
        {children}
      </button>
      {refused ? (
        <span id={reasonId} className={showReason ? 'action-reason' : 'visually-hidden'}>
          {reason}
        </span>
      ) : null}
    </>
  );
}
