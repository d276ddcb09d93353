import type { Agent, SupervisionMode } from '../../preload/contract';
import type { Lookup } from './lookup';

/** The supervisor's current voice leg, as far as the rules need to know it. */
export interface VoiceSessionRef {
  interactionId: string;
  participantId: string;
  mode: SupervisionMode;
}

/**
 * What the rules need from the core besides the supervisor and the
 * interaction. Nothing here is read from a clock: the core passes `now`.
 */
export interface SupervisionContext {
  /** Milliseconds since epoch, from the core's clock. */
  now: number;
  /**
   * The supervisor's voice leg if one is connecting or active (one voice
   * monitor at a time, rule 7). Leave undefined once it has ended or failed.
   */
  voiceSession?: VoiceSessionRef;
  /**
   * Agents by id. Used to recognise the supervisor's own call by extension
   * (rule 6) when the supervisor also works as an agent under another id.
   */
  agentsById?: Lookup<Agent>;
  /**
   * When this supervisor last viewed each interaction (rule 14). When given,
   * views carry `unseenActivity`; the core remembers the times.
   */
  lastViewedAt?: Lookup<number>;
}
