import type { CallQuality, QualityRating } from '../../../../preload/contract/quality';

/** What the toolbar's quality indicator says: words, the numbers for the tooltip, a warning when poor. Pure. */
export interface QualityView {
  rating: QualityRating;
  /** Always-visible text (never colour alone). */
  label: string;
  /** The numbers behind it (hover or keyboard focus). */
  details: string;
  /** Only when poor: what the supervisor may notice and what to do. */
  warning?: string;
}

const words: Record<QualityRating, string> = { good: 'Good', fair: 'Fair', poor: 'Poor' };

const ms = (v: number) => `${Math.round(v)} ms`;
const percent = (v: number) => `${v.toFixed(1)} %`;

export function qualityView(q: CallQuality | undefined): QualityView | undefined {
  if (!q) return undefined;
  const rtt = q.rttMs === undefined ? 'round trip not measured' : `round trip ${ms(q.rttMs)}`;
  const details =
    `MOS ${q.mos.toFixed(1)} of 4.5 (E-model estimate) · ${percent(q.lossPercent)} packets lost · jitter ${ms(q.jitterMs)} · ${rtt} · ` +
    `${percent(q.concealedPercent)} of the audio concealed · over the last ${Math.round(q.windowMs / 1000)} s`;
  const view: QualityView = { rating: q.rating, label: `Call quality: ${words[q.rating]} (MOS ${q.mos.toFixed(1)})`, details };
  if (q.rating === 'poor') {
    const cause =
      Math.max(q.lossPercent, q.concealedPercent) >= 2 ? `${percent(Math.max(q.lossPercent, q.concealedPercent))} of the audio is lost` : `the delay is high (jitter ${ms(q.jitterMs)}, ${rtt})`;
    view.warning = `Call quality is poor: ${cause}, so you may miss words. Check your network connection; if it keeps happening, tell IT.`;
  }
  return view;
}
