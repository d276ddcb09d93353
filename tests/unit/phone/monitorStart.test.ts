import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMMEDIATE_HANGUP_MS, immediateHangupProblem, isEarlyMedia, refusedStartProblem, unansweredProblem } from '../../../main/phone/monitorStart';
import { phoneProblemSchema } from '../../../preload/contract/phone';

describe('a monitor start that cannot hang (pure)', () => {
  it('early media is a provisional response with SDP, not a 100 or a bodiless 180', () => {
    expect(isEarlyMedia(183, true)).toBe(true);
    expect(isEarlyMedia(180, true)).toBe(true);
    expect(isEarlyMedia(183, false)).toBe(false);
    expect(isEarlyMedia(100, true)).toBe(false);
    expect(isEarlyMedia(200, true)).toBe(false);
  });

  it('no answer in time says so, and on early media what to change in the FreeSWITCH dialplan', () => {
    const early = unansweredProblem('freeswitch-eavesdrop', 8000, true);
    expect(early).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/^The PBX did not answer the monitor call within 8 s: it sent early media \(183\) but never answered/) });
    expect(early.action).toMatch(/application="answer"/);
    expect(unansweredProblem('asterisk-chanspy', 2500, false).message).toBe('The PBX did not answer the monitor call within 2.5 s.');
  });

  it('a far-end hang-up within a second of the answer, with no audio, means nothing to spy on', () => {
    const p = immediateHangupProblem('freeswitch-eavesdrop', '1001', 10_000, 10_000 + IMMEDIATE_HANGUP_MS, false);
    expect(p).toMatchObject({ code: 'NOT_FOUND', message: 'The PBX hung up right after answering: nothing to spy on — is agent 1001 on a call?' });
    expect(p?.action).toMatch(/mod_hash/);
    expect(immediateHangupProblem('asterisk-chanspy', '1001', 10_000, 10_500, false)?.action).toMatch(/PJSIP\/<extension>-/);
  });

  it('a later hang-up, or one after audio came, is an ordinary end; auto-answer legs never get the guess', () => {
    expect(immediateHangupProblem('freeswitch-eavesdrop', '1001', 10_000, 10_000 + IMMEDIATE_HANGUP_MS + 1, false)).toBeNull();
    expect(immediateHangupProblem('freeswitch-eavesdrop', '1001', 10_000, 10_100, true)).toBeNull();
    expect(immediateHangupProblem('auto-answer', '1001', 10_000, 10_100, false)).toBeNull();
  });

  it('404/480/486 say what they likely mean; other codes keep the generic wording', () => {
    expect(refusedStartProblem('freeswitch-eavesdrop', '1001', '881001', 404)?.message).toBe('Feature code lookup failed: the PBX does not know 881001 (404).');
    expect(refusedStartProblem('freeswitch-eavesdrop', '1001', '881001', 480)?.message).toBe('Nothing to spy on at 1001 (480): is the agent on a call?');
    expect(refusedStartProblem('asterisk-chanspy', '1001', '*2221001', 486)).toMatchObject({ code: 'BUSY', message: expect.stringMatching(/is agent 1001 on a call\?/) });
    expect(refusedStartProblem('asterisk-chanspy', '1001', '*2221001', 403)).toBeNull();
    // FreeSWITCH answers 488 when its candidate ACL drops every ICE candidate: not a microphone problem.
    expect(refusedStartProblem('freeswitch-eavesdrop', '1001', '881001', 488)).toMatchObject({ code: 'MEDIA_FAILED', action: expect.stringMatching(/apply-candidate-acl/) });
    expect(refusedStartProblem('auto-answer', '1001', '', 404)).toBeNull();
  });

  it('every wording fits the status contract for any target the dial string allows', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Za-z*#+._-]{1,60}$/), fc.integer({ min: 300, max: 699 }), fc.integer({ min: 2000, max: 120_000 }), (target, status, ms) => {
        for (const p of [
          unansweredProblem('freeswitch-eavesdrop', ms, true),
          unansweredProblem('asterisk-chanspy', ms, false),
          immediateHangupProblem('freeswitch-eavesdrop', target, 0, 10, false),
          refusedStartProblem('freeswitch-eavesdrop', target, `88${target}`, status),
        ]) {
          if (p) expect(phoneProblemSchema.safeParse(p).success).toBe(true);
        }
      }),
    );
  });
});
