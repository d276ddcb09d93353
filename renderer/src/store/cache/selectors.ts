import type { CacheState } from './initialState';

export const selectCacheStatus = (s: CacheState) => s.status;
export const selectIsOffline = (s: CacheState) => s.status?.mode === 'offline';

/** "3 minutes ago" style age of the cached data, from two times (pure, testable). */
export function describeAge(lastWriteAt: number | null, now: number): string {
  if (lastWriteAt === null) return 'nothing cached yet';
  const seconds = Math.max(0, Math.round((now - lastWriteAt) / 1000));
  if (seconds < 60) return 'saved moments ago';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `saved ${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `saved ${hours} hour${hours === 1 ? '' : 's'} ago`;
  return `saved ${Math.round(hours / 24)} days ago`;
}
