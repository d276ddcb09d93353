import * as net from 'node:net';
import * as tls from 'node:tls';
import { AmiFrameParser, truncateForLog, type AmiFields } from './amiFrameParser';
import { realTimers, type Timers } from './timers';

/**
 * One Asterisk Manager Interface connection: TCP (or TLS), the banner, Login,
 * actions correlated by ActionID, list actions that end with a
 * `…Complete` event, and a Ping keepalive. One object per connection: when it
 * closes, the connector makes a new one (reconnect and resync live there).
 *
 * Only read actions are ever sent by Spyglass; the client itself does not
 * care, but it refuses field values with line breaks (a value cannot inject a
 * second action).
 */

export type AmiErrorKind = 'network' | 'auth' | 'timeout' | 'protocol' | 'refused';

export class AmiError extends Error {
  constructor(
    readonly kind: AmiErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'AmiError';
  }
}

export interface AmiEndpoint {
  host: string;
  port: number;
  tls: boolean;
}

export interface AmiClientOptions extends AmiEndpoint {
  username: string;
  secret: string;
  timers?: Timers;
  /** Opens the byte stream; default net/tls. Tests may hand in any socket. */
  openSocket?: (endpoint: AmiEndpoint) => net.Socket;
  /** Connect + banner + login, and each action's reply. Default 10 s. */
  timeoutMs?: number;
  /** A Ping after this much time; no reply within timeoutMs = the connection is dead. Default 20 s. */
  keepaliveMs?: number;
  log?: (line: string) => void;
}

export interface AmiListResult {
  response: AmiFields;
  /** The list's items (not the final …Complete event); empty when onItem took them. */
  items: AmiFields[];
  complete: AmiFields;
}

interface Pending {
  kind: 'action' | 'list';
  name: string;
  resolve: (value: AmiFields | AmiListResult) => void;
  reject: (error: AmiError) => void;
  timer: unknown;
  response?: AmiFields;
  items: AmiFields[];
  onItem?: (item: AmiFields) => void;
}

/** At most this many list items are collected in memory (a list with onItem has no limit). */
const MAX_COLLECTED_ITEMS = 100_000;

const defaultOpenSocket = (e: AmiEndpoint): net.Socket =>
  e.tls ? tls.connect({ host: e.host, port: e.port, servername: net.isIP(e.host) ? undefined : e.host }) : net.connect({ host: e.host, port: e.port });

export class AmiClient {
  private readonly timers: Timers;
  private readonly timeoutMs: number;
  private readonly keepaliveMs: number;
  private readonly log: (line: string) => void;
  private readonly parser: AmiFrameParser;
  private readonly pending = new Map<string, Pending>();
  private readonly eventListeners = new Set<(event: AmiFields) => void>();
  private readonly closeListeners = new Set<(error: AmiError) => void>();
  private nextId = 1;
  private keepaliveTimer: unknown;
  private closed: AmiError | undefined;
  private bannerWaiter: ((banner: string) => void) | undefined;
  /** The banner's version, e.g. "Asterisk Call Manager/9.0.0". */
  banner = '';

