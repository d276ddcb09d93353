import type { Agent, Interaction, Queue, Supervisor } from '../../preload/contract';
import type { ConnectorEvent, ContactCenterState } from '../contact-center/Connector';
import { SentAgentViews } from './SentAgentViews';
import { ViewExpiries } from './ViewExpiries';

/**
 * The core's copy of what the connector reported, plus the ids that changed
 * since the last flush. Events are applied as they come; the screen gets one
 * batched delta per flush, so 200 changes per second cost a few messages.
 */
export class ContactCenterMirror {
  supervisor: Supervisor;
  readonly agents = new Map<string, Agent>();
  readonly queues = new Map<string, Queue>();
  readonly interactions = new Map<string, Interaction>();

  readonly dirtyAgents = new Set<string>();
  readonly dirtyInteractions = new Set<string>();
  readonly removedAgents = new Set<string>();
  readonly removedInteractions = new Set<string>();
  /**
   * Per changed agent: when the first connector event that changed them since
   * the last flush reached main (wall clock, before batching). The renderer
   * measures event-to-paint from it (tests/bench/agents.bench.ts).
   */
  readonly agentChangedAt = new Map<string, number>();
  dirtyQueues = false;
  dirtySupervisor = false;
  /** What the screens were last sent per agent: a flush leaves out agents whose view did not change. */
  readonly sentAgentViews = new SentAgentViews();
  /** Sent interaction views that the clock alone turns wrong (an SLA deadline): a flush sends them again. */
  readonly viewExpiries = new ViewExpiries();

  constructor(state: ContactCenterState) {
    this.supervisor = state.supervisor;
    for (const a of state.agents) this.agents.set(a.id, a);
    for (const q of state.queues) this.queues.set(q.id, q);
    for (const i of state.interactions) this.interactions.set(i.id, i);
  }

  /** Applies one connector event received at `receivedAt` (wall clock); returns false when it did not touch the mirror. */
  apply(event: ConnectorEvent, receivedAt = Date.now()): boolean {
    const changedAgent = (id: string) => {
      this.dirtyAgents.add(id);
      if (!this.agentChangedAt.has(id)) this.agentChangedAt.set(id, receivedAt);
    };
    switch (event.type) {
      case 'supervisor':
        this.supervisor = event.supervisor;
        this.dirtySupervisor = true;
        return true;
      case 'agents':
        for (const a of event.agents) {
          this.agents.set(a.id, a);
          changedAgent(a.id);
          this.removedAgents.delete(a.id);
        }
        return true;
      case 'agentsRemoved':
        for (const id of event.ids) {
          this.agents.delete(id);
          this.dirtyAgents.delete(id);
          this.agentChangedAt.delete(id);
          this.sentAgentViews.forget(id);
          this.removedAgents.add(id);
        }
        return true;
      case 'queues':
        for (const q of event.queues) this.queues.set(q.id, q);
        this.dirtyQueues = true;
        return true;
      case 'interactions':
        for (const i of event.interactions) {
          this.interactions.set(i.id, i);
          this.dirtyInteractions.add(i.id);
          this.removedInteractions.delete(i.id);
          // An agent's binocular depends on their interaction's state.
          for (const p of i.participants) if (p.agentId && this.agents.has(p.agentId)) changedAgent(p.agentId);
        }
        return true;
      case 'interactionsRemoved':
        for (const id of event.ids) {
          const gone = this.interactions.get(id);
          this.interactions.delete(id);
          this.dirtyInteractions.delete(id);
          this.viewExpiries.forget(id);
          this.removedInteractions.add(id);
          for (const p of gone?.participants ?? []) if (p.agentId && this.agents.has(p.agentId)) changedAgent(p.agentId);
        }
        return true;
      default:
        return false;
    }
  }

  hasChanges(): boolean {
    return (
      this.dirtySupervisor ||
      this.dirtyQueues ||
      this.dirtyAgents.size > 0 ||
      this.dirtyInteractions.size > 0 ||
      this.removedAgents.size > 0 ||
      this.removedInteractions.size > 0
    );
  }

  clearChanges(): void {
    this.dirtyAgents.clear();
    this.agentChangedAt.clear();
    this.dirtyInteractions.clear();
    this.removedAgents.clear();
    this.removedInteractions.clear();
    this.dirtyQueues = false;
    this.dirtySupervisor = false;
  }
}
