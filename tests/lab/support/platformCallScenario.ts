/**
 * sipp scenario for a platform (or an attacker) that calls the supervisor:
 * an INVITE to the supervisor's AOR through Kamailio, with the headers a test
 * chooses, and the outcome it expects. sipp exits non-zero on anything else,
 * so "answered" and "declined" are checked on the wire.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PlatformCallSpec {
  /** User part of the request URI: the supervisor's AOR at the proxy. */
  user: string;
  /** Header lines added after sipp's own (real) Via, e.g. a forged second Via or X-Spyglass-Monitor. */
  headers: string[];
  /** 'answered': 200, ACK, then the supervisor's BYE. 'declined': this final status, ACKed. */
  expect: { answered: true } | { answered: false; status: number };
}

const sdp = `v=0
o=platform 1 1 IN IP4 [local_ip]
s=-
c=IN IP4 [local_ip]
t=0 0
m=audio [auto_media_port] RTP/AVP 0 101
a=rtpmap:0 PCMU/8000
a=rtpmap:101 telephone-event/8000
a=sendrecv
`;

/** The ACK of the INVITE's final response: to `target` on `branch`, with `routes` (a line) when a 2xx set up a route set. */
const ack = (target: string, branch: string, routes = '') => `  <send><![CDATA[
ACK ${target} SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=${branch}
${routes}From: "Platform" <sip:platform@[local_ip]:[local_port]>;tag=[pid]plat[call_number]
[last_To:]
Call-ID: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0

]]></send>
`;

export function platformCallScenario(spec: PlatformCallSpec): string {
  // A fixed branch per call, so the ACK of a non-2xx final response reuses the INVITE's (RFC 3261 17.1.1.3).
  const branch = 'z9hG4bK-platform-[pid]-[call_number]';
  const invite = `  <send retrans="500"><![CDATA[
INVITE sip:${spec.user}@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=${branch}
${spec.headers.map((h) => `${h}\n`).join('')}From: "Platform" <sip:platform@[local_ip]:[local_port]>;tag=[pid]plat[call_number]
To: <sip:${spec.user}@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 1 INVITE
Contact: <sip:platform@[local_ip]:[local_port]>
Max-Forwards: 70
Content-Type: application/sdp
Content-Length: [len]

${sdp}]]></send>
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="183" optional="true"/>
`;
  const outcome = spec.expect.answered
    ? `  <recv response="200" rrs="true"/>
${ack('[next_url]', '[branch]', '[routes]\n')}  <recv request="BYE"/>
  <send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
`
    : `  <recv response="${spec.expect.status}"/>
${ack(`sip:${spec.user}@[remote_ip]:[remote_port]`, branch)}  <pause milliseconds="200"/>
`;
  return `<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="platform calls the supervisor">
${invite}${outcome}</scenario>
`;
}

export function writePlatformCall(spec: PlatformCallSpec): string {
  const dir = mkdtempSync(join(tmpdir(), 'spyglass-scn-'));
  const path = join(dir, 'platform-call.xml');
  writeFileSync(path, platformCallScenario(spec));
  return path;
}
