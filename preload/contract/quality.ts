// Call quality you can see (issue 17 item 4).
//
// The media host measures (getStats) and reports cumulative counters with
// the inbound-audio report; main turns a window of them into an MOS estimate
// (main/phone/eModel.ts, main/phone/qualityWindow.ts) and sends it with the
// monitor status. Bounded numbers only: nothing a peer sends can make these big.
import { z } from 'zod';

export const qualityRatings = ['good', 'fair', 'poor'] as const;
export type QualityRating = (typeof qualityRatings)[number];

/** One measured window (a few seconds) of the audio arriving on the monitor leg. */
export const callQualitySchema = z.object({
  /** Mean opinion score estimated by the E-model (ITU-T G.107, simplified), 1 … 4.5. */
  mos: z.number().min(1).max(4.5),
  rating: z.enum(qualityRatings),
  /** Interarrival jitter (RTP, RFC 3550) at the end of the window, ms. */
  jitterMs: z.number().nonnegative().max(1e7),
  /** Packets lost in the window, % of those sent. */
  lossPercent: z.number().min(0).max(100),
  /** Round-trip time (RTCP or ICE consent checks); absent when neither measured one. */
  rttMs: z.number().nonnegative().max(1e7).optional(),
  /** Audio the receiver had to make up (lost or late packets), % of the window's samples. */
  concealedPercent: z.number().min(0).max(100),
  /** How long the window was, ms. */
  windowMs: z.number().int().positive().max(3_600_000),
});
export type CallQuality = z.infer<typeof callQualitySchema>;

/** The whole leg so far: what the timeline records for the period. */
export const callQualityPeriodSchema = z.object({
  windows: z.number().int().positive().max(1e7),
  mosAverage: z.number().min(1).max(4.5),
  mosLowest: z.number().min(1).max(4.5),
  /** The worst window's rating (poor if any window was poor). */
  worstRating: z.enum(qualityRatings),
  lossPercentHighest: z.number().min(0).max(100),
  jitterMsHighest: z.number().nonnegative().max(1e7),
  rttMsHighest: z.number().nonnegative().max(1e7).optional(),
});
export type CallQualityPeriod = z.infer<typeof callQualityPeriodSchema>;
