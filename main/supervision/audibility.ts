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
 *
 * That table is what a platform that mixes the supervisor's audio itself
 * plays (the demo PBX, auto-answer platforms): `PbxMixing` 'as-rules'. A
 * dial-plan spy (Asterisk ChanSpy, FreeSWITCH eavesdrop) cannot: it taps the
 * agent's channel, so the supervisor hears whatever that channel carries,
 * whichever participant was picked ('spied-channel', measured on a real
 * Asterisk in docs/asterisk/proof-2026-12-01.md):
 *
 *   active  -> the agent and everyone bridged with them (both);
 *   consult -> the agent and the specialist (the held customer is in another bridge);
 *   hold    -> the held customer still reaches the agent's channel (the holding
 *              phone sends nothing). Seed 001 says "hold: hear only the picked
 *              one", and with a channel spy the picked one is the agent's
 *              channel, so Spyglass enforces it itself: the leg's playback is
 *              muted while the call is on hold (`mutedOnHold`), and the
 *              supervisor hears nobody;
 *   transfer -> the agent and whoever is with them, until the agent leaves
 *               (ChanSpy's E option then ends the leg).
 */

export type CallScenario = 'active' | 'hold' | 'consult' | 'transfer';
export type PickedSide = 'internal' | 'external';
/** How the PBX mixes what the supervisor's leg carries (from the phone's profile). */
export type PbxMixing = 'as-rules' | 'spied-channel';

export interface Audibility {
  /** Display names the supervisor hears right now. */
  hearing: string[];
  /** Display names who hear the supervisor right now. */
  heardBy: string[];
  /** Anyone can hear the supervisor: drives the hot-mic indicator. */
  micLive: boolean;
  /**
   * Held parties the PBX still sends on the supervisor's leg, whom Spyglass
   * keeps them from hearing by muting the leg's playback (rule 2, privacy).
   * Empty when nothing is muted; the phone mutes exactly while it is not.
   */
  mutedOnHold: string[];
}

/** The table itself, in words, for the details view and for tests. */
export const audibilityTable: Record<PickedSide, Record<Exclude<CallScenario, 'consult'>, string>> = {
  internal: { active: 'Both', hold: 'Agent (internal)', transfer: 'Agent (internal)' },
  external: { active: 'Both', hold: 'Customer (external)', transfer: 'Customer (external) and the new agent' },
};

/** The same, for a channel spy: the picked participant does not change what the leg carries. */
export const spiedChannelTable: Record<CallScenario, string> = {
  active: 'Both',
  hold: 'Nobody: the PBX still sends the held customer, Spyglass mutes the leg for privacy',
  consult: 'The agent and the specialist',
  transfer: 'The agent and whoever is with them, until the agent leaves (the leg then ends)',
};

/**
 * Which column of the table the call is in. A consult puts the customer on
 * hold while the agent talks to the specialist, so with 'as-rules' it counts
 * as hold; a channel spy hears the consult itself, so there it is 'consult'.
 */
export function callScenario(interaction: Interaction, mixing: PbxMixing = 'as-rules'): CallScenario {
  if (interaction.state === 'transferring') return 'transfer';
  if (mixing === 'spied-channel' && isConsulting(interaction)) return 'consult';
  if (interaction.state === 'held') return 'hold';
  if (presentParties(interaction).some((p) => p.state === 'held')) return 'hold';
  return 'active';
}

function isConsulting(interaction: Interaction): boolean {
  return interaction.state === 'consult' || presentParties(interaction).some((p) => p.inConsult && p.state === 'connected');
}

/**
 * The participant whose channel a dial-plan spy taps: the call's agent (the
 * station monitoring dials), whichever participant the supervisor picked.
 */
export function spiedAgent(interaction: Interaction): Participant | undefined {
  return interaction.participants.find((p) => p.role === 'agent' && isPresent(p) && p.agentId !== undefined);
}

export function audibility(
  interaction: Interaction,
  pickedParticipantId: string,
  mode: SupervisionMode,
  mixing: PbxMixing = 'as-rules',
): Audibility {
  const picked = findParticipant(interaction, pickedParticipantId);
  const leg = heardOnLeg(interaction, pickedParticipantId, mixing);
  const heardBy = namesHearingSupervisor(interaction, picked, mode);
  // A whisper goes to the spied channel, whoever was picked: name its agent too (over-report, never under-report).
  const whisperedTo = mixing === 'spied-channel' && mode === 'coach' ? spiedAgent(interaction) : undefined;
  return {
    hearing: names(leg.heard),
    heardBy: whisperedTo && !heardBy.includes(whisperedTo.name) ? [whisperedTo.name, ...heardBy] : heardBy,
    micLive: mode !== 'monitor',
    mutedOnHold: names(leg.mutedOnHold),
  };
}

export interface HeardOnLeg {
  /** Who the supervisor hears (after Spyglass' own muting). */
  heard: Participant[];
  /** Held parties the PBX sends on the leg that Spyglass mutes. */
  mutedOnHold: Participant[];
}

/** What the supervisor's leg carries and what Spyglass lets through, for the PBX's mixing. */
export function heardOnLeg(interaction: Interaction, pickedParticipantId: string, mixing: PbxMixing): HeardOnLeg {
  if (findParticipant(interaction, pickedParticipantId) === undefined) return { heard: [], mutedOnHold: [] };
  if (mixing === 'spied-channel') return spiedChannelHears(interaction);
  return { heard: heardParticipants(interaction, pickedParticipantId), mutedOnHold: [] };
}

/**
 * A channel spy hears the agent's channel: the agent and whoever is bridged
 * with them. If nobody but held parties is left with the agent, the call is on
 * hold and those held parties still reach the channel: they are muted.
 */
function spiedChannelHears(interaction: Interaction): HeardOnLeg {
  const spied = spiedAgent(interaction);
  if (spied === undefined || spied.state === 'alerting') return { heard: [], mutedOnHold: [] };
  const answered = presentParties(interaction).filter((p) => p.state !== 'alerting');
  const callHeld = interaction.state === 'held';
  const isHeld = (p: Participant) => p !== spied && (callHeld || p.state === 'held');
  if (answered.some((p) => p !== spied && !isHeld(p))) return { heard: answered.filter((p) => !isHeld(p)), mutedOnHold: [] };
  const held = answered.filter(isHeld);
  return held.length > 0 ? { heard: [], mutedOnHold: held } : { heard: [spied], mutedOnHold: [] };
}

/**
 * The participants the supervisor hears right now on a platform that mixes by
 * the table above ('as-rules'). The demo PBX plays exactly these voices.
 */
export function heardParticipants(interaction: Interaction, pickedParticipantId: string): Participant[] {
  const picked = findParticipant(interaction, pickedParticipantId);
  if (picked === undefined) return [];
  const pickedIfPresent = isPresent(picked) ? [picked] : [];
  switch (callScenario(interaction)) {
    case 'active':
      return presentParties(interaction);
    case 'hold':
    case 'consult':
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
  consult: 'If the agent consults a colleague',
  transfer: 'If the agent transfers the call',
};

/**
 * What the supervisor would hear in each situation if they monitor this
 * participant, shown before and during monitoring (rule 2). Uses the names
 * on the call today; the agent a transfer will bring in is not known yet.
 */
export function audibilityPreview(
  interaction: Interaction,
  pickedParticipantId: string,
  mixing: PbxMixing = 'as-rules',
): AudibilityPreviewRow[] {
  const picked = findParticipant(interaction, pickedParticipantId);
  if (picked === undefined) return [];
  if (mixing === 'spied-channel') return spiedChannelPreview(interaction, picked);
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

/** The preview on a channel spy: what the agent's channel carries, and the hold mute. */
function spiedChannelPreview(interaction: Interaction, picked: Participant): AudibilityPreviewRow[] {
  const agent = spiedAgent(interaction)?.name ?? 'the agent';
  const everyone = names(presentParties(interaction));
  const row = (scenario: CallScenario, hearing: string[], tail: string): AudibilityPreviewRow => ({
    scenario,
    situation: situations[scenario],
    hearing,
    sentence: `${situations[scenario]} you will hear: ${joinNames(hearing)}${tail}`,
  });
  return [
    row('active', everyone.length > 0 ? everyone : [picked.name], ''),
    row('hold', [], ' (the PBX still sends the held customer; Spyglass mutes it for privacy)'),
    row('consult', [agent, 'the specialist'], ''),
    row('transfer', [agent, 'whoever they are talking to'], ' until the agent leaves the call; your monitoring then ends'),
  ];
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
