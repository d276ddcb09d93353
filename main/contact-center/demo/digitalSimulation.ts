import { channels } from '../../../preload/contract';
import type { Interaction } from '../../../preload/contract';
import { assignToAgent, createConversation, requestAssistance } from './conversations';
import { endInteraction } from './lifecycle';
import type { Rng } from './random';
import type { Routing } from './routing';
import { conversationScripts, type ConversationScript } from './scripts/conversations';
import type { World } from './world';

export interface DigitalSimulationOptions {
  /** New conversations per agent per hour (default 3). */
  chatsPerAgentHour: number;
}

/** Per conversation: where in its script it is, and whether it plays on by itself. */
interface Playback {
  script: ConversationScript;
  pos: number;
  /** Bumped whenever the conversation changes hands; stale steps see it and stop. */
  token: number;
  /** Earliest time routing may assign it (some wait past their SLA on purpose). */
  routeAt: number;
  /** Plays the script by itself (background and most scenarios). */
  play: boolean;
  /** Ends by itself after the script (never for scenario conversations). */
  autoEnd: boolean;
  assisted: boolean;
}

const SECOND = 1000;
const digitalChannels = channels.filter((c) => c !== 'voice');

/**
 * The background digital traffic: scripted customers write, conversations
 * wait in queues (some past their SLA), get assigned, agents type (a growing
 * draft, sometimes a pause with the draft kept) and send, some ask for
 * assistance. Every message and typing change is pushed as it happens.
 */
export class DigitalSimulation {
  private readonly playback = new Map<string, Playback>();
  private carry = 0;

  constructor(
    private readonly world: World,
    private readonly rng: Rng,
    private readonly routing: Routing,
    private readonly options: DigitalSimulationOptions,
  ) {}

  tick(dtMs: number): void {
    const staffed = this.routing.agents().length;
    this.carry += (staffed * this.options.chatsPerAgentHour * dtMs) / 3_600_000;
    while (this.carry >= 1) {
      this.carry -= 1;
      this.arrive();
    }
    this.route();
  }

  arrive(): Interaction {
    const script = this.rng.pick(conversationScripts);
    // Mostly the script's own channel, sometimes another, so every channel shows up with every language.
    const channel = this.rng.chance(0.3) ? this.rng.pick(digitalChannels) : script.channel;
    const ix = createConversation(this.world, { script, channel });
    const queueSla = this.world.queues.get(ix.queueId ?? '')?.slaSeconds ?? 60;
    // About one in six waits past its SLA so the SLA markers have something to show.
    const wait = this.rng.chance(0.17) ? this.rng.int(queueSla + 5, queueSla * 2) : this.rng.int(2, Math.max(3, Math.floor(queueSla * 0.8)));
    this.register(ix, script, { play: true, autoEnd: true, routeAt: this.world.now() + wait * SECOND });
    // A customer left waiting for ten minutes gives up (keeps queues bounded under load).
    const id = ix.id;
    this.world.scheduler.at(this.world.now() + 10 * 60 * SECOND, () => {
      const live = this.world.interactions.get(id);
      if (live?.state === 'pending' && !this.world.pinned.has(id)) endInteraction(this.world, live, 'Customer left while waiting');
    });
    return ix;
  }

  /** Starts tracking a conversation and posts the customer's opening lines. */
  register(ix: Interaction, script: ConversationScript, opts: { play: boolean; autoEnd: boolean; routeAt?: number }): void {
    const playback: Playback = { script, pos: 0, token: 0, routeAt: opts.routeAt ?? this.world.now(), play: opts.play, autoEnd: opts.autoEnd, assisted: false };
    this.playback.set(ix.id, playback);
    while (playback.pos < script.turns.length && script.turns[playback.pos]?.from === 'customer') {
      this.say(ix, playback, playback.pos++);
      if (!opts.play) break;
    }
    if (ix.state !== 'pending') this.resume(ix);
  }

  /** Assigns waiting conversations whose time has come to agents with capacity. */
  route(): void {
    const now = this.world.now();
    for (const [queueId, waiting] of this.world.waiting) {
      for (const id of [...waiting]) {
        const playback = this.playback.get(id);
        const ix = this.world.interactions.get(id);
        if (!playback || !ix || this.world.pinned.has(id) || playback.routeAt > now) continue;
        const agent = this.routing.findDigitalAgent(queueId);
        if (!agent) break;
        assignToAgent(this.world, ix, agent);
        this.resume(ix);
      }
    }
  }

  /** Conversations already going when the demo starts. */
  warmUp(share: number): void {
    for (const agent of this.routing.agents()) {
      if (!this.routing.hasDigitalCapacity(agent) || agent.interactionIds.length > 0 || !this.rng.chance(share)) continue;
      const ix = this.arrive();
      ix.startedAt = this.world.now() - this.rng.int(20, 400) * SECOND;
      assignToAgent(this.world, ix, agent);
      this.resume(ix);
    }
  }

