import { isDigital } from '../../../preload/contract';
import type { Interaction } from '../../../preload/contract';
import type { World } from './world';

/** Lines the load writes, so the cache's search index and the transcript get ordinary chat text. */
const lines = [
  'Could you check the order status for me please?',
  'I have restarted the router twice and it still drops.',
  'Thanks, the refund shows on my statement now.',
  'Let me look into that for you, one moment.',
  'The invoice number is on the top right of the page.',
  'Can I change the delivery address before it ships?',
  'I have sent you a reset link by email.',
  'That worked, thank you for your help today!',
] as const;

/** At most this many load messages per tick: after a stall the load catches up over several ticks, not in one burst. */
const MAX_PER_TICK = 50_000;

/**
 * Benchmark knob `messagesPerSecond` (default 0: off): extra chat messages per
 * simulated second, written round-robin into the live (assigned, not ended)
 * conversations the background owns, customer and agent in turn. Each goes
 * through `World.addMessage` like any scripted line, so it reaches the core as
 * a `messages` ConnectorEvent (round-robin: one event per message, the shape a
 * busy platform pushes) and from there the cache and the renderer. Unlike the
 * background simulation it writes into scenario (pinned) chats too: a pinned
 * chat is one the background must not end or move, and a benchmark watches one
 * (started with `control.startChat`) while the load runs.
 */
export class MessageLoad {
  private carry = 0;
  private turn = 0;

  constructor(
    private readonly world: World,
    private readonly messagesPerSecond: number,
  ) {}

  tick(dtMs: number): void {
    if (!(this.messagesPerSecond > 0)) return;
    this.carry += (this.messagesPerSecond * dtMs) / 1000;
    const due = Math.min(MAX_PER_TICK, Math.floor(this.carry));
    if (due === 0) return;
    this.carry -= due;
    const live = this.liveConversations();
    if (live.length === 0) return;
    for (let i = 0; i < due; i++) {
      const ix = live[this.turn % live.length] as Interaction;
      const n = this.turn++;
      const agent = this.world.agentParticipant(ix);
      const fromCustomer = n % 2 === 0 || !agent;
      this.world.addMessage(ix.id, {
        senderKind: fromCustomer ? 'customer' : 'agent',
        senderName: fromCustomer ? (ix.customer?.name ?? 'Customer') : (agent?.name ?? 'Agent'),
        text: lines[n % lines.length] as string,
      });
    }
  }

  private liveConversations(): Interaction[] {
    const live: Interaction[] = [];
    for (const ix of this.world.interactions.values()) {
      if (isDigital(ix.channel) && ix.state !== 'ended' && ix.state !== 'pending') live.push(ix);
    }
    return live;
  }
}
