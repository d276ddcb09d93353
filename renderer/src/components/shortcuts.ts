import { useEffect } from 'react';

/**
 * One registry for keyboard shortcuts, so the help overlay (press ?) lists
 * exactly the shortcuts that are live. Most use Alt+<key> so they never
 * fight typing in a text field; a plain key (`/`) is skipped while typing.
 */
export interface Shortcut {
  /** e.g. 'Alt+M' */
  keys: string;
  description: string;
  run: () => void;
}

const registry = new Map<string, Shortcut>();
const subscribers = new Set<() => void>();

export function listShortcuts(): Shortcut[] {
  return [...registry.values()].sort((a, b) => a.keys.localeCompare(b.keys));
}

export function onShortcutsChanged(listener: () => void): () => void {
  subscribers.add(listener);
  return () => subscribers.delete(listener);
}

function keyOf(e: KeyboardEvent): string {
  const parts = [];
  if (e.ctrlKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey && e.key.length > 1) parts.push('Shift');
  // Alt+letter produces odd characters on macOS; use the physical key.
  const key = e.code.startsWith('Key') ? e.code.slice(3) : e.code.startsWith('Digit') ? e.code.slice(5) : e.key;
  parts.push(key.length === 1 ? key.toUpperCase() : key);
  return parts.join('+');
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable);
}

let installed = false;
function install(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('keydown', (e) => {
    const keys = keyOf(e);
    const shortcut = registry.get(keys);
    if (!shortcut) return;
    // "/" in a search box is a character, not "go to search".
    if (!keys.includes('+') && isTyping(e.target)) return;
    e.preventDefault();
    shortcut.run();
  });
}

export function useShortcut(keys: string, description: string, run: () => void): void {
  useEffect(() => {
    install();
    registry.set(keys, { keys, description, run });
    subscribers.forEach((s) => s());
    return () => {
      if (registry.get(keys)?.run === run) registry.delete(keys);
      subscribers.forEach((s) => s());
    };
  }, [keys, description, run]);
}
