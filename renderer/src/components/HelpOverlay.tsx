import { useEffect, useRef, useState } from 'react';
import { dispatch, useStore } from '../store';
import { listShortcuts, onShortcutsChanged } from './shortcuts';

/** Keyboard help (press ? or F1): the keys of menus, tabs and dialogs, and every live shortcut from the registry. */
export function HelpOverlay() {
  const open = useStore((s) => s.ui.helpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  const [, force] = useState(0);
  // Shortcuts come and go with the views; re-read the registry while open.
  useEffect(() => (open ? onShortcutsChanged(() => force((n) => n + 1)) : undefined), [open]);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if ((e.key === '?' && !typing) || e.key === 'F1') {
        e.preventDefault();
        dispatch({ type: 'ui/help', open: true });
      } else if (e.key === 'Escape') dispatch({ type: 'ui/help', open: false });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!open) return null;
  const shortcuts = listShortcuts();
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title">
      <div className="dialog">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="shortcut-table">
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td><kbd>?</kbd> or <kbd>F1</kbd></td>
              <td>Show this help</td>
            </tr>
            <tr>
              <td><kbd>Tab</kbd> / <kbd>Shift+Tab</kbd></td>
              <td>Move between controls; Enter or Space activates</td>
            </tr>
            {/* Keys that work inside a control rather than through the registry: listed here so none is a secret. */}
            <tr>
              <td><kbd>Down</kbd> / <kbd>Up</kbd> on an Actions button</td>
              <td>Open the Actions menu; in the menu, arrows, Home and End move, Enter runs</td>
            </tr>
            <tr>
              <td><kbd>Left</kbd> / <kbd>Right</kbd> on tabs</td>
              <td>Switch tabs (call details: Participants, Timeline)</td>
            </tr>
            <tr>
              <td><kbd>Escape</kbd></td>
              <td>Close the open menu, dialog or this help</td>
            </tr>
            {shortcuts.map((s) => (
              <tr key={s.keys}>
                <td><kbd>{s.keys}</kbd></td>
                <td>{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" title="Close the keyboard help (Escape)" onClick={() => dispatch({ type: 'ui/help', open: false })}>
          Close
        </button>
      </div>
    </div>
  );
}
