import type { ConfigView } from '../../../../preload/contract';
import { Field, type FieldSpec } from '../SettingsView';
import { DesktopNotificationsStatus } from './DesktopNotificationsStatus';

const seconds = (key: string, label: string, help: string): FieldSpec => ({ key, label, help, kind: 'number' });
const onOff = (key: string, label: string, help: string): FieldSpec => ({ key, label, help, kind: 'boolean' });

/** Each alert on or off with its threshold, and desktop notifications (all lockable by IT policy). */
const alertFields: FieldSpec[] = [
  onOff('alerts.desktopNotifications', 'Desktop notifications', 'Show each new alert as a desktop notification too (the browser asks for permission when you allow it below).'),
  onOff('alerts.longCall.enabled', 'Alert on long calls', 'Alert when a call has been connected longer than the limit below.'),
  seconds('alerts.longCall.seconds', 'Long call after (seconds)', 'How long a call may last before it alerts (from the answer).'),
  onOff('alerts.longHold.enabled', 'Alert on long holds', 'Alert when a customer has been on hold longer than the limit below.'),
  seconds('alerts.longHold.seconds', 'Long hold after (seconds)', 'How long a customer may wait on hold before it alerts.'),
  onOff('alerts.longWait.enabled', 'Alert on long waits in queue', 'Alert when a contact has waited for an agent longer than the limit below.'),
  seconds('alerts.longWait.seconds', 'Long wait after (seconds)', 'How long a contact may wait in a queue before it alerts.'),
  onOff('alerts.slaBreach.enabled', 'Alert when a service level drops below target', 'Uses the service level target above (Queue activity marks the same cells).'),
  {
    key: 'alerts.slaBreach.interval',
    label: 'Service level over',
    help: 'The interval the service-level alert watches: today, or the last 15, 30 or 60 minutes.',
    kind: 'select',
    options: ['today', '15m', '30m', '60m'],
  },
  onOff('alerts.agentStuck.enabled', 'Alert when an agent stays Busy, Away or in after-call work', 'Alert when an agent has been in one of those states longer than the limit below.'),
  seconds('alerts.agentStuck.seconds', 'Agent state limit (seconds)', 'How long an agent may stay Busy, Away or in after-call work before it alerts.'),
  onOff('alerts.assistance.enabled', 'Alert on assistance requests', 'Alert when an agent raises the assistance flag on a conversation.'),
  onOff('alerts.lockReleased.enabled', 'Alert when a conversation I wait on is free', 'After “Notify me when free” on a conversation another supervisor monitors, alert when they let it go.'),
];

export function AlertSettings({ config }: { config: ConfigView }) {
  return (
    <section aria-labelledby="alert-settings-title" className="alert-settings">
      <h2 id="alert-settings-title">Alerts</h2>
      <form className="settings-form" onSubmit={(e) => e.preventDefault()}>
        {alertFields.map((f) => (
          <Field key={f.key} spec={f} config={config} />
        ))}
      </form>
      <DesktopNotificationsStatus />
    </section>
  );
}
