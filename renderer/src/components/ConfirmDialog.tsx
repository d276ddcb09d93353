import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Tooltip of the confirm button. */
  confirmTitle?: string;
  danger?: boolean;
}

interface ConfirmDialogProps extends ConfirmOptions {
  onConfirm: () => void;
  onCancel: () => void;
}

const focusableSelector = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keeps Tab and Shift+Tab inside a modal container. */
export function trapTab(e: React.KeyboardEvent, container: HTMLElement | null): void {
  if (e.key !== 'Tab' || !container) return;
  const items = [...container.querySelectorAll<HTMLElement>(focusableSelector)];
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && (document.activeElement === first || !container.contains(document.activeElement))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (document.activeElement === last || !container.contains(document.activeElement))) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * A small modal question: focus starts on Cancel (the safe answer), Tab stays
 * inside, Escape cancels, and focus returns where it was when it closes.
 */
export function ConfirmDialog({ title, message, confirmLabel, confirmTitle, danger, onConfirm, onCancel }: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancelRef.current?.focus();
    return () => previous?.focus();
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
      return;
    }
    if (e.key === 'Tab') e.stopPropagation();
    trapTab(e, ref.current);
  };

  // A portal: an ancestor with containment (e.g. content-visibility) must not clip a fixed overlay.
  return createPortal(
    <div className="overlay" onKeyDown={onKeyDown}>
      <div ref={ref} className="dialog confirm-dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={bodyId}>
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId} className="confirm-body">
          {message}
        </div>
        <div className="dialog-buttons">
          <button ref={cancelRef} type="button" title="Cancel: nothing is done (Escape)" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className={danger ? 'danger' : 'primary'} title={confirmTitle ?? confirmLabel} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** `const [dialog, confirm] = useConfirm()`; render `dialog`, then `if (await confirm({...}))`. */
export function useConfirm(): [ReactNode, (options: ConfirmOptions) => Promise<boolean>] {
  const [pending, setPending] = useState<{ options: ConfirmOptions; resolve: (ok: boolean) => void } | undefined>();
  const confirm = useCallback(
    (options: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        setPending({ options, resolve });
      }),
    [],
  );
  const dialog = pending ? (
    <ConfirmDialog
      {...pending.options}
      onConfirm={() => {
        setPending(undefined);
        pending.resolve(true);
      }}
      onCancel={() => {
        setPending(undefined);
        pending.resolve(false);
      }}
    />
  ) : null;
  return [dialog, confirm];
}
