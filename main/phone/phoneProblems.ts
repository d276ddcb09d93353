/**
 * Turns JsSIP causes and socket errors into what a supervisor reads in the
 * status bar: what happened and what to do next.
 */
import type { PhoneProblem } from '../../preload/contract/phone';
import type { SocketErrorInfo } from './nodeWsSocket';
import { CERTIFICATE_ERROR } from './nodeWsSocket';
import { certificateProblem } from './tls/certificateProblem';

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME|TLS|SSL|EPROTO/i;

export function problemFromSocket(err: SocketErrorInfo | null, server: string): PhoneProblem {
  // A refused certificate names the server, what it presented and what IT must do (tls/certificateProblem.ts).
  if (err && CERTIFICATE_ERROR.test(err.code)) return certificateProblem(server, err.code, err.certificate, err.trust);
  if (err && TLS_CODES.test(err.code)) {
    return {
      code: 'CERTIFICATE_REFUSED',
      message: `Certificate refused: ${server} presented a certificate this computer does not trust (${err.code}).`,
      action: 'Ask IT to install the server certificate or its CA, or check the server name in Settings.',
    };
  }
  const detail = err ? ` (${err.code})` : '';
  return {
    code: 'SERVER_UNREACHABLE',
    message: `Server unreachable: nothing answers at ${server}${detail}.`,
    action: 'Check the server address and port in Settings, and your network connection. Retrying automatically.',
  };
}

export function problemFromRegistration(cause: string | undefined, statusCode?: number): PhoneProblem {
  if (cause === 'Authentication Error' || statusCode === 401 || statusCode === 407) {
    return {
      code: 'WRONG_PASSWORD',
      message: 'Wrong password: the SIP server refused the user name or password.',
      action: 'Check the user and password in Settings › SIP account.',
    };
  }
  if (cause === 'Connection Error' || cause === 'Request Timeout') {
    return problemFromSocket(null, 'the SIP server');
  }
  return {
    code: 'REGISTRATION_REFUSED',
    message: `Registration refused by the SIP server (${statusCode ?? cause ?? 'unknown reason'}).`,
    action: 'Check the SIP account in Settings or ask your PBX administrator.',
  };
}

/** Why a monitor leg failed to start or ended badly. */
export function problemFromCall(cause: string | undefined, statusCode?: number, detail?: string): PhoneProblem {
  switch (cause) {
    case 'Busy':
      return {
        code: 'BUSY',
        message: `The PBX answered busy (${statusCode ?? 486}): the call may already be monitored or has ended.`,
        action: 'Try again in a moment, or pick another call.',
      };
    case 'Rejected':
      return {
        code: 'REFUSED',
        message: `The PBX refused the monitor request (${statusCode ?? 403}).`,
        action: 'Check that your SIP account may use the monitor feature code, or ask your PBX administrator.',
      };
    case 'Not Found':
    case 'Address Incomplete':
      return {
        code: 'NOT_FOUND',
        message: `The PBX does not know the monitor number (${statusCode ?? 404}).`,
        action: 'Check the feature code and the agent extension in the PBX profile in Settings.',
      };
    case 'Unavailable':
    case 'No Answer':
    case 'Request Timeout':
      return {
        code: 'UNAVAILABLE',
        message: `The PBX did not answer the monitor request (${statusCode ?? cause}).`,
        action: 'Try again; if it keeps failing, check the PBX.',
      };
    case 'Authentication Error':
      return problemFromRegistration(cause, statusCode);
    case 'Connection Error':
      return {
        code: 'CONNECTION_LOST',
        message: 'The connection to the SIP server dropped.',
        action: 'The phone reconnects by itself; start monitoring again once it shows Registered.',
      };
    case 'WebRTC Error':
    case 'User Denied Media Access':
    case 'Incompatible SDP':
    case 'Bad Media Description':
    case 'Missing SDP':
    case 'RTP Timeout':
      return {
        code: 'MEDIA_FAILED',
        message: `Audio could not be set up (${cause}${detail ? ': ' + detail : ''}).`,
        action: 'Check the microphone and speaker in Settings, then try again.',
      };
    default:
      return {
        code: 'INTERNAL',
        message: `The monitor call failed (${statusCode ?? cause ?? 'unknown reason'}${detail ? ': ' + detail : ''}).`,
        action: 'Try again; if it keeps failing, send the logs to IT.',
      };
  }
}
