import type { TimelineEvent, VoiceSession } from '../../preload/contract';

/**
 * The wrap-up of a voice monitor that ended under the supervisor (issue 12
 * item 4): the toolbar stays, marked ended, with how long the period lasted and
 * what happened, until the supervisor closes it or starts another monitor.
 * Pure: the time and the words are arguments.
 */
export function endedVoiceSession(v: VoiceSession, endedAt: number, endNote: string): VoiceSession {
  return { ...v, state: 'ended', micLive: false, hearing: [], heardBy: [], endedAt, endNote: endNote.slice(0, 500) };
}

/** What ended the call, as the connector wrote it on the timeline ("Call ended by the customer"); a plain fact otherwise. */
export function callEndNote(timeline: readonly TimelineEvent[]): string {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i]!;
    if (e.kind === 'ended' && e.text.trim()) return e.text.trim();
  }
  return 'The call ended.';
}
