import type { ConnectorEvent } from '../../../main/contact-center/Connector';
import { DemoContactCenter, ManualClock, type DemoOptions } from '../../../main/contact-center/demo';

/** A demo on a manual clock with an event recorder; quiet (no background traffic) unless asked. */
export async function quietDemo(options: DemoOptions = {}) {
  const clock = new ManualClock();
  const demo = DemoContactCenter.create({ clock, simulate: false, scenarios: [], ...options });
  const events: ConnectorEvent[] = [];
  demo.subscribe((e) => events.push(e));
  await demo.start();
  events.length = 0;
  const of = <T extends ConnectorEvent['type']>(type: T) => events.filter((e): e is Extract<ConnectorEvent, { type: T }> => e.type === type);
  const ix = (id: string) => {
    const found = demo.state().interactions.find((i) => i.id === id);
    if (!found) throw new Error(`no interaction ${id}`);
    return found;
  };
  return { clock, demo, events, of, ix, control: demo.control };
}
