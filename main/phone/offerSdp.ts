/**
 * What the supervisor's SDP offer leaves out (pure). Comfort noise: when a
 * PBX answers with CN (FreeSWITCH without suppress-cng), Chromium turns on
 * discontinuous transmission for G.711 and sends only a comfort-noise frame
 * every ~100 ms instead of audio whenever the microphone is quiet or muted
 * (measured in the lab: 23 packets in 2 s, all CN). A PBX may only answer with
 * what was offered (RFC 3264), so CN is not offered at all.
 */

const CN_RTPMAP = /^a=rtpmap:(\d{1,3}) CN\//i;
const PT_ATTRIBUTE = /^a=(?:rtpmap|fmtp|rtcp-fb):(\d{1,3})(?:\s|$)/i;

/**
 * The offer without comfort noise: CN's rtpmap/fmtp/rtcp-fb lines and its
 * payload types on the m=audio line. Unchanged when there is no CN, or when
 * removing it would leave an audio section with no payload type. Linear in
 * the SDP's length; keeps its line endings.
 */
export function withoutComfortNoise(sdp: string): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = sdp.split(/\r?\n/);
  const cn = new Set<string>();
  for (const line of lines) {
    const m = CN_RTPMAP.exec(line);
    if (m) cn.add(m[1]!);
  }
  if (cn.size === 0) return sdp;
  let emptied = false;
  const out: string[] = [];
  for (const line of lines) {
    const attr = PT_ATTRIBUTE.exec(line);
    if (attr && cn.has(attr[1]!)) continue;
    if (/^m=audio /i.test(line)) {
      const parts = line.split(' ');
      const formats = parts.slice(3).filter((pt) => !cn.has(pt));
      if (formats.length === 0) emptied = true;
      out.push([...parts.slice(0, 3), ...formats].join(' '));
      continue;
    }
    out.push(line);
  }
  return emptied ? sdp : out.join(eol);
}
