import type { Alert } from '../../../../preload/contract';
import type { AlertsUiState } from './initialState';

/** Still true (not cleared), newest first: the top of the panel. */
export const selectActiveAlertIds = (s: AlertsUiState): string[] => s.alerts.filter((a) => a.clearedAt === undefined).map((a) => a.id);
/** Cleared, kept as recent history, newest first. */
export const selectRecentAlertIds = (s: AlertsUiState): string[] => s.alerts.filter((a) => a.clearedAt !== undefined).map((a) => a.id);
export const selectAlert = (s: AlertsUiState, id: string): Alert | undefined => s.alerts.find((a) => a.id === id);
export const selectUnacknowledged = (s: AlertsUiState): number => s.unacknowledged;
export const selectLockWanted = (s: AlertsUiState, interactionId: string): boolean => s.wantedLocks.includes(interactionId);

/** The window title: the count first, so a taskbar entry or a browser tab shows it. */
export const titleWithCount = (count: number, base = 'Spyglass'): string => (count > 0 ? `(${count}) ${base}` : base);
