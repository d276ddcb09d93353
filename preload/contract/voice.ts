import { z } from 'zod';
import { id, supervisionModeSchema, supervisionPeriodSchema, timelineEventSchema } from './domain';
import { command, event } from './define';
import { interactionViewSchema, voiceSessionSchema } from './views';

/** One row of the hold/transfer preview (seed 001's table, in the rules' words). */
/** 'consult' only on a channel spy (asterisk-chanspy, freeswitch-eavesdrop), which hears the consult itself. */
export const callScenarioSchema = z.enum(['active', 'hold', 'consult', 'transfer']);

export const audibilityPreviewRowSchema = z.object({
  scenario: callScenarioSchema,
  /** "While the call is active", "If the agent puts the call on hold", ... */
  situation: z.string(),
  /** Names (or "the new agent") the supervisor would hear. */
  hearing: z.array(z.string()),
  /** One sentence for the details view. */
  sentence: z.string(),
});
export type AudibilityPreviewRow = z.infer<typeof audibilityPreviewRowSchema>;

export const interactionDetailsSchema = z.object({
  interaction: interactionViewSchema,
  timeline: z.array(timelineEventSchema),
  periods: z.array(supervisionPeriodSchema),
  /** Voice: per participant id that may be picked, what the supervisor would hear (rule 2). */
  audibilityPreview: z.record(z.string(), z.array(audibilityPreviewRowSchema)).optional(),
  /** Voice: which row of the preview the call is in right now (a consult counts as hold). */
  currentScenario: callScenarioSchema.optional(),
  /** Voice: who would hear the supervisor in each mode. */
  heardByPreview: z.record(supervisionModeSchema, z.string()).optional(),
});
export type InteractionDetails = z.infer<typeof interactionDetailsSchema>;

export const voiceCommands = {
  'interaction:details': command(z.object({ interactionId: id }).strict(), interactionDetailsSchema),
  'voice:start': command(
    z.object({ interactionId: id, participantId: id, mode: supervisionModeSchema }).strict(),
    voiceSessionSchema,
  ),
  'voice:setMode': command(z.object({ mode: supervisionModeSchema }).strict(), voiceSessionSchema),
  /** The toolbar mic: muted = silent monitor (or coach), unmuted = barge (seed 002). */
  'voice:toggleMic': command(z.object({}).strict(), voiceSessionSchema),
  /** The handset: ends the supervisor's own leg only. */
  'voice:end': command(z.object({}).strict(), z.object({})),
};

export const voiceEvents = {
  'voice:session': event(voiceSessionSchema.nullable()),
};
