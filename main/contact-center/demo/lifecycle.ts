import { isDigital } from '../../../preload/contract';
import type { Interaction } from '../../../preload/contract';
import { endAllSupervisions } from './supervision';
import type { World } from './world';

/**
 * Ending an interaction, for every channel: supervision ends by itself
 * (periods closed, events emitted), locks are released, the interaction is
 * reported once as 'ended' and removed a little later (bounded history).
 */
export function endInteraction(world: World, ix: Interaction, text?: string): void {
  if (ix.state === 'ended') return;
  const digital = isDigital(ix.channel);
  endAllSupervisions(world, ix, digital ? 'conversation ended' : 'call ended');
  world.dequeue(ix);
  world.setTyping(ix.id, false, '');
  for (const p of ix.participants) {
    p.state = 'disconnected';
    if (p.agentId) world.unlinkAgent(p.agentId, ix.id);
  }
  delete ix.monitorLock;
  ix.state = 'ended';
  ix.endedAt = world.now();
  world.addTimeline(ix.id, 'ended', text ?? (digital ? 'Conversation ended' : 'Call ended'));
  world.markInteraction(ix);
  const id = ix.id;
  world.scheduler.at(world.now() + world.limits.endedRetentionMs, () => world.removeInteraction(id));
}
