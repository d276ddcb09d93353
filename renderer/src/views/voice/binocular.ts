import type { Availability, VoiceSession } from '../../../../preload/contract';

/** What a binocular (Agents, Queue activity) does: it opens an interaction's details, where Monitor is. */
export interface Binocular {
  availability: Availability;
  title: string;
}

/**
 * Monitoring does not block looking (issue 12 item 5). Without a live voice
 * session of mine the binocular is exactly main's Monitor action, refusal and
 * reason included. While I am on another call's leg, main refuses Monitor here
 * (one voice monitor at a time), yet the details may still be opened and
 * inspected: the binocular stays usable and its tooltip carries the refusal,
 * which the details repeat next to the refused buttons. With no interaction to
 * open there is nothing to look at, so main's refusal stands.
 */
/** The interaction my voice leg is on, while it is live (a primitive, so rows re-render only when it changes). */
export function liveSessionInteractionId(session: Pick<VoiceSession, 'interactionId' | 'state'> | undefined): string | undefined {
  return session && session.state !== 'ended' && session.state !== 'failed' ? session.interactionId : undefined;
}

export function binocularFor(
  monitor: Availability,
  interactionId: string | undefined,
  mySessionOn: string | undefined,
  openTitle: string,
): Binocular {
  if (monitor.allowed) return { availability: monitor, title: openTitle };
  const busyElsewhere = mySessionOn !== undefined && mySessionOn !== interactionId;
  if (!busyElsewhere || interactionId === undefined) return { availability: monitor, title: openTitle };
  return { availability: { allowed: true }, title: `Open the details to look — Monitor is refused: ${monitor.reason}` };
}