  private constructor(
    private readonly socket: net.Socket,
    options: AmiClientOptions,
  ) {
    this.timers = options.timers ?? realTimers;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.keepaliveMs = options.keepaliveMs ?? 20_000;
    this.log = options.log ?? (() => {});
    this.parser = new AmiFrameParser((m) => this.log(m));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.onData(chunk));
    socket.on('error', (e) => this.shutdown(new AmiError('network', describeSocketError(e, options))));
    socket.on('close', () => this.shutdown(new AmiError('network', 'Asterisk closed the manager connection.')));
  }

  /**
   * Connects, waits for the banner and logs in. Rejects with an AmiError that
   * says what to do (wrong secret, nothing listening, not an AMI port, timeout).
   */
  static async connect(options: AmiClientOptions): Promise<AmiClient> {
    const timers = options.timers ?? realTimers;
    const timeoutMs = options.timeoutMs ?? 10_000;
    const socket = (options.openSocket ?? defaultOpenSocket)(options);
    const client = new AmiClient(socket, options);
    const where = `${options.host}:${options.port}`;
    let timer: unknown;
    const deadline = new Promise<never>((_, reject) => {
      timer = timers.setTimeout(() => {
        const error = new AmiError('timeout', `No answer from the Asterisk manager at ${where} within ${Math.round(timeoutMs / 1000)} s. Check asterisk.host, asterisk.port and any firewall in between.`);
        client.shutdown(error);
        reject(error);
      }, timeoutMs);
    });
    const closed = client.closedPromise();
    // Both only matter while racing below; later they must not be "unhandled".
    deadline.catch(() => undefined);
    closed.catch(() => undefined);
    try {
      const banner = await Promise.race([client.waitForBanner(), deadline, closed]);
      if (!banner.startsWith('Asterisk Call Manager')) {
        throw new AmiError('protocol', `${where} is not an Asterisk manager port (it said: ${truncateForLog(banner, 60)}). Check asterisk.port (usually 5038, or 5039 with TLS).`);
      }
      await Promise.race([
        client.action('Login', { Username: options.username, Secret: options.secret, Events: 'on' }).catch((e: AmiError) => {
          throw e.kind === 'refused'
            ? new AmiError('auth', `Asterisk refused the manager login for “${options.username}” (${e.message}). Check asterisk.user and the AMI secret, and that manager.conf permits this computer's address.`)
            : e;
        }),
        deadline,
        closed,
      ]);
      client.scheduleKeepalive();
      return client;
    } catch (e) {
      const error = e instanceof AmiError ? e : new AmiError('protocol', (e as Error).message);
      client.shutdown(error);
      throw error.kind === 'network' && error.message.startsWith('Asterisk closed')
        ? new AmiError('network', `Asterisk closed the manager connection at ${where} before login finished. Check that manager.conf permits this computer's address (permit=) and that the AMI user exists.`)
        : error;
    } finally {
      timers.clearTimeout(timer);
    }
  }

  onEvent(listener: (event: AmiFields) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Called once, with why the connection ended (also after close()). */
  onClose(listener: (error: AmiError) => void): () => void {
    if (this.closed) {
      const error = this.closed;
      queueMicrotask(() => listener(error));
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  get isOpen(): boolean {
    return this.closed === undefined;
  }

  /** One action, one response. Rejects with kind 'refused' on `Response: Error`. */
  action(name: string, fields: Record<string, string> = {}): Promise<AmiFields> {
    return this.send('action', name, fields) as Promise<AmiFields>;
  }

  /**
   * A list action (QueueStatus, CoreShowChannels, BridgeList, …): the
   * response, then events with our ActionID, then the one named `…Complete`
   * (or carrying `EventList: Complete`). With onItem, items are handed over
   * in stream order, interleaved correctly with live events.
   */
  list(name: string, fields: Record<string, string> = {}, onItem?: (item: AmiFields) => void): Promise<AmiListResult> {
    return this.send('list', name, fields, onItem) as Promise<AmiListResult>;
  }

  close(): void {
    this.shutdown(new AmiError('network', 'The manager connection was closed by Spyglass.'));
  }

  // ---- internals ----------------------------------------------------------

  private send(kind: Pending['kind'], name: string, fields: Record<string, string>, onItem?: (item: AmiFields) => void): Promise<unknown> {
    if (this.closed) return Promise.reject(this.closed);
    const lines = [`Action: ${name}`];
    for (const [k, v] of Object.entries({ ...fields })) {
      if (/[\r\n]/.test(k) || /[\r\n]/.test(v) || k.includes(':')) {
        return Promise.reject(new AmiError('protocol', `The ${name} field ${truncateForLog(k, 40)} contains a line break or colon`));
      }
      lines.push(`${k}: ${v}`);
    }
    const actionId = `spyglass-${this.nextId++}`;
    lines.push(`ActionID: ${actionId}`);
    return new Promise((resolve, reject) => {
      const pending: Pending = { kind, name, resolve, reject, timer: undefined, items: [], ...(onItem ? { onItem } : {}) };
      this.pending.set(actionId, pending);
      this.armTimeout(actionId, pending);
      this.socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
  }

  private waitForBanner(): Promise<string> {
    if (this.banner) return Promise.resolve(this.banner);
    return new Promise((resolve) => {
      this.bannerWaiter = resolve;
    });
  }

  private closedPromise(): Promise<never> {
    return new Promise((_, reject) => this.closeListeners.add(reject));
  }

  private onData(chunk: string): void {
    for (const parsed of this.parser.push(chunk)) {
      if (this.closed) return;
      if (parsed.kind === 'banner') {
        this.banner = parsed.text;
        this.bannerWaiter?.(parsed.text);
        continue;
      }
      try {
        this.onFrame(parsed.fields);
      } catch (e) {
        // A listener's bug must not take the connection down.
        this.log(`AMI frame handling failed: ${truncateForLog((e as Error).message)}`);
      }
    }
  }

  private onFrame(frame: AmiFields): void {
    const actionId = frame.ActionID;
    const pending = actionId !== undefined ? this.pending.get(actionId) : undefined;
    if (frame.Response !== undefined) {
      if (!pending) return; // A reply to nothing we asked (or already timed out).
      if (frame.Response === 'Error') {
        this.settle(actionId!, pending);
        pending.reject(new AmiError('refused', frame.Message ?? 'Error'));
        return;
      }
      if (pending.kind === 'action') {
        this.settle(actionId!, pending);
        pending.resolve(frame);
        return;
      }
      pending.response = frame;
      this.armTimeout(actionId!, pending);
      // Some lists answer "no entries" in the response itself (EventList: Complete).
      if (frame.EventList === 'Complete') {
        this.settle(actionId!, pending);
        pending.resolve({ response: frame, items: pending.items, complete: frame });
      }
      return;
    }
    if (frame.Event === undefined) return;
    if (pending?.kind === 'list') {
      if (frame.Event.endsWith('Complete') || frame.EventList === 'Complete') {
        this.settle(actionId!, pending);
        pending.resolve({ response: pending.response ?? frame, items: pending.items, complete: frame });
        return;
      }
      // A long list is fine as long as it keeps coming: the timeout counts silence.
      this.armTimeout(actionId!, pending);
      if (pending.onItem) pending.onItem(frame);
      else if (pending.items.length < MAX_COLLECTED_ITEMS) pending.items.push(frame);
      return;
    }
    for (const listener of this.eventListeners) listener(frame);
  }

  private armTimeout(actionId: string, pending: Pending): void {
    this.timers.clearTimeout(pending.timer);
    pending.timer = this.timers.setTimeout(() => {
      this.pending.delete(actionId);
      const error = new AmiError('timeout', `Asterisk did not answer ${pending.name} within ${Math.round(this.timeoutMs / 1000)} s.`);
      pending.reject(error);
      // A manager that stops answering is as good as gone: reconnect.
      this.shutdown(error);
    }, this.timeoutMs);
  }

  private settle(actionId: string, pending: Pending): void {
    this.timers.clearTimeout(pending.timer);
    this.pending.delete(actionId);
  }

  private scheduleKeepalive(): void {
    if (this.closed) return;
    this.keepaliveTimer = this.timers.setTimeout(() => {
      // A Ping that times out shuts the connection down (see send()).
      this.action('Ping').then(
        () => this.scheduleKeepalive(),
        () => undefined,
      );
    }, this.keepaliveMs);
  }

  private shutdown(error: AmiError): void {
    if (this.closed) return;
    this.closed = error;
    this.timers.clearTimeout(this.keepaliveTimer);
    for (const [id, p] of this.pending) {
      this.timers.clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(error);
    }
    this.parser.reset();
    this.socket.destroy();
    for (const listener of [...this.closeListeners]) listener(error);
    this.closeListeners.clear();
    this.eventListeners.clear();
  }
}

function describeSocketError(e: Error, where: AmiEndpoint): string {
  const code = (e as NodeJS.ErrnoException).code;
  const at = `${where.host}:${where.port}`;
  switch (code) {
    case 'ECONNREFUSED':
      return `Nothing accepts manager connections at ${at}. Check that Asterisk runs, that manager.conf has enabled = yes and the port (asterisk.port).`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The Asterisk host ${where.host} was not found. Check asterisk.host.`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `The Asterisk host ${at} cannot be reached. Check the network or VPN.`;
    case 'ECONNRESET':
      return `The manager connection to ${at} was reset.`;
    default:
      if (where.tls && /certificate|self.signed|SSL|TLS/i.test(e.message)) {
        return `The TLS connection to ${at} was refused: ${truncateForLog(e.message, 100)}. Check the server certificate, or turn asterisk.tls off for a plain connection.`;
      }
      return `The manager connection to ${at} failed: ${truncateForLog(e.message, 100)}.`;
  }
}
