import { describe, expect, it } from 'vitest';
import { checkMonitorToken, issueMonitorRequest, mintMonitorToken, spendMonitorRequest } from '../../../main/phone/monitorToken';

const T0 = 1_800_000_000_000;

describe('monitor tokens', () => {
  it('are 256 random bits in base64url, different every time', () => {
    const a = mintMonitorToken();
    const b = mintMonitorToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('match once, within their lifetime', () => {
    const request = issueMonitorRequest(mintMonitorToken(), T0, 10_000);
    expect(checkMonitorToken(request, [request.token], T0 + 9_999)).toEqual({ ok: true });
    expect(checkMonitorToken(request, [` ${request.token} `], T0)).toEqual({ ok: true });
  });

  it('refuse a replay of a spent token', () => {
    const request = spendMonitorRequest(issueMonitorRequest(mintMonitorToken(), T0, 10_000));
    expect(checkMonitorToken(request, [request.token], T0 + 1)).toEqual({ ok: false, reason: 'its monitor token was already used (replay)' });
  });

  it('refuse an expired token (the boundary is expired)', () => {
    const request = issueMonitorRequest(mintMonitorToken(), T0, 10_000);
    expect(checkMonitorToken(request, [request.token], T0 + 10_000)).toEqual({ ok: false, reason: 'its monitor token has expired' });
  });

  it('refuse no token, two tokens, a malformed, a different or an unrequested one', () => {
    const request = issueMonitorRequest(mintMonitorToken(), T0);
    expect(checkMonitorToken(request, [], T0).ok).toBe(false);
    expect(checkMonitorToken(request, [request.token, request.token], T0)).toMatchObject({ reason: 'it carries more than one monitor token' });
    expect(checkMonitorToken(request, ['x'.repeat(200)], T0)).toMatchObject({ reason: 'its monitor token is malformed' });
    expect(checkMonitorToken(request, [`${request.token};x=1`], T0)).toMatchObject({ reason: 'its monitor token is malformed' });
    expect(checkMonitorToken(request, [request.token.slice(0, -1)], T0)).toMatchObject({ reason: 'its monitor token does not match the request' });
    expect(checkMonitorToken(null, [request.token], T0)).toMatchObject({ reason: 'no monitor request is waiting for a call' });
  });
});
