/**
 * Where the phone's TURN REST credentials come from while the settings say
 * so: follows the credentials URL and the SIP user (a change starts over, an
 * empty URL stops), keeps a TurnRestRefresher running, and gives iceConfigFrom
 * what it needs. The seat never holds the TURN shared secret.
 */
import type { IceSettings } from './iceConfig';
import { fetchTurnCredentials } from './turnRest';
import { TurnRestRefresher } from './turnRestRefresher';

export interface TurnRestSourceDeps {
  /** The setting (phone.turnCredentialsUrl); '' = not used (also in demo mode). */
  url(): string;
  /** The SIP user (sip:7001@pbx → 7001), sent as the service's username parameter. */
  sipUser(): string;
  /** The CAs to trust for the service (the same as wss://). */
  ca(): Promise<string[] | undefined>;
  /** Each new problem ('' when fixed). */
  onProblem(problem: string): void;
  now?: () => number;
  timeoutMs?: number;
}

export class TurnRestSource {
  private running: { key: string; url: string; refresher: TurnRestRefresher } | undefined;

  constructor(private readonly deps: TurnRestSourceDeps) {}

  /** Call when settings may have changed; resolves once a (re)started fetch has its first answer. */
  async follow(): Promise<void> {
    const url = this.deps.url();
    const user = this.deps.sipUser().replace(/^sips?:/, '').split('@')[0] ?? '';
    const key = JSON.stringify([url, user]);
    if (this.running?.key === key) return;
    this.stop();
    if (!url) return;
    const now = this.deps.now ?? Date.now;
    const refresher = new TurnRestRefresher({
      fetch: async () => fetchTurnCredentials(url, { user, now, ca: await this.deps.ca(), ...(this.deps.timeoutMs ? { timeoutMs: this.deps.timeoutMs } : {}) }),
      now,
      onProblem: (p) => this.deps.onProblem(p),
    });
    this.running = { key, url, refresher };
    await refresher.start();
  }

  stop(): void {
    this.running?.refresher.stop();
    this.running = undefined;
  }

  /** The part of IceSettings TURN REST decides (nothing when no URL is set). */
  ice(): Pick<IceSettings, 'turnRest' | 'turnRestUrl'> {
    if (!this.running) return {};
    const c = this.running.refresher.current();
    return { turnRestUrl: this.running.url, ...(c ? { turnRest: { username: c.username, credential: c.credential, uris: c.uris } } : {}) };
  }
}
