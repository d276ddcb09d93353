import type { PhoneStatus } from '../../../../preload/contract/phone';
import type { PhoneState } from './initialState';

export const selectPhoneStatus = (s: PhoneState) => s.status;

/** How long after coming back the status bar says "re-registered" instead of "ready". */
export const RE_REGISTERED_SHOWN_MS = 60_000;

const lostWords: Record<NonNullable<PhoneStatus['lostBecause']>, string> = {
  connection: 'Connection to the PBX lost',
  'network-change': 'Network changed',
  sleep: 'Woke from sleep',
  offline: 'Network lost',
};

/**
 * What the phone is doing about a lost connection, e.g. "Network lost —
 * reconnecting in 4 s (attempt 2)". `now` is the renderer's clock (the same
 * machine's as main's `retryAt`).
 */
export function reconnectingText(status: PhoneStatus, now: number): string {
  const why = lostWords[status.offline ? 'offline' : (status.lostBecause ?? 'connection')];
  const seconds = status.retryAt !== undefined ? Math.ceil((status.retryAt - now) / 1000) : 0;
  const when = seconds > 0 ? `reconnecting in ${seconds} s` : 'reconnecting now…';
  return `${why} — ${when}${status.reconnectAttempt ? ` (attempt ${status.reconnectAttempt})` : ''}`;
}

/** One line for the status bar: the registration state and, on trouble, what to do next. */
export function describePhone(status: PhoneStatus | undefined, now: number = Date.now()): { text: string; problem: boolean } {
  if (!status) return { text: 'Phone: starting…', problem: false };
  const where = status.server ? ` (${status.server.replace(/^wss?:\/\//, '')})` : '';
  switch (status.registration) {
    case 'registered': {
      const back = status.reRegisteredAt !== undefined && now - status.reRegisteredAt < RE_REGISTERED_SHOWN_MS;
      return { text: `Phone: ${back ? 're-registered' : 'ready'}${where}${status.monitor?.relayed ? ' · audio relayed through TURN' : ''}`, problem: false };
    }
    case 'connecting':
      return { text: `Phone: connecting${where}…`, problem: false };
    case 'reconnecting':
      // A refused certificate does not go away by retrying: what the server presented and what IT must do (issue 17 item 2).
      if (status.problem?.code === 'CERTIFICATE_REFUSED') {
        return { text: `Phone: ${status.problem.message} ${status.problem.action} (${reconnectingText(status, now)})`, problem: true };
      }
      return { text: `Phone: ${reconnectingText(status, now)}`, problem: true };
    case 'failed':
      return { text: `Phone: ${status.problem ? `${status.problem.message} ${status.problem.action}` : 'not registered.'}`, problem: true };
    default:
      return { text: 'Phone: not set up — add your SIP account in Settings › SIP account.', problem: false };
  }
}

/** While a monitor leg is connecting: the PBX sent early media (183) but has not answered — nothing is heard yet. */
export function monitorConnecting(status: PhoneStatus | undefined): string | undefined {
  const m = status?.monitor;
  return m?.state === 'connecting' && m.earlyMedia ? 'Connecting (the PBX has not answered)…' : undefined;
}

/**
 * What is wrong on a monitor leg that is still up: no audio from the PBX, or a
 * mode the PBX did not take (the leg fell back to listening). Undefined when
 * nothing is, so the UI never shows a stale warning.
 */
export function monitorTrouble(status: PhoneStatus | undefined): string | undefined {
  const m = status?.monitor;
  if (!m || m.state === 'ended' || m.state === 'failed') return undefined;
  if (m.recovering) return 'Network lost: your monitoring is paused, microphone off, until the phone reconnects.';
  const parts: string[] = [];
  if (m.audioProblem) parts.push(`${m.audioProblem.message} ${m.audioProblem.action}`);
  if (m.problem) parts.push(`${m.problem.message} ${m.problem.action}`);
  return parts.length ? parts.join(' ') : undefined;
}
