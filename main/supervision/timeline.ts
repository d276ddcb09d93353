import type { SupervisionMode, SupervisionPeriod, TimelineEvent } from '../../preload/contract';
import { doingVerb } from './reasons';

/**
 * Rule 10: every monitor, coach and barge period goes on the interaction's
 * timeline with who and when. Ids and times are arguments.
 */

export interface SupervisionEventInput {
  eventId: string;
  interactionId: string;
  at: number;
  supervisor: { id: string; name: string };
  mode: SupervisionMode;
  /** The participant the supervisor monitors, coaches or barges into. */
  participantName: string;
}

export function supervisionStartedEvent(input: SupervisionEventInput): TimelineEvent {
  return event(input, 'supervision-start', `${input.supervisor.name} started ${doingVerb(input.mode)} ${input.participantName}`);
}

export function supervisionModeChangedEvent(input: SupervisionEventInput & { from: SupervisionMode }): TimelineEvent {
  const text =
    input.from === 'barge'
      ? `${input.supervisor.name} stopped barging and went back to ${doingVerb(input.mode)} ${input.participantName}`
      : `${input.supervisor.name} switched from ${doingVerb(input.from).replace(/ into$/, '')} to ${doingVerb(input.mode)} ${input.participantName}`;
  return event(input, 'supervision-mode', text);
}

export function supervisionEndedEvent(input: SupervisionEventInput): TimelineEvent {
  return event(input, 'supervision-end', `${input.supervisor.name} stopped ${doingVerb(input.mode).replace(/ into$/, '')}`);
}

function event(input: SupervisionEventInput, kind: TimelineEvent['kind'], text: string): TimelineEvent {
  return {
    id: input.eventId,
    interactionId: input.interactionId,
    at: input.at,
    kind,
    text,
    supervisorId: input.supervisor.id,
    supervisorName: input.supervisor.name,
    mode: input.mode,
  };
}

/**
 * The periods after a mode change: the open period of this supervisor on
 * this interaction is closed at `at` and a new one opens in `mode`. Pass
 * `mode: undefined` to only close (stop, call ended, disconnect).
 */
export function nextPeriods(
  periods: readonly SupervisionPeriod[],
  change: {
    interactionId: string;
    supervisor: { id: string; name: string };
    participantId: string;
    at: number;
    mode: SupervisionMode | undefined;
  },
): SupervisionPeriod[] {
  const closed = periods.map((p) =>
    p.interactionId === change.interactionId && p.supervisorId === change.supervisor.id && p.endedAt === undefined
      ? { ...p, endedAt: change.at }
      : p,
  );
  if (change.mode === undefined) return closed;
  return [
    ...closed,
    {
      interactionId: change.interactionId,
      supervisorId: change.supervisor.id,
      supervisorName: change.supervisor.name,
      mode: change.mode,
      participantId: change.participantId,
      startedAt: change.at,
    },
  ];
}

/** Every supervisor who took part, in order of first appearance (binocular in details). */
export function supervisorsWhoTookPart(periods: readonly SupervisionPeriod[]): Array<{ id: string; name: string }> {
  const seen = new Map<string, string>();
  for (const p of [...periods].sort((a, b) => a.startedAt - b.startedAt)) {
    if (!seen.has(p.supervisorId)) seen.set(p.supervisorId, p.supervisorName);
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}
