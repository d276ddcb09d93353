import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { dispatch, useStore } from '../store';
import { readNotices } from '../services/notices';
import { selectToasts, toastLifetimeMs } from '../store/notices/selectors';
import { DismissIcon } from './icons';

/**
 * Toasts for refusals, errors and information from main: at most three, the
 * newest. Information goes by itself; a warning folds into the status bar's
 * notice count (unread until read there); an error stays until dismissed.
 * Toasts are hidden while a menu or dialog is open (styles.css), so they never
 * cover what the supervisor is choosing from.
 */
export function Notices() {
  const toasts = useStore(useShallow((s) => selectToasts(s.notices)));
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const shown = new Set(toasts.map((n) => n.id));
    for (const n of toasts) {
      const lifetime = toastLifetimeMs[n.level];
      if (lifetime === undefined || timers.current.has(n.id)) continue;
      const action = n.level === 'info' ? ({ type: 'notices/dismiss', id: n.id } as const) : ({ type: 'notices/collapse', id: n.id } as const);
      timers.current.set(n.id, setTimeout(() => dispatch(action), lifetime));
    }
    // A toast that left (read, folded, pushed out by newer ones) needs no timer.
    for (const [id, timer] of timers.current) {
      if (!shown.has(id)) {
        clearTimeout(timer);
        timers.current.delete(id);
      }
    }
  }, [toasts]);
  useEffect(() => {
    const all = timers.current;
    return () => all.forEach(clearTimeout);
  }, []);

  return (
    <div className="notices" aria-live="assertive" aria-relevant="additions" data-testid="toasts">
      {toasts.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`} role={n.level === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          <button type="button" className="icon-button" title="Dismiss this message" aria-label="Dismiss" onClick={() => readNotices([n.id])}>
            <DismissIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
