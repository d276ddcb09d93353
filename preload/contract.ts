/**
 * THE contract between main and the renderer (DESIGN.md "One contract").
 * Every command (request/response) and every event, with its zod schema.
 * Main validates every payload against it; preload exposes only these
 * channels; the renderer imports the types. Nothing else crosses.
 *
 * Each area keeps its channels in preload/contract/<area>.ts; this file is
 * the one list of them all.
 */
import type { z } from 'zod';
import { agentCommands } from './contract/agents';
import { cacheCommands, cacheEvents } from './contract/cache';
import { coreCommands, coreEvents } from './contract/core';
import { diagnosticsCommands } from './contract/diagnostics';
import { metricsEvents } from './contract/metrics';
import { alertsCommands, alertsEvents } from './contract/alerts';
import { digitalCommands, digitalEvents } from './contract/digital';
import { phoneCommands, phoneEvents } from './contract/phone';
import { secretCommands } from './contract/secrets';
import { voiceCommands, voiceEvents } from './contract/voice';
import type { Result } from './contract/result';

export const commands = {
  ...coreCommands,
  ...voiceCommands,
  ...digitalCommands,
  ...cacheCommands,
  ...phoneCommands,
  ...secretCommands,
  ...diagnosticsCommands,
  ...alertsCommands,
  ...agentCommands,
};

export const events = {
  ...coreEvents,
  ...voiceEvents,
  ...digitalEvents,
  ...cacheEvents,
  ...phoneEvents,
  ...metricsEvents,
  ...alertsEvents,
};

export type Commands = typeof commands;
export type Events = typeof events;
export type CommandName = keyof Commands;
export type EventName = keyof Events;
export type CommandRequest<C extends CommandName> = z.input<Commands[C]['req']>;
export type CommandResponse<C extends CommandName> = z.output<Commands[C]['res']>;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export const commandNames = Object.keys(commands) as CommandName[];
export const eventNames = Object.keys(events) as EventName[];

export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

/** What `window.spyglass` (Electron) and the WebSocket bridge (web host) both provide. */
export interface SpyglassApi {
  invoke<C extends CommandName>(channel: C, payload: CommandRequest<C>): Promise<Result<CommandResponse<C>>>;
  on<E extends EventName>(channel: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export * from './contract/result';
export * from './contract/domain';
export * from './contract/views';
export type { ConfigView, Notice } from './contract/core';
export type { AudibilityPreviewRow, InteractionDetails } from './contract/voice';
export type { AuditAbout, AuditEntry } from './contract/digital';
export type { SecretName, SecretsStatus } from './contract/secrets';
export type { DiagnosticsInfo, RendererError } from './contract/diagnostics';
export type { MetricsSnapshot, MetricInterval, QueueMetrics, IntervalMetrics, ThresholdMetric } from './contract/metrics';
export type { Alert, AlertKind, AlertSubject, AlertsState } from './contract/alerts';
export type { AgentHistoryView, AgentStateSegment } from './contract/agents';
export type { CacheStatus, CachedDetail, CacheSearchResult, CachedNote } from './contract/cache';
