/**
 * sipp scenarios for the PBX feature server, generated per test so each one
 * asserts exactly what it expects on the wire (sipp exits non-zero on any
 * mismatch or unexpected message). Built on research/sip/sipp/uas_info.xml.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type FeatureServerEnding =
  | 'expect-bye' // the supervisor hangs up (handset)
  | 'send-bye' // the monitored call ends: the PBX hangs up the supervisor leg
  | 'hold-then-expect-bye' // the PBX holds the leg (sendonly re-INVITE), then the supervisor hangs up
  | 'idle'; // nothing more expected (transport-drop test stops sipp by PID)

export interface FeatureServerSpec {
  /** Expected request-URI user of the INVITE, e.g. "*2221001". */
  dialled: string;
  /** Reject the INVITE with this status instead of answering. */
  reject?: { status: number; reason: string };
  /** SIP INFO digits expected, in order (one INFO per digit). */
  infoDigits?: string[];
  /** Require telephone-event in the offer (RFC 2833 profiles). */
  expectTelephoneEvent?: boolean;
  ending?: FeatureServerEnding;
  /** Answer 200 OK without an SDP body (broken PBX): the softphone must give up cleanly. */
  answerWithoutSdp?: boolean;
  /** Pause before the PBX's own action (BYE / re-INVITE). */
  pauseMs?: number;
  /**
   * FreeSWITCH with an extension that never answers (eavesdrop without
   * `answer`): 183 Session Progress with SDP (early media), no 200; the
   * supervisor must CANCEL (200 for it, 487 for the INVITE, ACK).
   */
  earlyMediaOnly?: boolean;
}

const rx = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const reply = (status: string, extra = '') => `  <send><![CDATA[
SIP/2.0 ${status}
[last_Via:]
[last_From:]
[last_To:]${extra}
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>`;

/**
 * The INVITE's answer with our To tag. `dialog`: it starts the dialog
 * (Record-Route and our Contact); `body`: it carries an SDP; `retrans`: sipp
 * resends it until the ACK.
 */
const answer = (status: string, { dialog = false, body, retrans = false }: { dialog?: boolean; body?: string; retrans?: boolean } = {}) => `  <send${retrans ? ' retrans="500"' : ''}><![CDATA[
SIP/2.0 ${status}
[last_Via:]
[last_From:]
[last_To:];tag=[pid]SIPpTag01[call_number]
[last_Call-ID:]
[last_CSeq:]
${dialog ? '[last_Record-Route:]\nContact: <sip:agent@[local_ip]:[local_port];transport=[transport]>\n' : ''}${body ? `Content-Type: application/sdp\nContent-Length: [len]\n\n${body}\n` : 'Content-Length: 0\n\n'}]]></send>`;

const sdp = (direction: string, version: number) => `v=0
o=sipp 1 ${version} IN IP4 [local_ip]
s=-
c=IN IP4 [local_ip]
t=0 0
m=audio [auto_media_port] RTP/AVP 0 101
a=rtpmap:0 PCMU/8000
a=rtpmap:101 telephone-event/8000
a=${direction}`;

