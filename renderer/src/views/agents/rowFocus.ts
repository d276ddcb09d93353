/**
 * The keyboard asked for a row to take the focus. The row may not be rendered
 * yet (the list is virtualized: it mounts once scrolled into view), so the
 * request waits here until that row's effect takes it.
 */
let wanted: string | undefined;

export function requestRowFocus(rowKey: string): void {
  wanted = rowKey;
}

export function takeFocusRequest(rowKey: string): boolean {
  if (wanted !== rowKey) return false;
  wanted = undefined;
  return true;
}
