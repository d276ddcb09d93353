/**
 * main/electron/alertNotifier.ts under a fake `electron`: each new alert is an
 * OS notification with the alert's words (when the setting is on), a click
 * brings the window forward on that alert, and the badge follows the
 * unacknowledged count down to zero.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert, RaisedAlerts } from '../../../preload/contract/alerts';
import { wireAlertNotifier } from '../../../main/electron/alertNotifier';
import { recorded, resetFakeElectron } from './fakeElectron';
import { createDemoCore } from '../../support/demoCore';

vi.mock('electron', () => import('./fakeElectron'));

const { core, demo, clock, stop } = createDemoCore({ host: 'electron', demo: { seed: 1, agents: 4 } });
afterAll(() => stop());

let enabled = true;
const shown: string[] = [];
const focused: string[] = [];
const window = { isDestroyed: () => false, isMinimized: () => false, restore: () => undefined, focus: () => focused.push('focus') };

beforeEach(() => {
  resetFakeElectron();
  shown.length = 0;
  focused.length = 0;
});

describe('desktop notifications and the badge (Electron)', () => {
  it('a long hold is notified once with its title and text; the badge counts it; acknowledging clears the badge', async () => {
    wireAlertNotifier(core.alerts, { enabled: () => enabled, uiWindow: () => window as never, showAlert: (id) => shown.push(id ?? 'panel') });
    await core.start();
    demo.control.holdCall('call-alex-kim');
    for (let i = 0; i < 120; i++) {
      clock.advance(1000);
      core.alerts.tick();
    }
    const holds = recorded.notifications.filter((n) => n.options.title.startsWith('Long hold'));
    expect(holds.map((n) => [n.options.title, n.options.body, n.shown])).toEqual([
      ["Long hold: Alex Kim's call with Jennifer Morales", 'The customer has been on hold for 1 min (alert after 1 min).', true],
    ]);
    expect(recorded.badgeCounts.at(-1)).toBe(core.alerts.state().unacknowledged);
    expect(recorded.badgeCounts.at(-1)).toBeGreaterThan(0);

    holds[0]?.click();
    expect(focused).toEqual(['focus']);
    expect(shown).toEqual([core.alerts.state().alerts.find((a) => a.kind === 'longHold')?.id]);

    await core.handle('alerts:acknowledgeAll', {});
    expect(recorded.badgeCounts.at(-1)).toBe(0);
  });

  it('with desktop notifications off, alerts still count on the badge but nothing pops up', () => {
    enabled = false;
    const before = recorded.notifications.length;
    const id = demo.control.startChat({ agentId: 'agent-3' });
    demo.control.requestAssistance(id);
    core.alerts.tick();
    expect(recorded.notifications.length).toBe(before);
    expect(recorded.badgeCounts.at(-1)).toBeGreaterThan(0);
  });

  it('a burst of more than three alerts is one summary notification; its click opens the Alerts panel', () => {
    enabled = true;
    let raise: ((r: RaisedAlerts) => void) | undefined;
    wireAlertNotifier(
      { onRaised: (l) => ((raise = l), () => undefined), onChanged: () => () => undefined },
      { enabled: () => true, uiWindow: () => window as never, showAlert: (id) => shown.push(id ?? 'panel') },
    );
    const alert = (i: number): Alert => ({ id: `a${i}`, key: `agentStuck:${i}`, kind: 'agentStuck', subject: { agentId: `agent-${i}` }, title: `Agent ${i}: Away for 20 min`, text: '…', raisedAt: 0 });
    raise?.({ alerts: [alert(5), alert(4), alert(3), alert(2), alert(1)], count: 5 });
    expect(recorded.notifications.map((n) => n.options)).toEqual([
      { title: '5 new alerts', body: 'Agent 5: Away for 20 min\nAgent 4: Away for 20 min\nAgent 3: Away for 20 min\n…and 2 more in Alerts' },
    ]);
    recorded.notifications[0]?.click();
    expect(shown).toEqual(['panel']);
  });
});
