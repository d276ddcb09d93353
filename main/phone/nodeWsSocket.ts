/**
 * JsSIP.Socket on top of the `ws` package (JsSIP's `sockets` option), so no
 * global WebSocket is needed. Handles ws:// and wss://; TLS and connection
 * errors are kept in `lastError` so the softphone can say what went wrong
 * ("Certificate refused: ...") instead of a bare disconnect.
 */
import WebSocket from 'ws';
import { probeServerCertificate, type PeerCertificateInfo } from './tls/certificateProbe';
import type { TrustAdvice } from './tls/certificateProblem';
import { withJsSipWindow } from './webrtcShim';

export interface SocketErrorInfo {
  /** Node/OpenSSL error code, e.g. ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID. */
  code: string;
  message: string;
  at: number;
  /** A refused certificate: what the server presented (read by a second, handshake-only connection). */
  certificate?: PeerCertificateInfo | null;
  /** The trust setup in use, for what IT must do (policy path, a CA file that could not be used). */
  trust?: TrustAdvice;
}

/** Node/OpenSSL codes that mean the server's certificate was refused (not a network error). */
export const CERTIFICATE_ERROR = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME|HOSTNAME_MISMATCH/i;

export interface NodeWsSocketOptions {
  /** Verify the server certificate (wss://). Only a lab may turn this off. */
  rejectUnauthorized?: boolean;
  /** The CA certificates (PEM) trusted for wss:// — replaces Node's defaults (see tls/trustStore.ts: bundled + OS + policy). */
  ca?: string | string[];
  /** Said with a refused certificate (what IT must do). */
  trust?: TrustAdvice;
  /** How long reading a refused certificate may take before the disconnect is reported without it. */
  certificateProbeMs?: number;
  /** Keep a copy of every message sent and received (tests, diagnostics). */
  keepWireLog?: boolean;
  handshakeTimeoutMs?: number;
  /**
   * A WebSocket ping every this many ms (default 10 000; 0 = none); a connection
   * that has not answered the previous one is dropped. A network that dies
   * silently (a NAT that forgot the mapping, a cable pulled at the far end)
   * sends no reset: without this the phone would learn of it only when its
   * next REGISTER or INFO timed out, minutes later (issue 17 item 3).
   */
  keepaliveMs?: number;
}

/** Default ping interval: a silent connection is noticed within two of these. */
export const WS_KEEPALIVE_MS = 10_000;

export class NodeWsSocket {
  onconnect: () => void = () => undefined;
  ondisconnect: (error: boolean, code?: number, reason?: string) => void = () => undefined;
  ondata: (data: string) => void = () => undefined;

  readonly sent: string[] = [];
  readonly received: string[] = [];
  lastError: SocketErrorInfo | null = null;

  private viaTransport: string;
  private readonly sipUri: string;
  private ws: WebSocket | null = null;

  constructor(
    private readonly wsUrl: string,
    private readonly options: NodeWsSocketOptions = {},
  ) {
    const u = new URL(wsUrl);
    if (u.protocol !== 'ws:' && u.protocol !== 'wss:') throw new Error(`Not a WebSocket URL: ${wsUrl}`);
    this.viaTransport = u.protocol === 'wss:' ? 'WSS' : 'WS';
    const host = u.hostname.includes(':') && !u.hostname.startsWith('[') ? `[${u.hostname}]` : u.hostname;
    this.sipUri = `sip:${host}${u.port ? ':' + u.port : ''};transport=ws`;
  }

  get via_transport(): string {
    return this.viaTransport;
  }
  set via_transport(v: string) {
    this.viaTransport = String(v).toUpperCase();
  }
  get url(): string {
    return this.wsUrl;
  }
  get sip_uri(): string {
    return this.sipUri;
  }

  connect(): void {
    if (this.isConnected() || this.isConnecting()) return;
    if (this.ws) this.disconnect();
    const ws = new WebSocket(this.wsUrl, 'sip', {
      rejectUnauthorized: this.options.rejectUnauthorized ?? true,
      ca: this.options.ca,
      handshakeTimeout: this.options.handshakeTimeoutMs ?? 5000,
    });
    this.ws = ws;
    ws.on('open', () => {
      this.lastError = null;
      this.keepAlive(ws);
      this.onconnect();
    });
    // A refused certificate: read what the server presented before the disconnect is reported, so the error can name it.
    let probing: Promise<void> | null = null;
    ws.on('error', (err: Error & { code?: string }) => {
      const error: SocketErrorInfo = { code: err.code ?? 'ERROR', message: err.message, at: Date.now(), ...(this.options.trust ? { trust: this.options.trust } : {}) };
      this.lastError = error;
      if (this.wsUrl.startsWith('wss:') && CERTIFICATE_ERROR.test(error.code)) {
        probing = probeServerCertificate(this.wsUrl, this.options.certificateProbeMs ?? 3000).then((certificate) => {
          error.certificate = certificate;
        });
      }
    });
    ws.on('unexpected-response', (_req, res) => {
      this.lastError = { code: `HTTP_${res.statusCode}`, message: `server answered the WebSocket upgrade with HTTP ${res.statusCode}`, at: Date.now() };
      ws.terminate();
    });
    ws.on('close', (code, reason) => {
      if (this.ws !== ws) return;
      const report = () => {
        if (this.ws !== ws) return;
        this.ws = null;
        this.ondisconnect(code !== 1000, code, reason.toString());
      };
      if (probing) void probing.then(report);
      else report();
    });
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString();
      if (this.options.keepWireLog) this.received.push(text);
      // JsSIP checks window.RTCPeerConnection while handling an incoming INVITE.
      withJsSipWindow(() => this.ondata(text));
    });
  }

  /** Pings `ws` until it closes; no pong since the last ping: terminate, reported as a lost connection. */
  private keepAlive(ws: WebSocket): void {
    const every = this.options.keepaliveMs ?? WS_KEEPALIVE_MS;
    if (every <= 0) return;
    let answered = true;
    ws.on('pong', () => (answered = true));
    const timer = setInterval(() => {
      if (ws.readyState !== WebSocket.OPEN) return clearInterval(timer);
      if (!answered) {
        clearInterval(timer);
        this.lastError = { code: 'KEEPALIVE_TIMEOUT', message: `the server stopped answering WebSocket pings (none for ${every} ms)`, at: Date.now() };
        ws.terminate();
        return;
      }
      answered = false;
      ws.ping();
    }, every);
    timer.unref?.();
    ws.once('close', () => clearInterval(timer));
  }

  disconnect(): void {
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else ws.close();
    }
  }

  send(message: string | ArrayBufferLike | ArrayBufferView): boolean {
    if (!this.ws || !this.isConnected()) return false;
    if (this.options.keepWireLog) this.sent.push(String(message));
    this.ws.send(message as string);
    return true;
  }

  isConnected(): boolean {
    return !!this.ws && this.ws.readyState === WebSocket.OPEN;
  }
  isConnecting(): boolean {
    return !!this.ws && this.ws.readyState === WebSocket.CONNECTING;
  }
}
