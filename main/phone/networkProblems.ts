/**
 * What the supervisor is told when the network takes their monitoring leg
 * (pure). The leg never stays half-live: it is paused with the microphone off
 * while the phone reconnects, then either moved onto the network that came
 * back (ICE restart) or ended with one of these.
 */
import type { PhoneProblem } from '../../preload/contract/phone';

/** How long a paused leg waits for the phone to register again before it is ended. */
export const LEG_RECOVERY_GRACE_MS = 20_000;

export function legLostTooLong(graceMs: number): PhoneProblem {
  return {
    code: 'CONNECTION_LOST',
    message: `The network was gone for more than ${Math.round(graceMs / 1000)} s, so your monitoring leg ended (your microphone was off throughout).`,
    action: 'Start monitoring again once the status bar says Re-registered.',
  };
}

export const iceRestartRefused: PhoneProblem = {
  code: 'CONNECTION_LOST',
  message: 'The network came back, but the PBX did not take the call onto it (ICE restart refused), so your monitoring leg ended.',
  action: 'Start monitoring again.',
};

export const modeWaitsForNetwork: PhoneProblem = {
  code: 'CONNECTION_LOST',
  message: 'The network is down: the mode cannot change until the phone reconnects. You are not heard.',
  action: 'Wait for Re-registered in the status bar, then try again.',
};
