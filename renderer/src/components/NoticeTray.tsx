import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { readNotices } from '../services/notices';
import { useStore } from '../store';
import { selectUnreadCount } from '../store/notices/selectors';
import { trapTab } from './ConfirmDialog';
import { DismissIcon } from './icons';

const levelLabel = { info: 'Information', warning: 'Warning', error: 'Error' } as const;
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * The status bar's notice count: warnings and errors not yet read. It opens the
 * list, where each is read (dismissed) on its own or all at once.
 */
export function NoticeCount() {
  const count = useStore((s) => selectUnreadCount(s.notices));
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  if (count === 0 && !open) return null;
  const words = `${count} ${count === 1 ? 'notice' : 'notices'}`;
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="notice-count"
        aria-haspopup="dialog"
        aria-expanded={open}
        title="Warnings and errors you have not read yet — open to read and dismiss them"
        onClick={() => setOpen((o) => !o)}
      >
        {words}
      </button>
      {open ? (
        <NoticeTray
          onClose={() => {
            setOpen(false);
            buttonRef.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

function NoticeTray({ onClose }: { onClose: () => void }) {
  const items = useStore((s) => s.notices.items);
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button')?.focus();
  }, []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key === 'Tab') e.stopPropagation();
    trapTab(e, ref.current);
  };
  const newestFirst = [...items].reverse();
  return createPortal(
    <div className="overlay" onKeyDown={onKeyDown} onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} className="dialog notice-tray" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>Notices</h2>
        {newestFirst.length === 0 ? <p className="muted">Nothing left to read.</p> : null}
        <ul className="notice-list">
          {newestFirst.map((n) => (
            <li key={n.id} className={`notice notice-${n.level}`}>
              <span>
                <span className="visually-hidden">{levelLabel[n.level]}: </span>
                {n.text} <span className="muted small">{timeFormat.format(n.at)}</span>
              </span>
              <button type="button" className="icon-button" title="Mark as read and remove" aria-label={`Dismiss: ${n.text}`} onClick={() => readNotices([n.id])}>
                <DismissIcon />
              </button>
            </li>
          ))}
        </ul>
        <div className="dialog-buttons">
          <button type="button" title="Close this list (Escape); what is left stays unread" onClick={onClose}>
            Close
          </button>
          <button
            type="button"
            className="primary"
            title="Mark every notice as read"
            disabled={newestFirst.length === 0}
            onClick={() => {
              readNotices(items.map((n) => n.id));
              onClose();
            }}
          >
            Dismiss all
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