export function featureServerScenario(spec: FeatureServerSpec): string {
  const parts: string[] = [];
  let cseq = 0;
  const checks = [`<ereg regexp="^INVITE sip:${rx(spec.dialled)}@" search_in="msg" check_it="true" assign_to="ruri"/>`, `<log message="INVITE to [$ruri]"/>`];
  if (spec.expectTelephoneEvent) checks.push(`<ereg regexp="telephone-event" search_in="body" check_it="true" assign_to="te"/>`, `<log message="offer has [$te]"/>`);
  parts.push(`  <recv request="INVITE" crlf="true" rrs="true">
    <action>
      <ereg regexp=".*" search_in="hdr" header="From:" check_it="true" assign_to="rfrom"/>
      <log message="from [$rfrom]"/>
      ${checks.join('\n      ')}
    </action>
  </recv>`);
  if (spec.reject) {
    parts.push(`${answer(`${spec.reject.status} ${spec.reject.reason}`)}
  <recv request="ACK"/>`);
    return wrap(parts);
  }
  if (spec.earlyMediaOnly) {
    parts.push(`${answer('183 Session Progress', { dialog: true, body: sdp('sendrecv', 1) })}
  <recv request="CANCEL" timeout="30000">
    <action>
      <ereg regexp="([0-9]+) CANCEL" search_in="hdr" header="CSeq:" check_it="true" assign_to="cs,csn"/>
      <log message="CANCEL [$cs]"/>
    </action>
  </recv>
${reply('200 OK')}
  <send><![CDATA[
SIP/2.0 487 Request Terminated
[last_Via:]
[last_From:]
[last_To:];tag=[pid]SIPpTag01[call_number]
[last_Call-ID:]
CSeq: [$csn] INVITE
Content-Length: 0

]]></send>
  <recv request="ACK"/>`);
    return wrap(parts);
  }
  if (spec.answerWithoutSdp) {
    parts.push(`${answer('200 OK', { dialog: true, retrans: true })}
  <recv request="ACK" crlf="true"/>
  <recv request="BYE"/>
${reply('200 OK')}`);
    return wrap(parts);
  }
  parts.push(`${answer('200 OK', { dialog: true, body: sdp('sendrecv', 1), retrans: true })}
  <recv request="ACK" crlf="true"/>`);
  (spec.infoDigits ?? []).forEach((d, i) => {
    parts.push(`  <recv request="INFO">
    <action>
      <ereg regexp="application/dtmf-relay" search_in="hdr" header="Content-Type:" check_it="true" assign_to="ct${i}"/>
      <ereg regexp="Signal= *${rx(d)}" search_in="body" check_it="true" assign_to="d${i}"/>
      <log message="INFO ${i + 1}: [$d${i}] [$ct${i}]"/>
    </action>
  </recv>
${reply('200 OK')}`);
  });
  const ending = spec.ending ?? 'expect-bye';
  const pause = `  <pause milliseconds="${spec.pauseMs ?? 200}"/>`;
  const inDialog = (method: string, body = '') => {
    cseq++;
    return `  <send retrans="500"><![CDATA[
${method} [next_url] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
[routes]
From: <sip:agent@[local_ip]>;tag=[pid]SIPpTag01[call_number]
To:[$rfrom]
Call-ID: [call_id]
CSeq: ${cseq} ${method}
Contact: <sip:agent@[local_ip]:[local_port];transport=[transport]>
Max-Forwards: 70
${body ? 'Content-Type: application/sdp\nContent-Length: [len]\n\n' + body : 'Content-Length: 0\n'}
]]></send>`;
  };
  const expectBye = `  <recv request="BYE"/>
${reply('200 OK')}`;
  if (ending === 'expect-bye') parts.push(expectBye);
  if (ending === 'send-bye') parts.push(pause, inDialog('BYE'), `  <recv response="200"/>`);
  if (ending === 'hold-then-expect-bye') {
    parts.push(
      pause,
      inDialog('INVITE', sdp('sendonly', 2)),
      `  <recv response="100" optional="true"/>
  <recv response="200">
    <action><ereg regexp="a=(recvonly|inactive)" search_in="body" check_it="true" assign_to="holdans"/><log message="hold answered [$holdans]"/></action>
  </recv>
  <send><![CDATA[
ACK [next_url] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
[routes]
From: <sip:agent@[local_ip]>;tag=[pid]SIPpTag01[call_number]
To:[$rfrom]
Call-ID: [call_id]
CSeq: ${cseq} ACK
Max-Forwards: 70
Content-Length: 0

]]></send>`,
      expectBye,
    );
  }
  if (ending === 'idle') parts.push(`  <recv request="BYE" timeout="60000"/>`);
  return wrap(parts);
}

function wrap(parts: string[]): string {
  return `<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="spyglass feature server">
${parts.join('\n')}
  <timewait milliseconds="300"/>
</scenario>
`;
}

export function writeScenario(spec: FeatureServerSpec): string {
  const dir = mkdtempSync(join(tmpdir(), 'spyglass-scn-'));
  const path = join(dir, 'feature-server.xml');
  writeFileSync(path, featureServerScenario(spec));
  return path;
}
