import type { AgentView } from '../../preload/contract';

/**
 * The agent views the screens were last sent, so a flush can leave out an
 * agent whose view did not change. Any chat or call change marks its agents
 * changed (their binocular depends on it), but most such changes show nothing
 * new on the agent: under a chat load of 50,000 messages/s that resent ~30 kB
 * of identical agents per delta (issue 15).
 *
 * Forget everything whenever a screen may hold something else than what was
 * last broadcast (a snapshot was taken): an agent is then sent again on its
 * next change, as before.
 */
export class SentAgentViews {
  private readonly sent = new Map<string, AgentView>();

  /** True when `view` differs from the one last sent for its agent (or none was); remembers it as sent. */
  changed(view: AgentView): boolean {
    const before = this.sent.get(view.id);
    if (before !== undefined && samePlainValue(before, view)) return false;
    // A copy: a connector may change its agent's arrays in place, and the view shares them.
    this.sent.set(view.id, structuredClone(view));
    return true;
  }

  forget(agentId: string): void {
    this.sent.delete(agentId);
  }

  clear(): void {
    this.sent.clear();
  }
}

/**
 * Structural equality of JSON-like values (what goes on the wire): same
 * primitives, same array items in order, same own keys with equal values.
 * Linear in the size of the values; views have a fixed, shallow shape.
 */
export function samePlainValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlainValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!samePlainValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
