/**
 * The one elapsed-time formatter of the UI: rows, the toolbar timer, queue waits,
 * chat ages and the timeline's period durations all read the same way.
 *
 * "0:07", "12:34", "1:02:03". A duration shows to the *nearest* second: two
 * timestamps taken 5 s apart are rarely exactly 5000 ms apart (4_998 ms is a
 * 5 s period), and truncating made such a period read "0:04" next to From/To
 * clocks five seconds apart. Negative (clock skew) counts as zero.
 */
export function formatElapsed(ms: number): string {
  const total = Number.isFinite(ms) ? Math.max(0, Math.round(ms / 1000)) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
