import { useStore } from '../../store';

/** Agents and what they are doing. */
export function AgentsView() {
  const order = useStore((s) => s.live.agentOrder);
  const agents = useStore((s) => s.live.agents);
  return (
    <section aria-labelledby="agents-title" className="view">
      <h1 id="agents-title">Agents</h1>
      <ul className="agent-list">
        {order.map((id) => {
          const a = agents[id];
          return a ? (
            <li key={id}>
              {a.name} — {a.status}
            </li>
          ) : null;
        })}
      </ul>
    </section>
  );
}
