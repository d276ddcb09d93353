import type { CacheStatus } from '../../../../preload/contract';

export interface CacheState {
  status: CacheStatus | undefined;
}
export const initialCacheState: CacheState = { status: undefined };
