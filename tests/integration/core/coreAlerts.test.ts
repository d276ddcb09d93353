import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alertsStateSchema, raisedAlertsSchema, type Alert, type AlertsState } from '../../../preload/contract/alerts';
import { startDemoCore, type DemoCore } from '../../support/demoCore';

let running: DemoCore | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** Everything the core sent on the alert channels, checked against the contract. */
function listen(core: DemoCore['core']) {
  const raised: Alert[] = [];
  const states: AlertsState[] = [];
  core.attach((channel, payload) => {
    // The quiet demo's logged-in agents sit in Away for ever: those alerts are not what these tests are about.
    if (channel === 'alerts:raised') raised.push(...raisedAlertsSchema.parse(payload).alerts.filter((a) => a.kind !== 'agentStuck'));
    if (channel === 'alerts:changed') states.push(alertsStateSchema.parse(payload));
  });
  return { raised, states };
}

/** The demo clock moves `seconds`, the alert rules run once a second as in the app. */
function seconds(r: DemoCore, n: number) {
  for (let i = 0; i < n; i++) {
    r.clock.advance(1000);
    r.core.alerts.tick();
  }
}

describe('the core raises alerts from what the connector reports', () => {
  it('a call held for a minute raises one "Long hold" alert over five minutes of hold; acknowledging it clears the count', async () => {
    running = await startDemoCore({ demo: { scenarios: ['longCall'] } });
    const got = listen(running.core);
    running.demo.control.holdCall('call-alex-kim');
    seconds(running, 59);
    expect(got.raised).toEqual([]);
    seconds(running, 300);
    expect(got.raised.map((a) => [a.kind, a.title])).toEqual([['longHold', "Long hold: Alex Kim's call with Jennifer Morales"]]);
    expect(got.raised[0]?.subject).toMatchObject({ interactionId: 'call-alex-kim', agentId: 'agent-1', queueId: 'queue-billing' });
    expect(got.states.at(-1)?.alerts.filter((a) => a.kind === 'longHold' && !a.acknowledgedAt)).toHaveLength(1);

    const acked = await running.core.handle('alerts:acknowledgeAll', {});
    expect(acked).toMatchObject({ ok: true, value: { unacknowledged: 0 } });
    expect(got.states.at(-1)?.unacknowledged).toBe(0);
    // Still on hold: acknowledged, it does not come back.
    seconds(running, 60);
    expect(got.raised).toHaveLength(1);

    // Resumed, then (after the alert cleared) held again: a new hold is a new alert.
    running.demo.control.resumeCall('call-alex-kim');
    seconds(running, 40);
    running.demo.control.holdCall('call-alex-kim');
    seconds(running, 61);
    expect(got.raised.map((a) => a.kind)).toEqual(['longHold', 'longHold']);
    expect(running.core.alerts.state().alerts.filter((a) => a.kind === 'longHold').map((a) => a.clearedAt !== undefined)).toEqual([false, true]);
  });

  it('an assistance request alerts once; "notify me when free" alerts when Dana Reyes lets go of her chat', async () => {
    running = await startDemoCore({ demo: { scenarios: ['assistanceChat', 'chatMonitoredByDana'] } });
    const got = listen(running.core);
    seconds(running, 3);
    expect(got.raised.map((a) => a.kind)).toEqual(['assistance']);

    // Free already? No: Dana holds it. Wanting it is accepted and shown.
    const wanted = await running.core.handle('alerts:wantLock', { interactionId: 'chat-dana', want: true });
    expect(wanted).toMatchObject({ ok: true, value: { wantedLocks: ['chat-dana'] } });
    seconds(running, 5);
    expect(got.raised).toHaveLength(1);
    running.demo.control.supervisorStop('sup-2', 'chat-dana');
    seconds(running, 2);
    expect(got.raised.map((a) => [a.kind, a.subject.interactionId])).toEqual([
      ['assistance', 'chat-assistance'],
      ['lockReleased', 'chat-dana'],
    ]);
    // Told once, the wish is done.
    expect(running.core.alerts.state().wantedLocks).toEqual([]);
    // A conversation nobody else monitors cannot be waited on: the supervisor is told to monitor it.
    expect(await running.core.handle('alerts:wantLock', { interactionId: 'chat-dana', want: true })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: 'Nobody else is monitoring it: you can monitor it now.' },
    });
    expect(await running.core.handle('alerts:acknowledge', { ids: ['x'.repeat(300)] })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  it('IT policy turns an alert off and sets a threshold (the user cannot change them)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-alerts-'));
    fs.writeFileSync(path.join(dir, 'policy.json'), JSON.stringify({ 'alerts.assistance.enabled': false, 'alerts.longHold.seconds': 10 }));
    running = await startDemoCore({ dir, demo: { scenarios: ['longCall', 'assistanceChat'] } });
    const got = listen(running.core);
    running.demo.control.holdCall('call-alex-kim');
    seconds(running, 10);
    expect(got.raised.map((a) => a.kind)).toEqual(['longHold']);
    expect(running.core.options.config.view().locked).toEqual(expect.arrayContaining(['alerts.assistance.enabled', 'alerts.longHold.seconds']));
    await running.stop();
    running = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
