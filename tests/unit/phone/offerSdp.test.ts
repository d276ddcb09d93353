import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutComfortNoise } from '../../../main/phone/offerSdp';

// Chromium's audio-only offer (lab capture), shortened.
const chromiumOffer = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126',
  'c=IN IP4 0.0.0.0',
  'a=rtpmap:111 opus/48000/2',
  'a=rtcp-fb:111 transport-cc',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'a=rtpmap:63 red/48000/2',
  'a=fmtp:63 111/111',
  'a=rtpmap:9 G722/8000',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:8 PCMA/8000',
  'a=rtpmap:13 CN/8000',
  'a=rtpmap:110 telephone-event/48000',
  'a=rtpmap:126 telephone-event/8000',
  '',
].join('\r\n');

describe('the supervisor offer leaves out comfort noise', () => {
  it('removes CN from the m=audio formats and its attributes, keeps everything else and the CRLFs', () => {
    const out = withoutComfortNoise(chromiumOffer);
    expect(out).toContain('m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 110 126\r\n');
    expect(out).not.toMatch(/CN\//);
    expect(out).toBe(chromiumOffer.replace('a=rtpmap:13 CN/8000\r\n', '').replace(' 8 13 110', ' 8 110'));
  });

  it('leaves an offer without CN, or one whose audio would have no format left, unchanged', () => {
    const noCn = chromiumOffer.replace('a=rtpmap:13 CN/8000\r\n', '').replace(' 13 ', ' ');
    expect(withoutComfortNoise(noCn)).toBe(noCn);
    const onlyCn = 'v=0\nm=audio 9 RTP/AVP 13\na=rtpmap:13 CN/8000\n';
    expect(withoutComfortNoise(onlyCn)).toBe(onlyCn);
  });

  it('hostile input: never longer, idempotent, never drops a non-CN codec line', () => {
    const line = fc.oneof(
      fc.constantFrom('m=audio 9 UDP/TLS/RTP/SAVPF 0 13 101', 'a=rtpmap:13 CN/8000', 'a=rtpmap:0 PCMU/8000', 'a=fmtp:13 x', 'a=rtpmap:101 telephone-event/8000', 'm=audio 9 RTP/AVP 13'),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\r\n', '\n'), (lines, eol) => {
        const sdp = lines.join(eol);
        const out = withoutComfortNoise(sdp);
        expect(out.length).toBeLessThanOrEqual(sdp.length);
        expect(withoutComfortNoise(out)).toBe(out);
        const cnPts = new Set(sdp.split(/\r?\n/).flatMap((l) => /^a=rtpmap:(\d{1,3}) CN\//i.exec(l)?.[1] ?? []));
        const kept = out.split(/\r?\n/);
        for (const l of sdp.split(/\r?\n/)) {
          const pt = /^a=rtpmap:(\d{1,3}) /i.exec(l)?.[1];
          if (pt !== undefined && !cnPts.has(pt)) expect(kept).toContain(l);
        }
      }),
    );
  });
});
