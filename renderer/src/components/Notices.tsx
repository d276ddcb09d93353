import { useEffect } from 'react';
import { dispatch, useStore } from '../store';

/** Toasts for refusals, errors and information from main; errors stay until dismissed. */
export function Notices() {
  const items = useStore((s) => s.notices.items);
  useEffect(() => {
    const timers = items
      .filter((n) => n.level === 'info')
      .map((n) => setTimeout(() => dispatch({ type: 'notices/dismiss', id: n.id }), 8000));
    return () => timers.forEach(clearTimeout);
  }, [items]);
  return (
    <div className="notices" aria-live="assertive" aria-relevant="additions">
      {items.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`} role={n.level === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          <button type="button" className="icon-button" title="Dismiss this message" aria-label="Dismiss" onClick={() => dispatch({ type: 'notices/dismiss', id: n.id })}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
