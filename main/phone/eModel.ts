/**
 * The E-model (ITU-T G.107), simplified the usual way for VoIP monitoring
 * (Cole & Rosenbluth, "Voice over IP performance monitoring", 2001): only the
 * delay impairment Id and the effective equipment impairment Ie-eff vary; the
 * rest keep G.107's defaults, so R = 93.2 − Id − Ie-eff. Pure: numbers in,
 * numbers out, no clock.
 */
import type { QualityRating } from '../../preload/contract/quality';

/** G.107 default R with no delay and no loss (Ro − Is with every default). */
export const R_DEFAULT = 93.2;

/**
 * The codec's equipment impairment Ie and packet-loss robustness Bpl (G.113
 * Appendix I). G.711 with packet-loss concealment is the conservative choice
 * for what a PBX sends a supervisor (Opus is more robust, so this never flatters).
 */
export interface CodecImpairment {
  ie: number;
  bpl: number;
  /** Packetisation + look-ahead + decoder delay, ms. */
  codecDelayMs: number;
}
export const G711_PLC: CodecImpairment = { ie: 0, bpl: 25.1, codecDelayMs: 20 };

export interface EModelInput {
  /** Mouth-to-ear one-way delay, ms (see oneWayDelayMs). */
  oneWayDelayMs: number;
  /** Packet loss, % (0 … 100). */
  lossPercent: number;
  /** BurstR: 1 = random loss; > 1 = bursty (worse). */
  burstRatio?: number;
  codec?: CodecImpairment;
}

const clamp = (v: number, lo: number, hi: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : hi);

/**
 * One-way delay from what getStats gives: half the round trip, the jitter
 * buffer (about twice the jitter) and the codec's own delay.
 */
export function oneWayDelayMs(rttMs: number | undefined, jitterMs: number, codec: CodecImpairment = G711_PLC): number {
  return Math.max(0, rttMs ?? 0) / 2 + 2 * Math.max(0, jitterMs) + codec.codecDelayMs;
}

/** Delay impairment Id: 0.024·d, plus 0.11·(d − 177.3) beyond 177.3 ms. */
export function delayImpairment(oneWayMs: number): number {
  const d = clamp(oneWayMs, 0, 1e6);
  return 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
}

/** Ie-eff = Ie + (95 − Ie) · Ppl / (Ppl / BurstR + Bpl). */
export function lossImpairment(lossPercent: number, codec: CodecImpairment = G711_PLC, burstRatio = 1): number {
  const ppl = clamp(lossPercent, 0, 100);
  const burst = clamp(burstRatio, 1, 1e6);
  // Written as (95 − Ie) / (1/BurstR + Bpl/Ppl): every step is monotone in floating point too, so more loss never scores better.
  return codec.ie + (95 - codec.ie) / (1 / burst + codec.bpl / ppl);
}

export function rFactor(input: EModelInput): number {
  const codec = input.codec ?? G711_PLC;
  return R_DEFAULT - delayImpairment(input.oneWayDelayMs) - lossImpairment(input.lossPercent, codec, input.burstRatio ?? 1);
}

/**
 * G.107 Annex B: MOS = 1 + 0.035·R + 7·10⁻⁶·R·(R − 60)·(100 − R), held to
 * [1, 4.5] (the polynomial dips just under 1 for R below about 6.5).
 */
export function mosFromR(r: number): number {
  if (!(r > 0)) return 1;
  if (r >= 100) return 4.5;
  // Rounded far below what is shown, so floating-point noise in the cubic cannot make a worse R score higher.
  return clamp(Math.round((1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r)) * 1e9) / 1e9, 1, 4.5);
}

/**
 * The words the toolbar shows. 4.0 and up is "users satisfied" (G.107 R ≥ 80);
 * 3.6 … 4.0 "some users dissatisfied" (R 70 … 80); below, many are.
 */
export const MOS_GOOD = 4.0;
export const MOS_FAIR = 3.6;
export function ratingOf(mos: number): QualityRating {
  return mos >= MOS_GOOD ? 'good' : mos >= MOS_FAIR ? 'fair' : 'poor';
}

export function estimateMos(input: EModelInput): number {
  return mosFromR(rFactor(input));
}
