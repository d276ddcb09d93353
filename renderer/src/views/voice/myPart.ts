import type { InteractionView, SupervisionMode } from '../../../../preload/contract';
import { participatingAs } from '../digital/format';
import { channelLabel, customerName, modeDoing } from './format';

/** How "My interactions" words the supervisor's own part in one interaction and its stop button. */
export interface MyPart {
  /** "monitoring", "coaching", "barging into", "participating". */
  doing: string;
  stopLabel: string;
  stopTitle: string;
}

/**
 * The part comes from the interaction itself (main's participants), so a chat
 * the supervisor joined reads "participating" — not "monitoring" — and its
 * button leaves the chat. `sessionMode` is the live voice session's mode, the
 * freshest word on a call.
 */
export function myPartIn(ix: InteractionView, sessionMode: SupervisionMode | undefined, supervisorId: string | undefined): MyPart {
  const who = `${channelLabel[ix.channel]} with ${customerName(ix)}`;
  if (ix.channel === 'voice') {
    const mine = ix.participants.find((p) => p.state !== 'disconnected' && supervisorId !== undefined && p.supervising?.supervisorId === supervisorId);
    const mode = sessionMode ?? mine?.supervising?.mode ?? 'monitor';
    return { doing: modeDoing[mode], stopLabel: `Stop monitoring ${who}`, stopTitle: 'Stop: end your monitoring leg (the call goes on)' };
  }
  if (participatingAs(ix, supervisorId)) {
    return { doing: 'participating', stopLabel: `Leave ${who}`, stopTitle: 'Leave this conversation (the agent and the customer go on)' };
  }
  return { doing: 'monitoring', stopLabel: `Stop monitoring ${who}`, stopTitle: 'Stop monitoring this conversation' };
}
