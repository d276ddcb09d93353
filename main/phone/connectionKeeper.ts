/**
 * Keeps the phone's SIP connection up: after a drop, tries again on the
 * backoff schedule (reconnectBackoff.ts); after a resume from sleep or a
 * network change, drops the socket (it may be dead without knowing, or bound
 * to an address the machine no longer has) and connects again at once.
 *
 * No I/O and no clock of its own: the transport, timers and random source are
 * given, so tests drive it with a fake clock and a fake transport. It says
 * what it is doing through `onChange` (the status bar's "reconnecting in 4 s").
 */
import { DEFAULT_RECONNECT_POLICY, reconnectDelayMs, type BackoffPolicy } from './reconnectBackoff';
import { causeOf, reconnectsNow, type LostCause, type NetworkEvent } from './networkEvents';

export interface KeeperTransport {
  /** Open the connection (JsSIP registers once it is up). */
  connect(): void;
  /** Close it now; the transport reports `disconnected()` back. */
  drop(): void;
  isConnected(): boolean;
  isConnecting(): boolean;
}

export interface KeeperTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: KeeperTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface KeeperView {
  /** 'up': registered; 'waiting': the next attempt is at `retryAt`; 'connecting': an attempt is under way. */
  phase: 'up' | 'waiting' | 'connecting';
  /** Attempts made since the connection was lost (0 while up). */
  attempt: number;
  retryAt?: number;
  /** Why the connection went, while it is down. */
  cause?: LostCause;
  /** When the phone registered again after a loss (until the next loss). */
  recoveredAt?: number;
  /** The machine said it has no network (until it says otherwise). */
  offline: boolean;
}

export interface KeeperOptions {
  transport: KeeperTransport;
  timers?: KeeperTimers;
  random?: () => number;
  policy?: BackoffPolicy;
  onChange?: (view: KeeperView) => void;
  log?: (line: string) => void;
}

export class ConnectionKeeper {
  private view: KeeperView = { phase: 'connecting', attempt: 0, offline: false };
  private timer: unknown = null;
  /** The next loss reconnects at once (a network event dropped the socket on purpose). */
  private immediate = false;
  /** A cause a network event gave before the socket noticed (suspend, offline). */
  private pendingCause: LostCause | undefined;
  private stopped = false;
  private readonly timers: KeeperTimers;
  private readonly random: () => number;
  private readonly policy: BackoffPolicy;

  constructor(private readonly options: KeeperOptions) {
    this.timers = options.timers ?? realTimers;
    this.random = options.random ?? Math.random;
    this.policy = options.policy ?? DEFAULT_RECONNECT_POLICY;
  }

  current(): KeeperView {
    return { ...this.view };
  }

  /** The transport is up (registration follows). */
  connected(): void {
    if (this.stopped) return;
    this.clearTimer();
    if (this.view.phase === 'waiting') this.set({ phase: 'connecting', retryAt: undefined });
  }

  /** The PBX accepted the registration: up again (and, after a loss, "re-registered"). */
  registered(): void {
    if (this.stopped) return;
    this.clearTimer();
    const recovered = this.view.cause !== undefined || this.view.attempt > 0;
    this.pendingCause = undefined;
    this.set({
      phase: 'up',
      attempt: 0,
      retryAt: undefined,
      cause: undefined,
      offline: false,
      recoveredAt: recovered ? this.timers.now() : this.view.recoveredAt,
    });
  }

  /** The transport went down (or an attempt failed): try again on the schedule, or at once after a network event. */
  disconnected(): void {
    if (this.stopped) return;
    this.clearTimer();
    const cause = this.pendingCause ?? this.view.cause ?? 'connection';
    let delay: number;
    let attempt = this.view.attempt;
    if (this.immediate) {
      this.immediate = false;
      delay = 0;
    } else {
      attempt += 1;
      delay = reconnectDelayMs(attempt, this.policy, this.random);
    }
    this.set({ phase: 'waiting', attempt, cause, retryAt: this.timers.now() + delay, recoveredAt: undefined });
    this.log(`connection lost (${cause}); next attempt in ${delay} ms`);
    this.timer = this.timers.setTimeout(() => this.attemptNow(), delay);
  }

  /** The host saw the machine sleep, wake, go offline or change network. */
  network(event: NetworkEvent): void {
    if (this.stopped) return;
    const cause = causeOf(event.kind);
    this.log(`network: ${event.kind} (${event.source})`);
    if (event.kind === 'suspend') {
      // The socket dies with the sleep; say why when it is noticed.
      this.pendingCause = cause;
      return;
    }
    if (event.kind === 'offline') {
      this.pendingCause = cause;
      this.set({ offline: true, cause: this.view.phase === 'up' ? this.view.cause : cause });
      // No network: this socket cannot work any more. Retries continue on the schedule until it is back.
      if (this.options.transport.isConnected()) this.options.transport.drop();
      return;
    }
    if (!reconnectsNow(event.kind)) return;
    this.pendingCause = this.pendingCause === 'sleep' ? 'sleep' : cause;
    this.set({ offline: false, ...(this.view.phase === 'up' ? {} : { cause: this.pendingCause }) });
    // Fresh start of the schedule: the network is (likely) back now.
    this.view.attempt = 0;
    if (this.options.transport.isConnected() || this.options.transport.isConnecting()) {
      // It may still look connected but be dead, or tied to an address the machine no longer has.
      this.immediate = true;
      this.options.transport.drop();
      return;
    }
    this.clearTimer();
    this.attemptNow();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private attemptNow(): void {
    this.timer = null;
    if (this.stopped) return;
    if (this.options.transport.isConnected()) return;
    this.set({ phase: 'connecting', retryAt: undefined });
    if (!this.options.transport.isConnecting()) this.options.transport.connect();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private set(patch: Partial<KeeperView>): void {
    const next = { ...this.view, ...patch };
    for (const k of Object.keys(patch) as (keyof KeeperView)[]) if (patch[k] === undefined) delete next[k];
    this.view = next;
    this.options.onChange?.(this.current());
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}
