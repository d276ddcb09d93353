/**
 * Re-INVITE an established dialog with a fresh offer from its (re-created)
 * peer connection, and say how it went as a typed result.
 *
 * Why not `session.renegotiate()`: on any failure it terminates the call
 * itself with "500 Media Renegotiation Failed" and drops the PBX's answer, so
 * the supervisor could not be told "the PBX refused (488)". JsSIP 3.13.8's
 * `_sendReinvite` is what `renegotiate` calls; its failure handler receives
 * the response. Two more private facts of that version matter:
 *  - `_iceReady` stays true after the first offer's gathering; left so, the
 *    re-offer of a *new* peer (gathering again from scratch) would go out with
 *    no candidates. It is cleared so the offer waits for gathering again
 *    (MonitorSession's grace still applies to it).
 *  - `isReadyToReOffer()` (public) refuses while another INVITE transaction is
 *    under way (e.g. the PBX's own re-INVITE): reported as 'busy'.
 */
import type { RTCSession } from 'jssip/lib/RTCSession';

export type ReofferResult =
  | { ok: true }
  /** The PBX answered with an error (488, 491...). */
  | { ok: false; kind: 'refused'; status: number; reason: string }
  /** No offer could be made or no answer applied (the media host failed), or no SDP in the 2xx. */
  | { ok: false; kind: 'media'; reason: string }
  /** The dialog cannot take a re-INVITE now (not established, or another INVITE is under way). */
  | { ok: false; kind: 'busy'; reason: string };

interface JsSipReinviteInternals {
  _iceReady?: boolean;
  _sendReinvite(options: {
    eventHandlers: { succeeded?: (response?: unknown) => void; failed?: (response?: { status_code?: number; reason_phrase?: string }) => void };
  }): void;
}

export function reofferDialog(session: RTCSession): Promise<ReofferResult> {
  if (!session.isEstablished() || !session.isReadyToReOffer()) {
    return Promise.resolve({ ok: false, kind: 'busy', reason: 'the call could not take a new offer right now (another exchange with the PBX was under way)' });
  }
  const internals = session as unknown as JsSipReinviteInternals;
  if (typeof internals._sendReinvite !== 'function') {
    return Promise.resolve({ ok: false, kind: 'media', reason: 'this JsSIP version cannot re-offer a call' });
  }
  internals._iceReady = false;
  return new Promise<ReofferResult>((resolve) => {
    internals._sendReinvite({
      eventHandlers: {
        succeeded: () => resolve({ ok: true }),
        failed: (response) => {
          const status = response?.status_code;
          if (typeof status === 'number' && status >= 300) {
            resolve({ ok: false, kind: 'refused', status, reason: String(response?.reason_phrase ?? '').slice(0, 80) });
          } else {
            resolve({ ok: false, kind: 'media', reason: 'the new audio connection could not be set up with the PBX’s answer' });
          }
        },
      },
    });
  });
}
