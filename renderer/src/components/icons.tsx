/**
 * Every icon in Spyglass, from one library (lucide-react: SVG, drawn with the
 * text colour, no emoji font needed — ⏱ and 🔒 render as empty boxes on a Linux
 * seat without one). Icons are decorative: each control or marker that shows
 * one also carries a text label or an aria-label and a tooltip.
 */
import {
  ArrowDown,
  ArrowLeft,
  ArrowUp,
  Binoculars,
  ChevronDown,
  ChevronRight,
  Circle,
  Flag,
  Keyboard,
  Lock,
  MessageSquare,
  Mic,
  MicOff,
  PhoneOff,
  Signal,
  SignalLow,
  SignalMedium,
  Square,
  Timer,
  TriangleAlert,
  X,
  type LucideIcon,
  type LucideProps,
} from 'lucide-react';
import { memo } from 'react';

type IconProps = Omit<LucideProps, 'ref'>;

function icon(Shape: LucideIcon, defaults: IconProps = {}) {
  function Icon(props: IconProps) {
    return <Shape size={18} strokeWidth={2} aria-hidden="true" focusable="false" {...defaults} {...props} className={`icon${props.className ? ` ${props.className}` : ''}`} />;
  }
  Icon.displayName = `${Shape.displayName ?? 'Lucide'}Icon`;
  // An icon's props rarely change: a row re-rendered for a new agent state skips rebuilding its SVG.
  return memo(Icon);
}

/** Supervising (monitor, coach, barge, participate): seeds 001/002's binocular icon. */
export const BinocularsIcon = icon(Binoculars);
export const CoachIcon = icon(MessageSquare);
/** The handset ends the supervisor's own leg (the call goes on). */
export const HandsetIcon = icon(PhoneOff);
export const StopIcon = icon(Square, { fill: 'currentColor', size: 14 });
export const DismissIcon = icon(X);
export const BackIcon = icon(ArrowLeft, { size: 16 });
export const MenuIcon = icon(ChevronDown, { size: 16 });
/** A table sorted by this column, ascending / descending (the header's aria-sort says it in words). */
export const SortAscendingIcon = icon(ArrowUp, { size: 14 });
export const SortDescendingIcon = icon(ArrowDown, { size: 14 });
export const ExpandIcon = icon(ChevronRight);
export const CollapseIcon = icon(ChevronDown);
export const AssistanceFlagIcon = icon(Flag, { size: 16 });
export const SlaMissedIcon = icon(Timer, { size: 16 });
/** New activity / needs attention: a small filled dot. */
export const DotIcon = icon(Circle, { size: 10, fill: 'currentColor', strokeWidth: 0 });
export const LockIcon = icon(Lock, { size: 14 });
export const KeyboardIcon = icon(Keyboard);
/** A metric outside its threshold (always next to words saying so). */
export const WarningIcon = icon(TriangleAlert, { size: 14 });

/** Call quality: full bars good, fewer fair, one poor (always next to the word). */
export function QualityIcon({ rating }: { rating: 'good' | 'fair' | 'poor' }) {
  return rating === 'good' ? <QualityGoodIcon /> : rating === 'fair' ? <QualityFairIcon /> : <QualityPoorIcon />;
}
const QualityGoodIcon = icon(Signal, { size: 16 });
const QualityFairIcon = icon(SignalMedium, { size: 16 });
const QualityPoorIcon = icon(SignalLow, { size: 16 });

export function MicIcon({ muted }: { muted: boolean }) {
  return muted ? <MicOffIcon /> : <MicOnIcon />;
}
const MicOnIcon = icon(Mic);
const MicOffIcon = icon(MicOff);
