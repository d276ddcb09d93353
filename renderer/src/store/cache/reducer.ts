import type { CacheStatus } from '../../../../preload/contract';
import type { CacheState } from './initialState';

export type CacheAction = { type: 'cache/status'; status: CacheStatus };

export function cacheReducer(state: CacheState, action: CacheAction): CacheState {
  return action.type === 'cache/status' ? { status: action.status } : state;
}
