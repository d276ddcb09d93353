import { useEffect, useId, useRef, useState } from 'react';
import type { Availability } from '../../../../preload/contract';
import { MenuIcon } from '../../components/icons';

export interface MenuItem {
  label: string;
  availability: Availability | undefined;
  run: () => void;
  title: string;
}

/**
 * A menu button (WAI-ARIA menu pattern): Enter/Space/ArrowDown opens it,
 * arrows move, Enter runs, Escape closes and gives focus back. Refused items
 * stay listed, disabled, with main's reason.
 */
export function ActionsMenu({ label, items }: { label: string; items: MenuItem[] }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!buttonRef.current?.parentElement?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKey = (e: React.KeyboardEvent) => {
    const n = items.length;
    if (e.key === 'ArrowDown') setActive((a) => (a + 1) % n);
    else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + n) % n);
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(n - 1);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') setOpen(false);
    else return;
    if (e.key !== 'Tab') {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <div className="menu-wrap">
      <button
        ref={buttonRef}
        type="button"
        className="menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        title={`${label} (Enter or Down arrow opens the menu)`}
        onClick={() => {
          setActive(0);
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(e.key === 'ArrowDown' ? 0 : items.length - 1);
            setOpen(true);
          }
        }}
      >
        Actions <MenuIcon />
      </button>
      {open ? (
        <div id={menuId} role="menu" aria-label={label} className="menu" onKeyDown={onMenuKey}>
          {items.map((item, i) => {
            const reason = item.availability && !item.availability.allowed ? item.availability.reason : undefined;
            const disabled = !item.availability?.allowed;
            return (
              <button
                key={item.label}
                ref={(el) => {
                  itemRefs.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={i === active ? 0 : -1}
                aria-disabled={disabled}
                className="menu-item"
                title={reason ? `${item.label}: ${reason}` : item.title}
                onClick={() => {
                  if (disabled) return;
                  close();
                  item.run();
                }}
              >
                <span>{item.label}</span>
                {reason ? <span className="reason">{reason}</span> : null}
              </button>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
