import { LockIcon } from './icons';

/** Shown next to a setting's label when IT policy fixes its value (every locked setting, audio included). */
export function LockedBadge() {
  return (
    <span className="locked-badge" title="Set by your IT policy; it cannot be changed here">
      <LockIcon /> Locked by IT policy
    </span>
  );
}
