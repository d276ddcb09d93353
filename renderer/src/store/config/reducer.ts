import type { ConfigView } from '../../../../preload/contract';
import type { ConfigState } from './initialState';

export type ConfigAction = { type: 'config/loaded'; view: ConfigView };

export function configReducer(state: ConfigState, action: ConfigAction): ConfigState {
  return action.type === 'config/loaded' ? { view: action.view } : state;
}
