import type { VoiceSession } from '../../../../preload/contract';
import { formatElapsed, modeDoing } from './format';

/** What the monitoring toolbar shows once the monitor ended under the supervisor (issue 12 item 4). */
export interface EndedToolbarModel {
  /** "Monitoring Alex Kim ended" */
  title: string;
  /** How long the period lasted, on the core's clock ("1:05"). */
  duration: string;
  /** What happened ("Call ended by the customer"). */
  what: string;
}

/**
 * The wrap-up of an ended session, from main's session (its end time and
 * note) and the name of the participant it was on (kept by the toolbar, since
 * the ended call leaves the live list); undefined for a live one, or one the
 * supervisor ended with the handset (no end note: the toolbar simply goes).
 */
export function endedToolbarModel(session: VoiceSession | undefined, targetName: string | undefined): EndedToolbarModel | undefined {
  if (!session || session.state !== 'ended' || session.endedAt === undefined || !session.endNote) return undefined;
  const target = targetName ?? 'the call';
  const doing = modeDoing[session.mode];
  return {
    title: `${doing.charAt(0).toUpperCase()}${doing.slice(1)} ${target} ended`,
    duration: formatElapsed(session.endedAt - session.startedAt),
    what: session.endNote,
  };
}
