import { isDigital } from '../../../preload/contract';
import type { Agent } from '../../../preload/contract';
import type { Rng } from './random';
import type { World } from './world';

/** Most conversations an agent handles at once (digital only; a call takes the agent fully). */
export const DIGITAL_CAPACITY = 2;

/**
 * Who can take the next interaction. Scans start at a random offset so work
 * spreads over the agents, and agents pinned by a scenario are never picked.
 */
export class Routing {
  private readonly byQueue = new Map<string, Agent[]>();
  private readonly all: Agent[] = [];

  constructor(
    private readonly world: World,
    private readonly rng: Rng,
  ) {
    for (const agent of world.agents.values()) this.add(agent);
  }

  add(agent: Agent): void {
    this.all.push(agent);
    for (const q of agent.queueIds) {
      const list = this.byQueue.get(q) ?? [];
      list.push(agent);
      this.byQueue.set(q, list);
    }
  }

  agents(): readonly Agent[] {
    return this.all;
  }

  isIdle(agent: Agent): boolean {
    return (
      agent.status === 'On Queue' &&
      agent.interactionIds.length === 0 &&
      agent.afterCallWorkSince === undefined &&
      !this.world.pinned.has(agent.id)
    );
  }

  hasDigitalCapacity(agent: Agent): boolean {
    if (agent.status !== 'On Queue' || this.world.pinned.has(agent.id)) return false;
    let digital = 0;
    for (const id of agent.interactionIds) {
      const ix = this.world.interactions.get(id);
      if (!ix) continue;
      if (!isDigital(ix.channel)) return false;
      digital++;
    }
    return digital < DIGITAL_CAPACITY;
  }

  findVoiceAgent(queueId: string, exclude?: string): Agent | undefined {
    return this.scan(this.byQueue.get(queueId) ?? [], (a) => a.id !== exclude && this.isIdle(a));
  }

  findDigitalAgent(queueId: string, exclude?: string): Agent | undefined {
    return this.scan(this.byQueue.get(queueId) ?? [], (a) => a.id !== exclude && this.hasDigitalCapacity(a));
  }

  /** Any idle agent outside `exclude` (a specialist for a consult or conference). */
  findAnyIdle(exclude: ReadonlySet<string>): Agent | undefined {
    return this.scan(this.all, (a) => !exclude.has(a.id) && this.isIdle(a));
  }

  private scan(list: readonly Agent[], ok: (a: Agent) => boolean): Agent | undefined {
    if (list.length === 0) return undefined;
    const start = this.rng.int(0, list.length - 1);
    for (let i = 0; i < list.length; i++) {
      const a = list[(start + i) % list.length] as Agent;
      if (ok(a)) return a;
    }
    return undefined;
  }
}
