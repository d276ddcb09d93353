import type { Interaction } from '../../../preload/contract';
import { endInteraction } from './lifecycle';
import { customerNames, externalParties } from './names';
import type { Rng } from './random';
import type { Routing } from './routing';
import {
  addExternalParty,
  answerCall,
  blindTransfer,
  cancelConsult,
  completeConsultTransfer,
  createCall,
  endConference,
  holdCall,
  offerCall,
  removeExternalParty,
  resumeCall,
  startConference,
  startConsult,
} from './voiceCalls';
import type { World } from './world';

export interface VoiceSimulationOptions {
  /** New calls per logged-in agent per hour (default 8: about half the agents busy). */
  callsPerAgentHour: number;
  /** Share of calls whose flow does not allow monitoring. */
  unmonitorableShare: number;
}

const SECOND = 1000;

/**
 * The background voice traffic: calls arrive in queues, ring an idle agent,
 * connect, and may be held, consulted, conferenced or transferred before
 * they end. Interactions and agents pinned by a scenario are left alone.
 */
export class VoiceSimulation {
  private carry = 0;
  /** Calls held back from routing until then (a busy moment), so waits, SLA misses and abandons happen. */
  private readonly routeAt = new Map<string, number>();

  constructor(
    private readonly world: World,
    private readonly rng: Rng,
    private readonly routing: Routing,
    private readonly options: VoiceSimulationOptions,
  ) {}

  tick(dtMs: number): void {
    const staffed = this.routing.agents().length;
    this.carry += (staffed * this.options.callsPerAgentHour * dtMs) / 3_600_000;
    while (this.carry >= 1) {
      this.carry -= 1;
      this.arrive();
    }
    this.route();
  }

  arrive(): Interaction {
    const queue = this.rng.pick([...this.world.queues.values()]);
    const ix = createCall(this.world, {
      queueId: queue.id,
      customerName: this.rng.pick(customerNames),
      customerPhone: `+1 555 01${String(this.rng.int(0, 99)).padStart(2, '0')}`,
      monitorable: !this.rng.chance(this.options.unmonitorableShare),
    });
    // About one call in five meets a busy moment: no agent for a while, sometimes past the queue's threshold.
    if (this.rng.chance(0.2)) this.routeAt.set(ix.id, this.world.now() + this.rng.int(5, queue.slaSeconds * 2) * SECOND);
    // Some callers are impatient (hang up within a minute); none waits forever (keeps queues bounded).
    const patienceS = this.rng.chance(0.3) ? this.rng.int(5, 60) : this.rng.int(120, 300);
    this.after(patienceS * SECOND, ix, (call) => {
      this.routeAt.delete(call.id);
      if (call.state === 'pending') endInteraction(this.world, call, 'Caller abandoned in queue');
    });
    return ix;
  }

  /** Offers waiting calls, oldest first, to idle agents of their queue. */
  route(): void {
    for (const [queueId, waiting] of this.world.waiting) {
      for (const id of [...waiting]) {
        const ix = this.world.interactions.get(id);
        if (!ix || ix.channel !== 'voice' || this.world.pinned.has(id)) continue;
        if ((this.routeAt.get(id) ?? 0) > this.world.now()) continue;
        this.routeAt.delete(id);
        const agent = this.routing.findVoiceAgent(queueId);
        if (!agent) break;
        offerCall(this.world, ix, agent);
        this.after(this.rng.int(2, 6) * SECOND, ix, (call) => {
          if (call.state !== 'alerting') return;
          answerCall(this.world, call);
          this.plan(call, this.rng.int(60, 420) * SECOND);
        });
      }
    }
  }

  /** Calls already in progress when the demo starts, so the screens are never empty. */
  warmUp(share: number): void {
    for (const agent of this.routing.agents()) {
      if (!this.routing.isIdle(agent) || !this.rng.chance(share)) continue;
      const elapsed = this.rng.int(5, 300) * SECOND;
      const ix = this.arrive();
      ix.startedAt = this.world.now() - elapsed;
      offerCall(this.world, ix, agent);
      answerCall(this.world, ix);
      this.plan(ix, Math.max(20 * SECOND, this.rng.int(60, 420) * SECOND - elapsed));
    }
  }

