import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { continueOrigin, originOf } from '../../../main/phone/sdpOrigin';

const sdp = (id: string, version: string, eol = '\r\n') => ['v=0', `o=- ${id} ${version} IN IP4 127.0.0.1`, 's=-', 't=0 0', 'm=audio 9 UDP/TLS/RTP/SAVPF 0', ''].join(eol);

describe('one SDP session per dialog (RFC 3264 §8)', () => {
  it('sends the first SDP as is and remembers its origin', () => {
    expect(continueOrigin(sdp('111', '2'), null)).toEqual({ sdp: sdp('111', '2'), origin: { sessionId: '111', version: '2' } });
  });

  it('a new peer connection (another session id) goes out under the dialog’s session id, version + 1', () => {
    const out = continueOrigin(sdp('987654321', '2'), { sessionId: '111', version: '3' });
    expect(out.sdp).toBe(sdp('111', '4'));
    expect(out.origin).toEqual({ sessionId: '111', version: '4' });
  });

  it('the same session moving forward, or the same SDP said twice, is left alone', () => {
    expect(continueOrigin(sdp('111', '5'), { sessionId: '111', version: '4' }).sdp).toBe(sdp('111', '5'));
    expect(continueOrigin(sdp('111', '4'), { sessionId: '111', version: '4' }).sdp).toBe(sdp('111', '4'));
  });

  it('versions beyond 2^53 are incremented exactly; line endings are kept', () => {
    const out = continueOrigin(sdp('5', '2', '\n'), { sessionId: '7', version: '9223372036854775806' });
    expect(out.sdp).toBe(sdp('7', '9223372036854775807', '\n'));
  });

  it('an SDP without a well-formed o= line passes unchanged and keeps the last origin', () => {
    const prev = { sessionId: '1', version: '1' };
    expect(continueOrigin('v=0\r\no=broken\r\n', prev)).toEqual({ sdp: 'v=0\r\no=broken\r\n', origin: prev });
  });

  it('property: the result keeps every other line, and its origin is the dialog’s with a version that never goes back', () => {
    const digits = fc.stringMatching(/^[1-9][0-9]{0,18}$/);
    fc.assert(
      fc.property(digits, digits, digits, digits, fc.array(fc.stringMatching(/^a=[a-z]{1,8}:[a-z0-9]{0,8}$/), { maxLength: 5 }), (id, version, prevId, prevVersion, extra) => {
        const input = sdp(id, version) + extra.join('\r\n');
        const out = continueOrigin(input, { sessionId: prevId, version: prevVersion });
        const origin = originOf(out.sdp)!;
        expect(origin.sessionId).toBe(prevId);
        expect(BigInt(origin.version)).toBeGreaterThanOrEqual(BigInt(prevVersion));
        expect(out.origin).toEqual(origin);
        const others = (s: string) => s.split('\r\n').filter((l) => !l.startsWith('o='));
        expect(others(out.sdp)).toEqual(others(input));
      }),
    );
  });
});