  /** Called after anything changed hands (assign, transfer, release): the script carries on with whoever has it now. */
  resume(ix: Interaction): void {
    const playback = this.playback.get(ix.id);
    if (!playback) return;
    playback.token++;
    this.world.setTyping(ix.id, false, '');
    if (playback.play && ix.state !== 'pending') this.next(ix.id, playback.token);
  }

  /**
   * A pinned scenario chat joins the background: it plays its script to the end (and ends), and
   * waiting, it is routed like any other (issue 13 found 8: in the app they stalled forever).
   */
  letGo(id: string): void {
    const ix = this.world.interactions.get(id);
    const playback = this.playback.get(id);
    if (!ix || !playback || ix.state === 'ended') return;
    playback.play = true;
    playback.autoEnd = true;
    playback.routeAt = Math.min(playback.routeAt, this.world.now());
    if (ix.state !== 'pending') this.resume(ix);
  }

  forget(id: string): void {
    this.playback.delete(id);
  }

  private alive(id: string, token: number): { ix: Interaction; playback: Playback } | undefined {
    const ix = this.world.interactions.get(id);
    const playback = this.playback.get(id);
    if (!ix || !playback || ix.state === 'ended' || ix.state === 'pending' || playback.token !== token) return undefined;
    return { ix, playback };
  }

  private later(ms: number, id: string, token: number, step: (ix: Interaction, playback: Playback) => void): void {
    this.world.scheduler.at(this.world.now() + ms, () => {
      const live = this.alive(id, token);
      if (live) step(live.ix, live.playback);
    });
  }

  private next(id: string, token: number): void {
    const live = this.alive(id, token);
    if (!live) return;
    const { playback } = live;
    const turn = playback.script.turns[playback.pos];
    if (!turn) {
      if (playback.autoEnd) this.later(this.rng.int(8, 20) * SECOND, id, token, (ix) => endInteraction(this.world, ix));
      return;
    }
    if (!playback.assisted && playback.script.assistanceAtTurn === playback.pos) {
      playback.assisted = true;
      this.later(this.rng.int(2, 5) * SECOND, id, token, (ix) => {
        requestAssistance(this.world, ix);
        this.later(this.rng.int(6, 15) * SECOND, id, token, () => this.next(id, token));
      });
      return;
    }
    if (turn.from === 'customer') {
      this.later(this.rng.int(4, 15) * SECOND, id, token, (ix, p) => {
        this.say(ix, p, p.pos++);
        this.next(id, token);
      });
    } else {
      this.typeThenSend(id, token, this.rng.int(2, 5) * SECOND);
    }
  }

  /** The agent types the next line in a few steps (the draft grows), sometimes pausing, then sends it. */
  private typeThenSend(id: string, token: number, startInMs: number): void {
    const live = this.alive(id, token);
    if (!live) return;
    const text = this.render(live.ix, live.playback.script.turns[live.playback.pos]?.text ?? '');
    const steps = this.rng.int(3, 5);
    const pauseAfter = this.rng.chance(0.15) ? 2 : -1;
    let at = startInMs;
    for (let i = 1; i <= steps; i++) {
      const draft = text.slice(0, Math.ceil((text.length * i) / steps));
      this.later(at, id, token, (ix) => this.world.setTyping(ix.id, true, draft));
      at += this.rng.int(300, 800);
      if (i === pauseAfter) {
        // The agent stops typing but keeps the unsent draft (shown greyed), then goes on.
        this.later(at, id, token, (ix) => this.world.setTyping(ix.id, false, draft));
        at += this.rng.int(2, 4) * SECOND;
      }
    }
    this.later(at, id, token, (ix, p) => {
      this.say(ix, p, p.pos++);
      this.next(id, token);
    });
  }

  private say(ix: Interaction, playback: Playback, pos: number): void {
    const turn = playback.script.turns[pos];
    if (!turn) return;
    if (turn.from === 'customer') {
      this.world.addMessage(ix.id, {
        senderKind: 'customer',
        senderName: ix.customer?.name ?? playback.script.customer.name,
        text: turn.text,
        attachments: (turn.attachments ?? []).map((a) => ({ ...a })),
      });
    } else {
      this.world.setTyping(ix.id, false, '');
      this.world.addMessage(ix.id, {
        senderKind: 'agent',
        senderName: this.world.agentParticipant(ix)?.name ?? 'Agent',
        text: this.render(ix, turn.text),
        attachments: (turn.attachments ?? []).map((a) => ({ ...a })),
      });
    }
  }

  private render(ix: Interaction, text: string): string {
    const agent = this.world.agentParticipant(ix)?.name ?? 'your agent';
    return text.replaceAll('{agent}', agent.split(' ')[0] ?? agent);
  }
}
