import type { PhoneStatus } from '../../../../preload/contract/phone';
import type { PhoneState } from './initialState';

export type PhoneAction = { type: 'phone/status'; status: PhoneStatus };

export function phoneReducer(state: PhoneState, action: PhoneAction): PhoneState {
  return action.type === 'phone/status' ? { status: action.status } : state;
}
