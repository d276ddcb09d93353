import { z } from 'zod';
import { id, supervisionModeSchema, supervisionPeriodSchema, timelineEventSchema } from './domain';
import { command, event } from './define';
import { interactionViewSchema, voiceSessionSchema } from './views';

export const interactionDetailsSchema = z.object({
  interaction: interactionViewSchema,
  timeline: z.array(timelineEventSchema),
  periods: z.array(supervisionPeriodSchema),
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
