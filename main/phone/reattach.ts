/**
 * Re-attach (issue 13 found 2): the page hosting a monitor leg's audio reloaded
 * (web host) or its media window went away. The SIP dialog lives in main and
 * is still up, so the leg is kept: a new RTCPeerConnection in the page that
 * attaches next, offered to the PBX in a re-INVITE of the same dialog (new ICE
 * and DTLS fingerprint). Until audio arrives on it the leg is 'reattaching':
 * the microphone stays off and the UI does not say "monitoring". Whatever goes
 * wrong ends the leg cleanly (BYE, mic off) with one of the problems below —
 * never a leg that looks live and carries nothing.
 *
 * Pure: bounds and words only; MonitorSession applies them.
 */
import type { PhoneProblem } from '../../preload/contract/phone';
import type { ReofferResult } from './reoffer';

/** How long a leg waits for a page (or media window) to host its audio again. */
export const REATTACH_HOST_WAIT_MS = 20_000;
/** From the start of the re-attach (new peer, re-INVITE) to the first audio on it. */
export const REATTACH_AUDIO_WAIT_MS = 10_000;

const again = 'Start monitoring again; the call itself went on.';

export type ReattachFailure =
  | { kind: 'no-host'; waitedMs: number }
  | { kind: 'no-audio'; waitedMs: number }
  | { kind: 'peer'; reason: string }
  | Exclude<ReofferResult, { ok: true }>;

/** What the supervisor reads when a re-attach fails and the leg is ended. */
export function reattachProblem(f: ReattachFailure): PhoneProblem {
  const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
  switch (f.kind) {
    case 'no-host':
      return {
        code: 'MEDIA_FAILED',
        message: `The audio for this monitor was lost: the window playing it closed and no Spyglass window took it over within ${seconds(f.waitedMs)}, so Spyglass ended your leg.`,
        action: again,
      };
    case 'no-audio':
      return {
        code: 'MEDIA_FAILED',
        message: `Your monitoring audio did not come back within ${seconds(f.waitedMs)} after the window reloaded, so Spyglass ended your leg.`,
        action: again,
      };
    case 'refused':
      return {
        code: 'MEDIA_FAILED',
        message: `The PBX refused to move your monitoring audio to the reloaded window (SIP ${f.status}${f.reason ? ` ${f.reason}` : ''}), so Spyglass ended your leg.`,
        action: again,
      };
    case 'busy':
    case 'media':
    case 'peer':
      return {
        code: 'MEDIA_FAILED',
        message: `Your monitoring audio could not be moved to the reloaded window (${f.reason}), so Spyglass ended your leg.`,
        action: again,
      };
  }
}
