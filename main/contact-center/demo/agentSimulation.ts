import type { Agent, AgentStatus } from '../../../preload/contract';
import type { Rng } from './random';
import type { Routing } from './routing';
import { holdCall, resumeCall } from './voiceCalls';
import type { World } from './world';

/** On average an idle agent changes status this often (logins, breaks, meetings). */
const MEAN_STATUS_CHANGE_MS = 180_000;

const nextStatus: Record<AgentStatus, ReadonlyArray<[AgentStatus, number]>> = {
  'On Queue': [['Away', 0.3], ['Busy', 0.3], ['Available', 0.3], ['Offline', 0.1]],
  Available: [['On Queue', 0.5], ['Away', 0.2], ['Busy', 0.15], ['Offline', 0.15]],
  Busy: [['On Queue', 0.6], ['Available', 0.4]],
  Away: [['On Queue', 0.6], ['Available', 0.4]],
  Offline: [['Available', 0.4], ['On Queue', 0.6]],
};

/**
 * Agents' own status changes, plus the benchmark's event-rate knob:
 * `changesPerSecond` extra agent/interaction changes spread over the ticks.
 */
export class AgentSimulation {
  private naturalCarry = 0;
  private extraCarry = 0;

  constructor(
    private readonly world: World,
    private readonly rng: Rng,
    private readonly routing: Routing,
    private readonly changesPerSecond: number,
  ) {}

  tick(dtMs: number): void {
    const agents = this.routing.agents();
    if (agents.length === 0) return;
    this.naturalCarry += (agents.length * dtMs) / MEAN_STATUS_CHANGE_MS;
    while (this.naturalCarry >= 1) {
      this.naturalCarry -= 1;
      const agent = this.rng.pick(agents);
      if (this.routing.isIdle(agent) || (agent.interactionIds.length === 0 && agent.status !== 'On Queue' && !this.world.pinned.has(agent.id))) {
        this.world.setAgentStatus(agent, this.draw(agent.status));
      }
    }
    this.extraCarry += (this.changesPerSecond * dtMs) / 1000;
    while (this.extraCarry >= 1) {
      this.extraCarry -= 1;
      this.churnOne(agents);
    }
  }

  private draw(from: AgentStatus): AgentStatus {
    const options = nextStatus[from];
    let r = this.rng.next();
    for (const [status, p] of options) {
      if ((r -= p) < 0) return status;
    }
    return options[options.length - 1]?.[0] ?? 'On Queue';
  }

  /** One benchmark change: flip an idle agent's status, or hold/resume a call. */
  private churnOne(agents: readonly Agent[]): void {
    for (let attempt = 0; attempt < 4; attempt++) {
      const agent = this.rng.pick(agents);
      if (this.world.pinned.has(agent.id)) continue;
      if (agent.interactionIds.length === 0) {
        this.world.setAgentStatus(agent, agent.status === 'On Queue' ? this.rng.pick(['Available', 'Busy', 'Away'] as const) : 'On Queue');
        return;
      }
      const ix = this.world.interactions.get(agent.interactionIds[0] as string);
      if (!ix || ix.channel !== 'voice' || this.world.pinned.has(ix.id)) continue;
      if (ix.state === 'connected') {
        holdCall(this.world, ix);
        return;
      }
      if (ix.state === 'held') {
        resumeCall(this.world, ix);
        return;
      }
    }
  }
}
