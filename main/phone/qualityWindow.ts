/**
 * From two inbound-audio reports (cumulative getStats counters) a few seconds
 * apart to the call quality of that window, and from the windows to the
 * period the timeline records. Pure: the times come in as arguments.
 */
import type { InboundAudio } from '../../preload/contract/phone';
import type { CallQuality, CallQualityPeriod, QualityRating } from '../../preload/contract/quality';
import { estimateMos, oneWayDelayMs, ratingOf } from './eModel';

/** How often the toolbar's quality is recomputed (the media host reports every 250 ms). */
export const QUALITY_WINDOW_MS = 4000;

export interface QualitySample {
  at: number;
  report: InboundAudio;
}

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;
const pct = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.max(0, (100 * part) / whole)) : 0);

/**
 * The window between two samples, or null when it says nothing: too short,
 * no packets arrived (then "no audio from the PBX" speaks instead), or the
 * counters went backwards (a new peer).
 */
export function qualityOfWindow(from: QualitySample, to: QualitySample): CallQuality | null {
  const windowMs = Math.round(to.at - from.at);
  if (!(windowMs > 0)) return null;
  const received = to.report.packetsReceived - from.report.packetsReceived;
  if (received <= 0) return null;
  // packetsLost may go down (duplicates are counted against it); a window never loses fewer than none.
  const lost = Math.max(0, (to.report.packetsLost ?? 0) - (from.report.packetsLost ?? 0));
  const lossPercent = pct(lost, lost + received);
  const samples = (to.report.totalSamplesReceived ?? 0) - (from.report.totalSamplesReceived ?? 0);
  const concealed = (to.report.concealedSamples ?? 0) - (from.report.concealedSamples ?? 0);
  const concealedPercent = samples > 0 && concealed > 0 ? pct(concealed, samples) : 0;
  const jitterMs = (to.report.jitterSeconds ?? 0) * 1000;
  const rttMs = to.report.roundTripTimeSeconds === undefined ? undefined : to.report.roundTripTimeSeconds * 1000;
  // Late packets the jitter buffer dropped are lost to the listener too: the larger of the two counts.
  const mos = estimateMos({ oneWayDelayMs: oneWayDelayMs(rttMs, jitterMs), lossPercent: Math.max(lossPercent, concealedPercent) });
  return {
    mos: round(mos, 2),
    rating: ratingOf(mos),
    jitterMs: round(jitterMs, 1),
    lossPercent: round(lossPercent, 2),
    ...(rttMs === undefined ? {} : { rttMs: round(rttMs, 1) }),
    concealedPercent: round(concealedPercent, 2),
    windowMs,
  };
}

const worse = (a: QualityRating, b: QualityRating): QualityRating => (a === 'poor' || b === 'poor' ? 'poor' : a === 'fair' || b === 'fair' ? 'fair' : 'good');

/** Adds one window to the period (the leg so far). */
export function addToPeriod(period: CallQualityPeriod | undefined, q: CallQuality): CallQualityPeriod {
  if (!period) {
    return {
      windows: 1,
      mosAverage: q.mos,
      mosLowest: q.mos,
      worstRating: q.rating,
      lossPercentHighest: q.lossPercent,
      jitterMsHighest: q.jitterMs,
      ...(q.rttMs === undefined ? {} : { rttMsHighest: q.rttMs }),
    };
  }
  const windows = period.windows + 1;
  const rtt = Math.max(period.rttMsHighest ?? -1, q.rttMs ?? -1);
  return {
    windows,
    mosAverage: round(period.mosAverage + (q.mos - period.mosAverage) / windows, 2),
    mosLowest: Math.min(period.mosLowest, q.mos),
    worstRating: worse(period.worstRating, q.rating),
    lossPercentHighest: Math.max(period.lossPercentHighest, q.lossPercent),
    jitterMsHighest: Math.max(period.jitterMsHighest, q.jitterMs),
    ...(rtt >= 0 ? { rttMsHighest: rtt } : {}),
  };
}

/** The numbers in words, for the tooltip and the timeline. */
export function describeQuality(q: Pick<CallQuality, 'jitterMs' | 'lossPercent' | 'rttMs'>): string {
  const rtt = q.rttMs === undefined ? 'round trip not measured' : `round trip ${Math.round(q.rttMs)} ms`;
  return `${q.lossPercent.toFixed(1)} % packets lost, jitter ${Math.round(q.jitterMs)} ms, ${rtt}`;
}

/** The timeline entry for a leg's period. */
export function describeQualityPeriod(p: CallQualityPeriod, supervisorName: string): string {
  const rtt = p.rttMsHighest === undefined ? '' : `, round trip up to ${Math.round(p.rttMsHighest)} ms`;
  return (
    `Call quality while ${supervisorName} listened: ${p.worstRating === 'good' ? 'good' : p.worstRating === 'fair' ? 'fair at times' : 'poor at times'} ` +
    `(MOS ${p.mosAverage.toFixed(1)} average, ${p.mosLowest.toFixed(1)} lowest over ${p.windows} measurement${p.windows === 1 ? '' : 's'}; ` +
    `up to ${p.lossPercentHighest.toFixed(1)} % packets lost, jitter up to ${Math.round(p.jitterMsHighest)} ms${rtt}).`
  );
}
