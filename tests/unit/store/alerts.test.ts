import { describe, expect, it } from 'vitest';
import type { Alert, AlertsState } from '../../../preload/contract';
import { initialAlertsState } from '../../../renderer/src/store/alerts/initialState';
import { alertsReducer } from '../../../renderer/src/store/alerts/reducer';
import {
  selectActiveAlertIds,
  selectAlert,
  selectLockWanted,
  selectRecentAlertIds,
  selectUnacknowledged,
  titleWithCount,
} from '../../../renderer/src/store/alerts/selectors';

const alert = (id: string, extra: Partial<Alert> = {}): Alert => ({
  id,
  key: `longHold:${id}`,
  kind: 'longHold',
  subject: { interactionId: id },
  title: `Long hold ${id}`,
  text: 'on hold',
  raisedAt: 1,
  ...extra,
});
const state = (alerts: Alert[], extra: Partial<AlertsState> = {}): AlertsState => ({
  alerts,
  unacknowledged: alerts.filter((a) => a.acknowledgedAt === undefined).length,
  wantedLocks: [],
  desktopNotifications: true,
  ...extra,
});

describe('alerts slice', () => {
  it('starts empty: nothing to acknowledge, notifications off until main says, no permission asked', () => {
    expect(initialAlertsState).toEqual({ alerts: [], unacknowledged: 0, wantedLocks: [], desktopNotifications: false, permission: 'unsupported', focusedAlertId: undefined });
    expect(titleWithCount(selectUnacknowledged(initialAlertsState))).toBe('Spyglass');
  });

  it("takes main's list as it is: active and recent apart, the count, the wanted conversations", () => {
    const s = alertsReducer(initialAlertsState, {
      type: 'alerts/state',
      state: state([alert('c3'), alert('c2', { clearedAt: 5 }), alert('c1', { acknowledgedAt: 4 })], { wantedLocks: ['chat-dana'] }),
    });
    expect(selectActiveAlertIds(s)).toEqual(['c3', 'c1']);
    expect(selectRecentAlertIds(s)).toEqual(['c2']);
    expect(selectUnacknowledged(s)).toBe(2);
    expect(titleWithCount(selectUnacknowledged(s))).toBe('(2) Spyglass');
    expect(selectAlert(s, 'c2')?.clearedAt).toBe(5);
    expect(selectLockWanted(s, 'chat-dana')).toBe(true);
    expect(selectLockWanted(s, 'chat-other')).toBe(false);
    expect(s.desktopNotifications).toBe(true);
  });

  it('acknowledging (a new list from main with the count at zero) clears the title count', () => {
    const before = alertsReducer(initialAlertsState, { type: 'alerts/state', state: state([alert('a'), alert('b')]) });
    const after = alertsReducer(before, { type: 'alerts/state', state: state([alert('a', { acknowledgedAt: 9 }), alert('b', { acknowledgedAt: 9 })]) });
    expect(titleWithCount(selectUnacknowledged(after))).toBe('Spyglass');
  });

  it('a focused alert (clicked notification) stays focused while it is listed, and is dropped when main drops it', () => {
    let s = alertsReducer(initialAlertsState, { type: 'alerts/state', state: state([alert('a')]) });
    s = alertsReducer(s, { type: 'alerts/focus', alertId: 'a' });
    expect(s.focusedAlertId).toBe('a');
    expect(alertsReducer(s, { type: 'alerts/state', state: state([alert('a'), alert('b')]) }).focusedAlertId).toBe('a');
    expect(alertsReducer(s, { type: 'alerts/state', state: state([alert('b')]) }).focusedAlertId).toBeUndefined();
  });

  it('the permission is kept as read; reading the same one again changes nothing', () => {
    const s = alertsReducer(initialAlertsState, { type: 'alerts/permission', permission: 'default' });
    expect(s.permission).toBe('default');
    expect(alertsReducer(s, { type: 'alerts/permission', permission: 'default' })).toBe(s);
    expect(alertsReducer(s, { type: 'alerts/focus', alertId: undefined })).toBe(s);
  });
});
