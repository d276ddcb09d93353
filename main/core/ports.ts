import type {
  Agent,
  AgentView,
  Interaction,
  InteractionView,
  Queue,
  Supervisor,
  SupervisionMode,
} from '../../preload/contract';
import type { PbxMixing } from '../supervision';

/** What the rules need to know besides the object being judged. */
export interface ViewContext {
  now: number;
  supervisor: Supervisor;
  interactions: ReadonlyMap<string, Interaction>;
  agents: ReadonlyMap<string, Agent>;
  queues: ReadonlyMap<string, Queue>;
  /** This supervisor's current voice monitor, if any (one at a time, rule 7). */
  voice?: { interactionId: string; participantId: string; mode: SupervisionMode };
}

/** The supervision rules as the core consumes them (implemented in main/supervision). */
export interface RulesPort {
  agentView(agent: Agent, ctx: ViewContext): AgentView;
  interactionView(interaction: Interaction, ctx: ViewContext): InteractionView;
  /** After this time the view made at ctx.now no longer holds by the clock alone (an SLA deadline passes); undefined: only a change to the interaction changes it. */
  interactionViewExpiresAfter(interaction: Interaction, ctx: ViewContext): number | undefined;
  audibility(
    interaction: Interaction,
    participantId: string,
    mode: SupervisionMode,
    /** How the phone's PBX mixes the leg (VoicePhone.pbxMixing); 'as-rules' when there is no phone. */
    mixing?: PbxMixing,
  ): { hearing: string[]; heardBy: string[]; micLive: boolean; mutedOnHold?: string[] };
}
