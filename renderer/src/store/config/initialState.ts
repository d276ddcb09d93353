import type { ConfigView } from '../../../../preload/contract';

export interface ConfigState {
  view: ConfigView | undefined;
}
export const initialConfigState: ConfigState = { view: undefined };
