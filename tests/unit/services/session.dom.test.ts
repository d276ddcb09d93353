/**
 * The page's startup against main (renderer/src/services/session.ts), driven through a fake of the
 * preload api whose answers and pushed events the test releases one by one, in the orders main's
 * one ordered channel can deliver them.
 *
 * What a supervisor would notice: a chat that starts (or changes) while the page is still loading
 * must be in the Chats list once loading is over. The first snapshot used to be applied only
 * after the other startup answers, so a delta that came in between was overwritten by that older
 * snapshot and the chat stayed missing until it changed again.
 *
 * `.dom.test.ts`: session.ts reads DOM types, so this file is type-checked by tsconfig.tests.json
 * (DOM + Node) instead of tsconfig.node.json.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  commandNames,
  eventNames,
  type CommandName,
  type CommandRequest,
  type CommandResponse,
  type EventName,
  type EventPayload,
  type InteractionView,
  type Result,
  type Snapshot,
  type SpyglassApi,
} from '../../../preload/contract';

type Answer<C extends CommandName> = (result: Result<CommandResponse<C>>) => void;
type PendingAnswers = { [C in CommandName]: Answer<C>[] };
type Listeners = { [E in EventName]: Array<(payload: EventPayload<E>) => void> };

/** One empty list per channel of the contract (the one cast: Object.fromEntries cannot type a mapped type). */
const emptyListsFor = <T>(names: readonly string[]): T => Object.fromEntries(names.map((name) => [name, []])) as T;

/** Main as the page sees it through preload: commands wait until the test answers them; events come when the test pushes them. */
class FakeMain implements SpyglassApi {
  private readonly pending = emptyListsFor<PendingAnswers>(commandNames);
  private readonly listeners = emptyListsFor<Listeners>(eventNames);

  invoke<C extends CommandName>(channel: C, _payload: CommandRequest<C>): Promise<Result<CommandResponse<C>>> {
    const answers: Answer<C>[] = this.pending[channel];
    return new Promise((resolve) => answers.push(resolve));
  }

  on<E extends EventName>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
    const list: Array<(payload: EventPayload<E>) => void> = this.listeners[channel];
    list.push(listener);
    return () => {
      const at = list.indexOf(listener);
      if (at >= 0) list.splice(at, 1);
    };
  }

  /** True while the page waits for an answer on `channel`. */
  asked(channel: CommandName): boolean {
    return this.pending[channel].length > 0;
  }

  /** Answers the oldest request on `channel`; resolves once the page has handled the answer (and what it awaited next). */
  async answer<C extends CommandName>(channel: C, value: CommandResponse<C>): Promise<void> {
    const answers: Answer<C>[] = this.pending[channel];
    const resolve = answers.shift();
    if (!resolve) throw new Error(`The page has not asked for ${channel}.`);
    resolve({ ok: true, value });
    await pageHandled();
  }

  /** An event main sends to this screen. */
  push<E extends EventName>(channel: E, payload: EventPayload<E>): void {
    const list: Array<(payload: EventPayload<E>) => void> = this.listeners[channel];
    for (const listener of [...list]) listener(payload);
  }
}

/** Every promise continuation queued so far has run (a real turn of the event loop; the frame batch's fallback timer is faked). */
const pageHandled = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The page's animation frames, run when the test says a frame renders. */
function manualFrames() {
  let frames: Array<() => void> = [];
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
  return {
    render() {
      const due = frames;
      frames = [];
      for (const run of due) run();
    },
  };
}

const chat = (id: string, extra: Partial<InteractionView> = {}): InteractionView => ({
  id,
  channel: 'chat',
  state: 'connected',
  startedAt: 1_000,
  monitorable: true,
  participants: [],
  assistanceRequested: false,
  supervisorsInvolved: [],
  participantActions: {},
  slaMissed: false,
  supervisedByMe: false,
  ...extra,
});

const snapshotAt = (at: number, interactions: InteractionView[]): Snapshot => ({
  at,
  supervisor: { id: 's1', name: 'Morgan Lee', status: 'Available', permissions: [] },
  agents: [],
  queues: [],
  interactions,
  connector: { name: 'demo', state: 'online' },
});

