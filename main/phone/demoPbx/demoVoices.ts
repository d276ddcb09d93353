import type { Interaction, Participant } from '../../../preload/contract';
import { heardParticipants } from '../../supervision';

/**
 * Which of the demo's two recorded voices the demo PBX plays to the
 * supervisor. The demo has one agent voice and one customer voice; any
 * internal party (the agent, a specialist, the agent a transfer brings in)
 * speaks with the agent voice, any external party with the customer's.
 */
export interface DemoVoices {
  agent: boolean;
  customer: boolean;
}

export const BOTH_VOICES: DemoVoices = { agent: true, customer: true };

export function voicesOf(heard: readonly Participant[]): DemoVoices {
  return { agent: heard.some((p) => p.kind === 'internal'), customer: heard.some((p) => p.kind === 'external') };
}

/** Exactly what the audibility rules say the supervisor hears (main/supervision/audibility.ts). */
export function demoVoicesFor(interaction: Interaction, pickedParticipantId: string): DemoVoices {
  return voicesOf(heardParticipants(interaction, pickedParticipantId));
}

export const isDemoVoices = (v: unknown): v is DemoVoices =>
  typeof v === 'object' && v !== null && typeof (v as DemoVoices).agent === 'boolean' && typeof (v as DemoVoices).customer === 'boolean';
