import { z } from 'zod';
import { epochMs, id } from './domain';
import { command, event } from './define';

/**
 * Supervisor alerts (issue 12 item 2), raised in main (main/alerts) from
 * connector events and the queue metrics. One alert per condition until the
 * condition clears (no storm); the supervisor acknowledges them.
 */

export const alertKinds = ['longCall', 'longHold', 'longWait', 'slaBreach', 'agentStuck', 'assistance', 'lockReleased'] as const;
export const alertKindSchema = z.enum(alertKinds);
export type AlertKind = z.infer<typeof alertKindSchema>;

/** A kind's name wherever a person reads it (panel, settings, notification title). */
export const alertKindNames: Record<AlertKind, string> = {
  longCall: 'Long call',
  longHold: 'Long hold',
  longWait: 'Long wait in queue',
  slaBreach: 'Service level below target',
  agentStuck: 'Agent in a state too long',
  assistance: 'Assistance requested',
  lockReleased: 'Free to monitor',
};

/** What an alert is about: what "jump to" opens. */
export const alertSubjectSchema = z.object({
  interactionId: id.optional(),
  agentId: id.optional(),
  queueId: id.optional(),
});
export type AlertSubject = z.infer<typeof alertSubjectSchema>;

export const alertSchema = z.object({
  id,
  /** The condition's identity (kind + subject): one alert per key until it clears. */
  key: z.string().min(1).max(500),
  kind: alertKindSchema,
  subject: alertSubjectSchema,
  /** One line, e.g. "Long hold: Alex Kim's call with Jennifer Morales". */
  title: z.string().max(500),
  /** What is true and since when, in words. */
  text: z.string().max(2000),
  raisedAt: epochMs,
  /** The condition cleared (the alert stays in the list as recent). */
  clearedAt: epochMs.optional(),
  acknowledgedAt: epochMs.optional(),
});
export type Alert = z.infer<typeof alertSchema>;

/** Kept alerts, newest first; main keeps at most this many. */
export const MAX_ALERTS_KEPT = 200;

export const alertsStateSchema = z.object({
  alerts: z.array(alertSchema).max(MAX_ALERTS_KEPT),
  /** Alerts not yet acknowledged: the taskbar badge and the title count. */
  unacknowledged: z.number().int().nonnegative(),
  /** Conversations the supervisor asked to be told about when their monitor lock is released. */
  wantedLocks: z.array(id).max(1000),
  /** Desktop notifications on (setting `alerts.desktopNotifications`). */
  desktopNotifications: z.boolean(),
});
export type AlertsState = z.infer<typeof alertsStateSchema>;

const ids = z.array(id).min(1).max(MAX_ALERTS_KEPT);

export const raisedAlertsSchema = z.object({
  alerts: z.array(alertSchema).min(1).max(MAX_ALERTS_KEPT),
  /** How many were raised (more than `alerts` holds when a start or a reconnect finds many true at once). */
  count: z.number().int().positive(),
});
export type RaisedAlerts = z.infer<typeof raisedAlertsSchema>;

/** What one desktop notification says; `alertId` is the alert a click opens (none: the Alerts panel). */
export interface DesktopNote {
  title: string;
  body: string;
  alertId?: string;
}

/** Up to this many alerts raised together get a notification each; more get one summary. */
export const NOTES_PER_BATCH = 3;

/**
 * The desktop notifications for alerts raised together: one each when they are few, else one
 * summary (a start or a 5,000-agent floor can find hundreds true at once: no notification storm).
 * One rule for both hosts (Electron's main and the web page).
 */
export function desktopNotesFor(raised: RaisedAlerts): DesktopNote[] {
  if (raised.count <= NOTES_PER_BATCH) return raised.alerts.map((a) => ({ title: a.title, body: a.text, alertId: a.id }));
  const shown = raised.alerts.slice(0, NOTES_PER_BATCH).map((a) => a.title);
  return [{ title: `${raised.count} new alerts`, body: [...shown, `…and ${raised.count - shown.length} more in Alerts`].join('\n') }];
}

export const alertsCommands = {
  'alerts:list': command(z.object({}).strict(), alertsStateSchema),
  'alerts:acknowledge': command(z.object({ ids }).strict(), alertsStateSchema),
  'alerts:acknowledgeAll': command(z.object({}).strict(), alertsStateSchema),
  /** "Notify me when free": on a conversation another supervisor has locked (want false withdraws it). */
  'alerts:wantLock': command(z.object({ interactionId: id, want: z.boolean() }).strict(), alertsStateSchema),
};

export const alertsEvents = {
  /** The whole (bounded) list after any change. */
  'alerts:changed': event(alertsStateSchema),
  /**
   * The alerts one evaluation raised (newest MAX_ALERTS_KEPT of `count`): the web host's page shows
   * them as desktop notifications when they are on (Electron's main does it itself).
   */
  'alerts:raised': event(raisedAlertsSchema),
  /** The supervisor clicked a desktop notification (Electron): show the Alerts panel, on this alert when the notification was about one. */
  'alerts:show': event(z.object({ alertId: id.optional() })),
};