  /** What happens during a connected call, decided up front from the seed. */
  plan(ix: Interaction, remainingMs: number): void {
    const at = this.rng.int(10, Math.max(11, Math.floor(remainingMs / 2 / SECOND))) * SECOND;
    const r = this.rng.next();
    if (r < 0.25) {
      this.after(at, ix, (c) => c.state === 'connected' && holdCall(this.world, c));
      // Most holds are short; about one in five runs long (105-120 s), so the long-hold alert has something to find (issue 12).
      const drawn = this.rng.int(10, 40);
      const holdSeconds = drawn >= 35 ? drawn * 3 : drawn;
      this.after(at + holdSeconds * SECOND, ix, (c) => c.state === 'held' && resumeCall(this.world, c));
    } else if (r < 0.35) {
      const completes = this.rng.chance(0.5);
      this.after(at, ix, (c) => {
        const specialist = c.state === 'connected' ? this.routing.findAnyIdle(new Set()) : undefined;
        if (specialist) startConsult(this.world, c, specialist);
      });
      this.after(at + this.rng.int(20, 50) * SECOND, ix, (c) => {
        if (c.state === 'consult') (completes ? completeConsultTransfer : cancelConsult)(this.world, c);
      });
    } else if (r < 0.43) {
      this.after(at, ix, (c) => {
        const other = c.state === 'connected' ? this.routing.findAnyIdle(new Set()) : undefined;
        if (other) startConference(this.world, c, other);
      });
      this.after(at + this.rng.int(30, 60) * SECOND, ix, (c) => c.state === 'conference' && endConference(this.world, c));
    } else if (r < 0.5) {
      this.after(at, ix, (c) => {
        const current = this.world.agentParticipant(c)?.agentId;
        const to = c.state === 'connected' && c.queueId ? this.routing.findVoiceAgent(c.queueId, current) : undefined;
        if (!to) return;
        blindTransfer(this.world, c, { kind: 'agent', agent: to });
        this.after(this.rng.int(3, 6) * SECOND, c, (t) => t.state === 'transferring' && answerCall(this.world, t));
      });
    } else if (r < 0.55) {
      const name = this.rng.pick(externalParties);
      this.after(at, ix, (c) => c.state === 'connected' && addExternalParty(this.world, c, name));
      this.after(at + this.rng.int(20, 45) * SECOND, ix, (c) => {
        const ext = c.participants.find((p) => p.role === 'external');
        if (ext) removeExternalParty(this.world, c, ext.id);
      });
    }
    this.after(remainingMs, ix, (c) => {
      // A call in a consult or conference wraps up first, then ends.
      if (c.state === 'connected' || c.state === 'held' || c.state === 'conference' || c.state === 'consult') this.end(c);
      else this.after(10 * SECOND, c, (later) => this.end(later));
    });
  }

  /** Ends a call; its agents wrap up (after-call work) for a little while before taking the next one. */
  private end(call: Interaction): void {
    const agentIds = call.participants.flatMap((p) => (p.agentId && p.state !== 'disconnected' ? [p.agentId] : []));
    endInteraction(this.world, call);
    const now = this.world.now();
    for (const id of agentIds) {
      const agent = this.world.agents.get(id);
      if (!agent || this.world.pinned.has(id)) continue;
      agent.afterCallWorkSince = now;
      this.world.markAgent(id);
      this.world.scheduler.at(now + this.rng.int(10, 45) * SECOND, () => {
        if (agent.afterCallWorkSince !== now) return;
        delete agent.afterCallWorkSince;
        this.world.markAgent(id);
      });
    }
  }

  /** Runs a step later unless the call ended, was removed or got pinned by a test. */
  private after(ms: number, ix: Interaction, step: (call: Interaction) => unknown): void {
    const id = ix.id;
    this.world.scheduler.at(this.world.now() + ms, () => {
      const call = this.world.interactions.get(id);
      if (!call || call.state === 'ended' || this.world.pinned.has(id)) return;
      step(call);
    });
  }
}
