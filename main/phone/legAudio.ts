/**
 * Is the PBX sending us audio, and has ChanSpy begun spying? Pure rules over
 * the renderer's inbound-audio reports (cumulative RTCRtpReceiver stats) and
 * the time, which is always an argument (DESIGN.md: no clock in the rules).
 *
 * Why packets and not levels decide "spying began": Asterisk's ChanSpy writes
 * nothing to the supervisor's channel until it has found the spied channel and
 * started spying (log "Spying on channel …"), so the first inbound RTP packet
 * is the first moment it takes the 4/5/6 digits. Before that it sits in a
 * ~100 ms ast_waitfordigit() that swallows any digit (issue 16, found 1).
 * The same silence (no packets) is what a codec Asterisk cannot translate
 * (Opus without a translator) and an idle spied extension look like.
 */
import type { InboundAudio, PhoneProblem } from '../../preload/contract/phone';

export const NO_AUDIO_AFTER_MS = 2000;
/**
 * Packets that carry only digital silence (a silence generator on an idle
 * ChanSpy) are flagged later: a live call can pause for a few seconds, and a
 * false "no audio" would be a lie too.
 */
export const SILENT_AFTER_MS = 10_000;
/** How long asterisk-chanspy digits wait for spying to begin before being sent anyway. */
export const SPY_START_FALLBACK_MS = 1500;
/**
 * Mean square level below which a report interval counts as digital silence
 * (-80 dBFS). A quiet line still carries noise well above this; PCMU 0xFF or
 * Asterisk's silence generator do not.
 */
const SILENCE_MEAN_SQUARE = 1e-8;

export interface LegAudio {
  /** When the leg was answered (200 OK / ACK), or null before. */
  connectedAt: number | null;
  /** The last report, to compute deltas. */
  last: InboundAudio | null;
  /** First report with packets: ChanSpy began spying. */
  firstPacketAt: number | null;
  /** Last report in which the packet count grew. */
  lastPacketAt: number | null;
  /** Last report interval that carried more than digital silence. */
  lastSoundAt: number | null;
}

export type AudioVerdict = 'waiting' | 'flowing' | 'none' | 'silent';

export const initialLegAudio = (): LegAudio => ({ connectedAt: null, last: null, firstPacketAt: null, lastPacketAt: null, lastSoundAt: null });

export const legConnected = (a: LegAudio, now: number): LegAudio => (a.connectedAt === null ? { ...a, connectedAt: now } : a);

/**
 * Fold one inbound-audio report in. Counters that go backwards (a new receiver) restart the deltas.
 * `levelsMeasured: false` (the playback is muted for privacy, which silences the decoded audio the
 * energy is measured on): packets still count, their level is not judged.
 */
export function observeInbound(a: LegAudio, report: InboundAudio, now: number, { levelsMeasured = true }: { levelsMeasured?: boolean } = {}): LegAudio {
  const prev = a.last && report.packetsReceived >= a.last.packetsReceived ? a.last : null;
  const newPackets = report.packetsReceived - (prev?.packetsReceived ?? 0);
  const dEnergy = report.totalAudioEnergy - (prev?.totalAudioEnergy ?? 0);
  const dDuration = report.totalSamplesDuration - (prev?.totalSamplesDuration ?? 0);
  const next: LegAudio = { ...a, last: report };
  if (newPackets > 0) {
    next.firstPacketAt ??= now;
    next.lastPacketAt = now;
    // No decoded duration yet (stats lag the packets a little): not silence, just not measured.
    if (!levelsMeasured || dDuration <= 0 || dEnergy / dDuration > SILENCE_MEAN_SQUARE) next.lastSoundAt = now;
  }
  return next;
}

/** The verdict at `now`: flowing, waiting, none (no packets for 2 s) or silent (only digital silence for 10 s). */
export function audioVerdict(a: LegAudio, now: number, noAudioAfterMs = NO_AUDIO_AFTER_MS, silentAfterMs = SILENT_AFTER_MS): AudioVerdict {
  if (a.connectedAt === null) return 'waiting';
  const lastPacket = a.lastPacketAt ?? a.connectedAt;
  if (now - lastPacket >= noAudioAfterMs) return 'none';
  const lastSound = a.lastSoundAt ?? a.connectedAt;
  if (now - lastSound >= silentAfterMs) return 'silent';
  return a.lastSoundAt !== null ? 'flowing' : 'waiting';
}

/** What a supervisor reads for a 'none' or 'silent' leg; undefined otherwise. */
export function audioProblem(verdict: AudioVerdict): PhoneProblem | undefined {
  if (verdict === 'none') {
    return {
      code: 'NO_AUDIO',
      message:
        'No audio from the PBX — check the codec (ulaw/alaw) on your supervisor endpoint (Opus without a translator carries nothing), or the extension has no call to listen to.',
      action: 'Ask your PBX administrator to set allow=ulaw (or alaw) on your endpoint; nobody hears you either while this shows.',
    };
  }
  if (verdict === 'silent') {
    return {
      code: 'NO_AUDIO',
      message: 'No audio from the PBX — only silence arrives: the extension may have no call to listen to, or its codec is not translated (ulaw/alaw).',
      action: 'Check that the agent is on this call at this extension; the warning clears as soon as sound arrives.',
    };
  }
  return undefined;
}

export type DigitGate = { send: true; evidence: 'spying' | 'fallback' | 'not-needed' } | { send: false; retryAt: number };

/**
 * May mode digits go to the PBX now? ChanSpy (asterisk-chanspy) takes them only
 * once spying has begun: inbound audio started, or — if the spied call sends
 * nothing — after a bounded fallback from the answer. Other profiles: at once
 * (RFC 2833 readiness is the media host's canInsertDTMF wait).
 */
export function digitGate(kind: string, a: LegAudio, now: number, fallbackMs = SPY_START_FALLBACK_MS): DigitGate {
  if (kind !== 'asterisk-chanspy') return { send: true, evidence: 'not-needed' };
  if (a.firstPacketAt !== null) return { send: true, evidence: 'spying' };
  if (a.connectedAt === null) return { send: false, retryAt: now + fallbackMs };
  const at = a.connectedAt + fallbackMs;
  return now >= at ? { send: true, evidence: 'fallback' } : { send: false, retryAt: at };
}

/** Does an SDP (the PBX's answer) carry RFC 2833/4733 telephone-event? */
export const hasTelephoneEvent = (sdp: string | undefined | null): boolean => /^a=rtpmap:\d+ telephone-event\//im.test(sdp ?? '');
