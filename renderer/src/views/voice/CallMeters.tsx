import { useMediaLevels } from '../../media/useMediaLevels';

const meters: { name: string; label: string; title: string }[] = [
  { name: 'output', label: 'You hear', title: 'Level of the call audio reaching you' },
  { name: 'agentVoice', label: 'Agent voice', title: 'Demo: the agent’s voice as the PBX sends it to you (silent when the rules say you do not hear the agent)' },
  { name: 'customerVoice', label: 'Customer voice', title: 'Demo: the customer’s voice as the PBX sends it to you (silent when the rules say you do not hear the customer)' },
  { name: 'input', label: 'Your mic', title: 'Level of your microphone (sent only while coaching or barging)' },
  { name: 'agentHearsSupervisor', label: 'Agent hears you', title: 'Demo: how loud you are for the agent' },
  { name: 'customerHearsSupervisor', label: 'Customer hears you', title: 'Demo: how loud you are for the customer' },
];

/**
 * Live levels for the monitor leg, read from the media host in this window.
 * The demo PBX adds "who hears you" meters, so a supervisor can see that
 * silent monitoring really is silent.
 */
export function CallMeters() {
  const levels = useMediaLevels();
  const shown = meters.filter((m) => levels[m.name] !== undefined);
  if (!shown.length) return null;
  return (
    <span className="call-meters">
      {shown.map((m) => (
        <label key={m.name} className="call-meter" title={m.title}>
          <span>{m.label}</span>
          <meter min={0} max={1} value={levels[m.name] ?? 0} data-meter={m.name} data-level={(levels[m.name] ?? 0).toFixed(3)} />
        </label>
      ))}
    </span>
  );
}
