import type { Interaction, Participant, SupervisionMode } from '../../preload/contract';
import {
  findParticipant,
  isInternal,
  isParty,
  isPresent,
  presentAgents,
  presentParties,
  sortByJoin,
} from './participants';

/**
 * Who the supervisor hears and who hears the supervisor (rules 2, 3, 5;
 * the table in seed 001):
 *
 *                               Active call | Hold          | Transfer
 *   Monitor internal participant   Both     | Agent         | Agent
 *   Monitor external participant   Both     | Customer      | Customer and new agent
 *
 * Who hears the supervisor: monitor nobody, coach only the agent, barge the
 * agent and the customer. The microphone is live in coach and barge.
 */

export type CallScenario = 'active' | 'hold' | 'transfer';
export type PickedSide = 'internal' | 'external';

export interface Audibility {
  /** Display names the supervisor hears right now. */
  hearing: string[];
  /** Display names who hear the supervisor right now. */
  heardBy: string[];
  /** Anyone can hear the supervisor: drives the hot-mic indicator. */
  micLive: boolean;
}

/** The table itself, in words, for the details view and for tests. */
export const audibilityTable: Record<PickedSide, Record<CallScenario, string>> = {
  internal: { active: 'Both', hold: 'Agent (internal)', transfer: 'Agent (internal)' },
  external: { active: 'Both', hold: 'Customer (external)', transfer: 'Customer (external) and the new agent' },
};

/**
 * Which column of the table the call is in. A consult puts the customer on
 * hold while the agent talks to the specialist, so it counts as hold.
 */
export function callScenario(interaction: Interaction): CallScenario {
  if (interaction.state === 'transferring') return 'transfer';
  if (interaction.state === 'held') return 'hold';
  if (presentParties(interaction).some((p) => p.state === 'held')) return 'hold';
  return 'active';
}

export function audibility(interaction: Interaction, pickedParticipantId: string, mode: SupervisionMode): Audibility {
  const picked = findParticipant(interaction, pickedParticipantId);
  return {
    hearing: names(heardParticipants(interaction, pickedParticipantId)),
    heardBy: namesHearingSupervisor(interaction, picked, mode),
    micLive: mode !== 'monitor',
  };
}

/**
 * The participants the supervisor hears right now (the table above). The
 * demo PBX plays exactly these voices; `audibility().hearing` is their names.
 */
export function heardParticipants(interaction: Interaction, pickedParticipantId: string): Participant[] {
  const picked = findParticipant(interaction, pickedParticipantId);
  if (picked === undefined) return [];
  const pickedIfPresent = isPresent(picked) ? [picked] : [];
  switch (callScenario(interaction)) {
    case 'active':
      return presentParties(interaction);
    case 'hold':
      return pickedIfPresent;
    case 'transfer':
      return isInternal(picked) ? pickedIfPresent : [...pickedIfPresent, ...newAgentsInTransfer(interaction)];
  }
}

function namesHearingSupervisor(
  interaction: Interaction,
  picked: Participant | undefined,
  mode: SupervisionMode,
): string[] {
  switch (mode) {
    case 'monitor':
      return [];
    case 'coach': {
      // Coaching is only offered on internal participants; if the leg is on
      // someone else, the whisper still goes to the call's agent.
      if (picked !== undefined && isInternal(picked) && isParty(picked) && isPresent(picked)) return [picked.name];
      const agent = presentAgents(interaction)[0];
      return agent === undefined ? [] : [agent.name];
    }
    case 'barge':
      // Everyone on the call: over-reporting who can hear a live microphone
      // is safe, under-reporting is not.
      return names(presentParties(interaction));
  }
}

/**
 * The agents a transfer brings in: everyone on the agent side except the
 * agent who started it. That agent is the earliest one still answered
 * (connected or held); an agent still ringing is always new. If an agent who
 * joined before them has already left (a blind transfer leaves at once),
 * the one who started it is gone and every remaining agent is new. Platforms
 * that drop the leaving agent's row entirely are covered by "ringing is new".
 */
export function newAgentsInTransfer(interaction: Interaction): Participant[] {
  const internals = sortByJoin(interaction.participants.filter((p) => isParty(p) && isInternal(p)));
  const present = internals.filter(isPresent);
  const answered = present.find((p) => p.state !== 'alerting');
  const starterLeft =
    answered !== undefined && internals.some((p) => !isPresent(p) && p.joinedAt <= answered.joinedAt);
  const starter = starterLeft ? undefined : answered;
  return present.filter((p) => p !== starter);
}

function names(participants: readonly Participant[]): string[] {
  return participants.map((p) => p.name);
}

export interface AudibilityPreviewRow {
  scenario: CallScenario;
  /** "While the call is active", "If the agent puts the call on hold", ... */
  situation: string;
  /** Names (or "the new agent") the supervisor would hear. */
  hearing: string[];
  /** One sentence for the details view. */
  sentence: string;
}

const situations: Record<CallScenario, string> = {
  active: 'While the call is active',
  hold: 'If the agent puts the call on hold',
  transfer: 'If the agent transfers the call',
};

/**
 * What the supervisor would hear in each situation if they monitor this
 * participant, shown before and during monitoring (rule 2). Uses the names
 * on the call today; the agent a transfer will bring in is not known yet.
 */
export function audibilityPreview(interaction: Interaction, pickedParticipantId: string): AudibilityPreviewRow[] {
  const picked = findParticipant(interaction, pickedParticipantId);
  if (picked === undefined) return [];
  const side: PickedSide = isInternal(picked) ? 'internal' : 'external';
  const everyone = names(presentParties(interaction));
  const rows: Array<[CallScenario, string[]]> = [
    ['active', everyone.length > 0 ? everyone : [picked.name]],
    ['hold', [picked.name]],
    ['transfer', side === 'internal' ? [picked.name] : [picked.name, 'the new agent']],
  ];
  return rows.map(([scenario, hearing]) => ({
    scenario,
    situation: situations[scenario],
    hearing,
    sentence: `${situations[scenario]} you will hear: ${joinNames(hearing)}`,
  }));
}

/** Who would hear the supervisor in each mode, for the same preview. */
export function heardByPreview(mode: SupervisionMode): string {
  switch (mode) {
    case 'monitor':
      return 'Nobody hears you';
    case 'coach':
      return 'Only the agent hears you';
    case 'barge':
      return 'The agent and the customer hear you';
  }
}

export function joinNames(list: readonly string[]): string {
  if (list.length === 0) return 'nobody';
  if (list.length === 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1] ?? ''}`;
}
