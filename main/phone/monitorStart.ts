/**
 * A monitor start that cannot hang (issue 18 found 4, 6): how long the PBX has
 * to answer the feature-code call, what early media (183) means while it has
 * not, and what an immediate far-end hang-up or a final refusal most likely
 * means, in words a supervisor can act on. Pure: time and status codes are
 * arguments; MonitorSession applies them.
 */
import type { PhoneProblem } from '../../preload/contract/phone';
import type { PbxProfile } from './pbxProfiles';

/** phone.answerTimeoutSeconds default: a feature code answers in well under a second on a healthy PBX. */
export const DEFAULT_ANSWER_TIMEOUT_SECONDS = 8;
/** A far-end BYE this soon after the answer is the PBX giving up, not the spied call ending. */
export const IMMEDIATE_HANGUP_MS = 1000;

type ProfileKind = PbxProfile['kind'];

/**
 * A provisional response carrying SDP is early media: the PBX is playing audio
 * (or silence) to us without having answered. FreeSWITCH sends 183 this way
 * for an extension that runs an application before (or without) `answer`.
 */
export const isEarlyMedia = (statusCode: number, hasBody: boolean): boolean => statusCode > 100 && statusCode < 200 && hasBody;

const dialplanAdvice: Record<ProfileKind, string> = {
  'freeswitch-eavesdrop': 'Ask the PBX administrator to put <action application="answer"/> before eavesdrop in the feature-code extension (main/phone/README.md, FreeSWITCH).',
  'asterisk-chanspy': 'Ask the PBX administrator to check the feature-code extension runs ChanSpy (it answers by itself) in the supervisors’ context.',
  'auto-answer': 'Check the platform’s call to the supervisor.',
};

/** The PBX did not answer within the bounded time: the leg is cancelled with this reason. */
export function unansweredProblem(kind: ProfileKind, timeoutMs: number, earlyMedia: boolean): PhoneProblem {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return {
    code: 'UNAVAILABLE',
    message: earlyMedia
      ? `The PBX did not answer the monitor call within ${seconds} s: it sent early media (183) but never answered, so nothing would be heard.`
      : `The PBX did not answer the monitor call within ${seconds} s.`,
    action: earlyMedia ? dialplanAdvice[kind] : `Try again; if it keeps happening, check the PBX and the feature code in Settings. (Wait longer: phone.answerTimeoutSeconds.)`,
  };
}

/**
 * The far end hung up `endedAt - answeredAt` ms after answering. Within
 * IMMEDIATE_HANGUP_MS and before any audio came from the PBX, that is the
 * feature code finding nothing to spy on (or its lookup failing: FreeSWITCH's
 * eavesdrop returns at once on an empty uuid, ChanSpy sends no RTP until it
 * spies), not a monitored call that ended: say so. Otherwise null (an
 * ordinary end: the spied call is over).
 */
export function immediateHangupProblem(kind: ProfileKind, target: string, answeredAt: number, endedAt: number, heardAudio: boolean): PhoneProblem | null {
  if (kind === 'auto-answer' || heardAudio || endedAt - answeredAt > IMMEDIATE_HANGUP_MS) return null;
  return {
    code: 'NOT_FOUND',
    message: `The PBX hung up right after answering: nothing to spy on — is agent ${target} on a call?`,
    action:
      kind === 'freeswitch-eavesdrop'
        ? 'If the agent is on a call, the feature code’s lookup failed: the agent’s channel must be stored in mod_hash (spymap) when the agent answers (main/phone/README.md, FreeSWITCH).'
        : 'If the agent is on a call, the feature code did not find the agent’s channel: check the channel name ChanSpy is given (PJSIP/<extension>-).',
  };
}

/**
 * A final refusal of the monitor INVITE on a dial-plan PBX, for the codes a
 * feature code typically answers with; null for anything else (the generic
 * wording in phoneProblems.ts applies).
 */
export function refusedStartProblem(kind: ProfileKind, target: string, dialled: string, statusCode: number | undefined): PhoneProblem | null {
  if (kind === 'auto-answer') return null;
  switch (statusCode) {
    case 404:
    case 604:
    case 484:
      return {
        code: 'NOT_FOUND',
        message: `Feature code lookup failed: the PBX does not know ${dialled} (${statusCode}).`,
        action: 'Check the feature code in Settings matches the PBX dialplan, and the agent extension.',
      };
    case 480:
      return {
        code: 'NOT_FOUND',
        message: `Nothing to spy on at ${target} (480): is the agent on a call?`,
        action: 'Start monitoring once the agent is on a call; if they are, the PBX did not find the agent’s channel.',
      };
    case 486:
    case 600:
      return {
        code: 'BUSY',
        message: `The PBX answered busy (${statusCode}): nothing to spy on — is agent ${target} on a call? Or the call is already monitored.`,
        action: 'Try again once the agent is on a call, or pick another call.',
      };
    case 488:
    case 606:
      // Measured on FreeSWITCH: a candidate ACL that drops every supervisor ICE candidate ("no suitable
      // candidates found") answers 488, as does a codec list without PCMU/PCMA. Not the microphone.
      return {
        code: 'MEDIA_FAILED',
        message: `The PBX found no audio path it accepts (${statusCode}): no usable network address (ICE candidate) or codec in common.`,
        action:
          kind === 'freeswitch-eavesdrop'
            ? 'Ask the PBX administrator to set apply-candidate-acl for your network (FreeSWITCH’s default wan.auto drops private addresses) and to allow PCMU/PCMA.'
            : 'Ask the PBX administrator to allow ulaw/alaw on your endpoint and to check its ICE settings.',
      };
    default:
      return null;
  }
}