/** The answers after the snapshot, in the order the page asks for them. */
async function answerTheRestOfStartup(main: FakeMain): Promise<void> {
  await main.answer('config:get', { values: {}, locked: [], policyPath: '/etc/spyglass/policy.json' });
  await main.answer('notices:list', []);
  await main.answer('cache:status', { mode: 'online', available: true, lastWriteAt: null, interactions: 0, messages: 0, warnings: [] });
  await main.answer('alerts:list', { alerts: [], unacknowledged: 0, wantedLocks: [], desktopNotifications: false });
  await main.answer('phone:status', { registration: 'registered', monitor: null });
}

async function startPage(main: FakeMain) {
  // The Electron page: preload's `window.spyglass`, connected from the start.
  vi.stubGlobal('window', Object.assign(new EventTarget(), { spyglass: main }));
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  const { startSession } = await import('../../../renderer/src/services/session');
  const store = await import('../../../renderer/src/store');
  const { selectDigitalInteractions } = await import('../../../renderer/src/store/live/selectors');
  startSession();
  return {
    /** The Chats list: id and whether it shows the assistance flag. */
    chats: () =>
      selectDigitalInteractions(store.useStore.getState().live)
        .map((i) => `${i.id}${i.assistanceRequested ? ' (assistance)' : ''}`)
        .sort(),
    state: () => store.useStore.getState(),
  };
}

describe('page startup: the first snapshot and the deltas around it', () => {
  beforeEach(() => {
    // A fresh store and session module per test; the frame batch's 100 ms fallback timer never fires on its own.
    vi.resetModules();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('a chat that starts, and a flag raised, after the snapshot arrived but while the other startup answers are pending stay in the Chats list', async () => {
    const main = new FakeMain();
    const frames = manualFrames();
    const page = await startPage(main);
    expect(main.asked('session:snapshot')).toBe(true);

    await main.answer('session:snapshot', snapshotAt(2_000, [chat('chat-1')]));
    // Main's next tick: a new chat, and an assistance request on the first one.
    main.push('session:delta', { at: 2_100, interactions: [chat('chat-2'), chat('chat-1', { assistanceRequested: true })] });
    frames.render();
    expect(main.asked('config:get')).toBe(true);

    await answerTheRestOfStartup(main);
    frames.render();

    expect(page.state().config.view).toBeDefined(); // startup ran to its end
    expect(page.state().live.loaded).toBe(true);
    expect(page.chats()).toEqual(['chat-1 (assistance)', 'chat-2']);
  });

  it('the same when the delta is still waiting for its frame when the startup answers come in', async () => {
    const main = new FakeMain();
    const frames = manualFrames();
    const page = await startPage(main);

    await main.answer('session:snapshot', snapshotAt(2_000, [chat('chat-1')]));
    main.push('session:delta', { at: 2_100, interactions: [chat('chat-2')] });
    await answerTheRestOfStartup(main);
    frames.render();

    expect(page.state().config.view).toBeDefined();
    expect(page.chats()).toEqual(['chat-1', 'chat-2']);
  });

  // Main computes the snapshot when it handles the request and answers on the same ordered channel
  // as its events: a delta that arrives before the answer was sent before the snapshot was taken, so
  // the snapshot already holds it and is the newer picture. The delta must not be replayed over it.
  it.each([
    ['rendered before the snapshot arrives', true],
    ['still waiting for its frame when the snapshot arrives', false],
  ])('a delta that arrives before the snapshot answer (%s) gives way to the newer snapshot', async (_when, renderBetween) => {
    const main = new FakeMain();
    const frames = manualFrames();
    const page = await startPage(main);

    main.push('session:delta', { at: 1_900, interactions: [chat('chat-1', { assistanceRequested: true }), chat('chat-2')] });
    if (renderBetween) frames.render();
    // By the time main took the snapshot, the flag was cleared and chat-2 had gone; chat-3 had started.
    await main.answer('session:snapshot', snapshotAt(2_000, [chat('chat-1'), chat('chat-3')]));
    frames.render();
    await answerTheRestOfStartup(main);
    frames.render();

    expect(page.state().live.loaded).toBe(true);
    expect(page.chats()).toEqual(['chat-1', 'chat-3']);
  });
});
