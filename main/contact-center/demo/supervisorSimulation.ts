import { isDigital } from '../../../preload/contract';
import type { Interaction } from '../../../preload/contract';
import { ConnectorError } from '../Connector';
import type { Rng } from './random';
import { changeSupervisionMode, endAllBySupervisor, startSupervision, stopSupervision, supervisorParticipant } from './supervision';
import type { OtherSupervisor, World } from './world';

/** Each simulated supervisor considers doing something about this often. */
const MEAN_ACTION_MS = 20_000;
const SECOND = 1000;

/**
 * The other (simulated) supervisors: they monitor and coach some calls and
 * monitor some conversations (holding the digital lock), and one of them
 * logs off now and then, which releases everything they held.
 */
export class SupervisorSimulation {
  private carry = 0;

  constructor(
    private readonly world: World,
    private readonly rng: Rng,
  ) {}

  tick(dtMs: number): void {
    const others = [...this.world.others.values()];
    if (others.length === 0) return;
    this.carry += (others.length * dtMs) / MEAN_ACTION_MS;
    while (this.carry >= 1) {
      this.carry -= 1;
      this.act(this.rng.pick(others));
    }
    this.keepChatsFree();
  }

  /**
   * A chat that ended or arrived can leave fewer than a third of the live chats free: the
   * simulated supervisors then stop monitoring some (never a pinned scenario's lock).
   */
  private keepChatsFree(): void {
    let share = this.chatShare();
    if (!tooFewFreeChats(share.live, share.free)) return;
    for (const ix of this.world.interactions.values()) {
      const holder = ix.monitorLock && this.world.others.get(ix.monitorLock.supervisorId);
      if (!holder || !isLiveChat(ix) || this.world.pinned.has(ix.id)) continue;
      attempt(() => stopSupervision(this.world, { id: holder.id, name: holder.name }, ix));
      share = this.chatShare();
      if (!tooFewFreeChats(share.live, share.free)) return;
    }
  }

  /** Live (connected) chats, and those the user could monitor now. */
  private chatShare(): { live: number; free: number } {
    let live = 0;
    let free = 0;
    for (const ix of this.world.interactions.values()) {
      if (!isLiveChat(ix)) continue;
      live++;
      if (ix.monitorable && (!ix.monitorLock || ix.monitorLock.supervisorId === this.world.supervisor.id)) free++;
    }
    return { live, free };
  }

  private act(sup: OtherSupervisor): void {
    if (!sup.online) return;
    if (sup.mayLogOff && this.rng.chance(0.05)) {
      logOff(this.world, sup);
      this.world.scheduler.at(this.world.now() + this.rng.int(30, 120) * SECOND, () => logOn(this.world, sup));
      return;
    }
    const mine = [...this.world.interactions.values()].filter((ix) => supervisorParticipant(ix, sup.id));
    const digital = this.rng.chance(0.5);
    if (digital ? mine.filter((ix) => isDigital(ix.channel)).length >= 2 : mine.some((ix) => ix.channel === 'voice')) return;
    if (digital) {
      const share = this.chatShare();
      if (!mayLockAnotherChat(share.live, share.free)) return;
    }
    const candidates = [...this.world.interactions.values()].filter((ix) => this.eligible(ix, sup, digital));
    if (candidates.length === 0) return;
    const ix = this.rng.pick(candidates);
    const agent = this.world.agentParticipant(ix);
    const customer = this.world.customerParticipant(ix);
    const target = digital || this.rng.chance(0.7) ? agent ?? customer : customer ?? agent;
    if (!target) return;
    const session = startSupervision(this.world, sup, ix, target.id, 'monitor');
    const id = ix.id;
    const actor = { id: sup.id, name: sup.name };
    if (!digital && target.kind === 'internal' && this.rng.chance(0.4)) {
      this.world.scheduler.at(this.world.now() + this.rng.int(15, 40) * SECOND, () => {
        const live = this.world.interactions.get(id);
        const leg = live && supervisorParticipant(live, sup.id);
        // Only the same session, still on the agent, with nobody coaching: a later session may target the customer.
        if (live && leg?.supervising?.targetParticipantId === target.id && leg.joinedAt === session.joinedAt && !live.monitorLock) {
          attempt(() => changeSupervisionMode(this.world, actor, live, 'coach'));
        }
      });
    }
    this.world.scheduler.at(this.world.now() + this.rng.int(45, 150) * SECOND, () => {
      const live = this.world.interactions.get(id);
      if (live && live.state !== 'ended' && !this.world.pinned.has(id)) stopSupervision(this.world, actor, live);
    });
  }

  private eligible(ix: Interaction, sup: OtherSupervisor, digital: boolean): boolean {
    if (this.world.pinned.has(ix.id) || !ix.monitorable || isDigital(ix.channel) !== digital) return false;
    if (supervisorParticipant(ix, sup.id)) return false;
    if (digital) return ix.state === 'connected' && !ix.monitorLock;
    return ix.state === 'connected' && ix.participants.filter((p) => p.role === 'supervisor').length === 0;
  }
}

const isLiveChat = (ix: Interaction): boolean => isDigital(ix.channel) && ix.state === 'connected';

/**
 * The demo keeps at least a third of its live chats free for the user (issue 13 found 8:
 * most were locked by the simulated supervisors). Pure: counts in, answer out.
 */
export const tooFewFreeChats = (live: number, free: number): boolean => free * 3 < live;
/** Another simulated lock may be taken only if a third stays free after it. */
export const mayLockAnotherChat = (live: number, free: number): boolean => free > 0 && !tooFewFreeChats(live, free - 1);

/** A simulated supervisor racing the user may be refused by the platform like anyone else: that is fine. */
function attempt(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
  }
}

/** A simulated supervisor disconnects: their legs end and their locks are released. */
export function logOff(world: World, sup: OtherSupervisor): void {
  if (!sup.online) return;
  sup.online = false;
  endAllBySupervisor(world, sup.id, `${sup.name} logged off`);
}

export function logOn(world: World, sup: OtherSupervisor): void {
  sup.online = true;
}
