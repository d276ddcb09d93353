import { describe, expect, it } from 'vitest';
import { autoAnswerHint, sameHost, shouldAutoAnswer, type InviteHeaders } from '../../../main/phone/autoAnswer';

const headers = (h: Record<string, string[]>): InviteHeaders => ({ get: (n) => h[n.toLowerCase()] ?? [] });

describe('auto-answer detection', () => {
  it('recognises Call-Info answer-after=0', () => {
    expect(autoAnswerHint(headers({ 'call-info': ['<sip:pbx.example.com>;answer-after=0'] }))).toBe('call-info-answer-after');
    expect(autoAnswerHint(headers({ 'call-info': ['<sip:pbx>; Answer-After = 0'] }))).toBe('call-info-answer-after');
  });

  it('does not treat answer-after=5 or =05 as answer at once', () => {
    expect(autoAnswerHint(headers({ 'call-info': ['<sip:pbx>;answer-after=5'] }))).toBeNull();
    expect(autoAnswerHint(headers({ 'call-info': ['<sip:pbx>;answer-after=05'] }))).toBeNull();
  });

  it('recognises Alert-Info auto-answer and Answer-Mode: Auto', () => {
    expect(autoAnswerHint(headers({ 'alert-info': ['<http://127.0.0.1>;info=alert-autoanswer'] }))).toBe('alert-info-auto-answer');
    expect(autoAnswerHint(headers({ 'alert-info': ['<urn:alert:service:auto-answer>'] }))).toBe('alert-info-auto-answer');
    expect(autoAnswerHint(headers({ 'answer-mode': ['Auto'] }))).toBe('answer-mode-auto');
    expect(autoAnswerHint(headers({ 'answer-mode': ['Manual'] }))).toBeNull();
  });

  it('answers only when the hint comes from the configured server', () => {
    const h = headers({ 'answer-mode': ['Auto'] });
    expect(shouldAutoAnswer(h, 'pbx.example.com', 'PBX.example.com:5060').answer).toBe(true);
    const refused = shouldAutoAnswer(h, '10.0.0.66', 'pbx.example.com');
    expect(refused.answer).toBe(false);
    expect(refused.reason).toMatch(/untrusted host 10\.0\.0\.66/);
  });

  it('does not answer a plain INVITE even from the server', () => {
    expect(shouldAutoAnswer(headers({}), 'pbx', 'pbx')).toEqual({ answer: false, reason: 'no auto-answer header' });
  });

  it('compares hosts without ports and IPv6 brackets', () => {
    expect(sameHost('[::1]:5060', '::1')).toBe(true);
    expect(sameHost('', '')).toBe(false);
  });
});
