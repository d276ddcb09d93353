import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoAnswerHint, callerLabel, decideIncomingInvite, declinedCallNotice, gateDeclinedNotice, type InviteHeaders } from '../../../main/phone/autoAnswer';
import { issueMonitorRequest, mintMonitorToken, spendMonitorRequest } from '../../../main/phone/monitorToken';

const headers = (h: Record<string, string[]>): InviteHeaders => ({ get: (n) => h[n.toLowerCase()] ?? [] });
const T0 = 1_800_000_000_000;

describe('auto-answer hints (informational: they say "please", never "trust me")', () => {
  it('recognises Call-Info answer-after=0, not 5 or 05', () => {
    expect(autoAnswerHint(headers({ 'call-info': ['<sip:pbx.example.com>;answer-after=0'] }))).toBe('call-info-answer-after');
    expect(autoAnswerHint(headers({ 'call-info': ['<sip:pbx>; Answer-After = 0'] }))).toBe('call-info-answer-after');
    expect(autoAnswerHint(headers({ 'call-info': ['<sip:pbx>;answer-after=5'] }))).toBeNull();
    expect(autoAnswerHint(headers({ 'call-info': ['<sip:pbx>;answer-after=05'] }))).toBeNull();
  });

  it('recognises Alert-Info auto-answer and Answer-Mode: Auto', () => {
    expect(autoAnswerHint(headers({ 'alert-info': ['<http://127.0.0.1>;info=alert-autoanswer'] }))).toBe('alert-info-auto-answer');
    expect(autoAnswerHint(headers({ 'alert-info': ['<urn:alert:service:auto-answer>'] }))).toBe('alert-info-auto-answer');
    expect(autoAnswerHint(headers({ 'answer-mode': ['Auto'] }))).toBe('answer-mode-auto');
    expect(autoAnswerHint(headers({ 'answer-mode': ['Manual'] }))).toBeNull();
  });
});

describe('which INVITE is answered by itself', () => {
  const token = mintMonitorToken();
  const request = issueMonitorRequest(token, T0, 10_000);
  const genuine = { headers: headers({ 'x-spyglass-monitor': [token] }), overOurConnection: true, monitorRequest: request, busy: false, now: T0 + 500 };

  it('answers the INVITE carrying the waiting token on our connection, hints or not', () => {
    expect(decideIncomingInvite(genuine).answer).toBe(true);
  });

  it('declines every auto-answer hint without the token, however trusted the headers look', () => {
    const hints: Record<string, string[]>[] = [{ 'answer-mode': ['Auto'] }, { 'call-info': ['<sip:pbx>;answer-after=0'] }, { 'alert-info': ['<urn:alert:service:auto-answer>'] }];
    for (const h of hints) {
      const d = decideIncomingInvite({ ...genuine, headers: headers({ ...h, via: ['SIP/2.0/WS pbx;received=pbx'] }) });
      expect(d).toMatchObject({ answer: false, status: 603 });
      expect(d.reason).toMatch(/carries no monitor token \(it asked to be auto-answered/);
    }
  });

  it('declines the right token that did not come over our connection', () => {
    expect(decideIncomingInvite({ ...genuine, overOurConnection: false })).toMatchObject({ answer: false, status: 603, reason: expect.stringMatching(/connection to the configured server/) });
  });

  it('declines a replayed, an expired, and an unrequested token', () => {
    expect(decideIncomingInvite({ ...genuine, monitorRequest: spendMonitorRequest(request) })).toMatchObject({ answer: false, reason: expect.stringMatching(/replay/) });
    expect(decideIncomingInvite({ ...genuine, now: T0 + 10_000 })).toMatchObject({ answer: false, reason: expect.stringMatching(/expired/) });
    expect(decideIncomingInvite({ ...genuine, monitorRequest: null })).toMatchObject({ answer: false, status: 603 });
  });

  it('answers busy while a leg is up', () => {
    expect(decideIncomingInvite({ ...genuine, busy: true })).toMatchObject({ answer: false, status: 486 });
  });
});

describe('what the supervisor is told', () => {
  it('shows any caller text without control or bidi characters, capped', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constant('\u202e'), fc.constant('\u0000'), fc.constant('\ud800'), fc.constantFrom('a', '<', ' ', '\u{1F600}'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 2000 }), (from) => {
        const label = callerLabel(from);
        expect(Array.from(label).length).toBeLessThanOrEqual(81);
        expect(label).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}]/u);
      }),
    );
    expect(callerLabel('"Mallory\u202e" <sip:m@evil.example>')).toBe('"Mallory" <sip:m@evil.example>');
    expect(callerLabel(undefined)).toBe('an unknown caller');
  });

  it('says at most one notice per window, counting the calls in between', () => {
    let gate = { lastAt: null as number | null, suppressed: 0 };
    const seen: string[] = [];
    for (const at of [0, 1_000, 2_000, 31_000]) {
      const g = gateDeclinedNotice(gate, T0 + at);
      gate = g.gate;
      if (g.notify) seen.push(declinedCallNotice('<sip:x@y>', 'it carries no monitor token', g.alsoDeclined));
    }
    expect(seen).toEqual([
      'Declined an unrequested call from <sip:x@y>: it carries no monitor token.',
      'Declined an unrequested call from <sip:x@y>: it carries no monitor token. 2 more such calls were declined since the last notice.',
    ]);
  });
});
