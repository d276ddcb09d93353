/**
 * A JsSIP socket that talks to an in-process SIP endpoint instead of the
 * network (the demo PBX, unit tests). Delivery is asynchronous, like a real
 * WebSocket, so JsSIP's re-entrancy assumptions hold.
 */
import { withJsSipWindow } from '../webrtcShim';

export interface InProcessEndpoint {
  /** A message from the JsSIP side. `reply` sends back on the same connection. */
  receive(message: string, reply: (message: string) => void, connection: InProcessSocket): void;
  /** The connection opened or closed (for dialog clean-up). */
  connected?(connection: InProcessSocket): void;
  disconnected?(connection: InProcessSocket): void;
}

export class InProcessSocket {
  onconnect: () => void = () => undefined;
  ondisconnect: (error: boolean, code?: number, reason?: string) => void = () => undefined;
  ondata: (data: string) => void = () => undefined;
  lastError: { code: string; message: string; at: number } | null = null;
  readonly sent: string[] = [];
  readonly received: string[] = [];
  private viaTransport = 'WS';
  private open = false;
  private connecting = false;
  /** While set, connect() fails like an unreachable server (tests: transport drop). */
  refuseConnections = false;

  constructor(
    private readonly endpoint: InProcessEndpoint,
    private readonly host = 'demo-pbx.invalid',
  ) {}

  get via_transport(): string {
    return this.viaTransport;
  }
  set via_transport(v: string) {
    this.viaTransport = String(v).toUpperCase();
  }
  get url(): string {
    return `ws://${this.host}`;
  }
  get sip_uri(): string {
    return `sip:${this.host};transport=ws`;
  }

  connect(): void {
    if (this.open || this.connecting) return;
    this.connecting = true;
    setImmediate(() => {
      this.connecting = false;
      if (this.refuseConnections) {
        this.lastError = { code: 'ECONNREFUSED', message: 'in-process endpoint refused the connection', at: Date.now() };
        this.ondisconnect(true, 1006, 'refused');
        return;
      }
      this.open = true;
      this.endpoint.connected?.(this);
      this.onconnect();
    });
  }

  disconnect(): void {
    if (!this.open) return;
    this.open = false;
    this.endpoint.disconnected?.(this);
    setImmediate(() => this.ondisconnect(false, 1000, 'closed'));
  }

  /** Simulate the transport dropping (server restart, network loss). */
  drop(): void {
    if (!this.open) return;
    this.open = false;
    this.lastError = { code: 'ECONNRESET', message: 'connection dropped', at: Date.now() };
    this.endpoint.disconnected?.(this);
    setImmediate(() => this.ondisconnect(true, 1006, 'dropped'));
  }

  send(message: string): boolean {
    if (!this.open) return false;
    const text = String(message);
    this.sent.push(text);
    setImmediate(() => {
      if (this.open) this.endpoint.receive(text, (m) => this.deliver(m), this);
    });
    return true;
  }

  /** Push a message from the endpoint to JsSIP. */
  deliver(message: string): void {
    setImmediate(() => {
      if (!this.open) return;
      this.received.push(message);
      withJsSipWindow(() => this.ondata(message));
    });
  }

  isConnected(): boolean {
    return this.open;
  }
  isConnecting(): boolean {
    return this.connecting;
  }
}
