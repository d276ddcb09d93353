import type { PhoneStatus } from '../../../../preload/contract/phone';

export interface PhoneState {
  status: PhoneStatus | undefined;
}
export const initialPhoneState: PhoneState = { status: undefined };
