import { readFileSync } from 'node:fs';
import * as net from 'node:net';
import { AmiFrameParser, type AmiFields } from '../../../main/contact-center/asterisk/amiFrameParser';

/**
 * A small AMI server for tests that replays traffic recorded from a real
 * Asterisk (tests/fixtures/asterisk/*.jsonl: one JSON line per chunk,
 * `{"t": ms, "dir": "rx"|"tx", "data": "..."}`, rx = Asterisk -> client).
 *
 * It sends the recorded banner, answers each action the client sends with
 * the recorded response (and list events) of the next unused recorded action
 * of the same name, its ActionID rewritten to the client's — so Login gets
 * the recorded success or failure (a failed login is followed by a close, as
 * Asterisk does). The recorded unsolicited events are pushed only when the
 * test says so (`push…`), in recorded order, so it can look at the state in
 * between. 127.0.0.1 only, port 0.
 */

export interface RecordedChunk {
  t: number;
  dir: 'rx' | 'tx';
  data: string;
}

interface RecordedAction {
  name: string;
  /** Response and list events, in order, as Asterisk sent them. */
  reply: AmiFields[];
  used: boolean;
}

export interface Recording {
  banner: string;
  actions: RecordedAction[];
  /** Events that answered no action, in recorded order. */
  events: AmiFields[];
}

export function loadRecording(file: string): Recording {
  const chunks = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as RecordedChunk);
  return parseRecording(chunks);
}

export function parseRecording(chunks: RecordedChunk[]): Recording {
  const rx = new AmiFrameParser();
  const tx = new AmiFrameParser(() => {}, {}, { expectBanner: false });
  let banner = '';
  const actions: RecordedAction[] = [];
  const byId = new Map<string, RecordedAction>();
  const events: AmiFields[] = [];
  for (const chunk of chunks) {
    if (chunk.dir === 'tx') {
      for (const p of tx.push(chunk.data)) {
        if (p.kind !== 'frame' || !p.fields.Action) continue;
        const action: RecordedAction = { name: p.fields.Action.toLowerCase(), reply: [], used: false };
        actions.push(action);
        if (p.fields.ActionID) byId.set(p.fields.ActionID, action);
      }
      continue;
    }
    for (const p of rx.push(chunk.data)) {
      if (p.kind === 'banner') {
        banner = p.text;
        continue;
      }
      const owner = p.fields.ActionID !== undefined ? byId.get(p.fields.ActionID) : undefined;
      if (owner) owner.reply.push(p.fields);
      else if (p.fields.Event !== undefined) events.push(p.fields);
    }
  }
  return { banner, actions, events };
}

const serialize = (fields: AmiFields): string =>
  Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('') + '\r\n';

export class AmiReplayServer {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private next = 0;
  /** Actions the clients sent (names), in order. */
  readonly received: AmiFields[] = [];
  port = 0;
  /** Set to refuse new connections (simulating Asterisk being down). */
  refusing = false;

  constructor(private recording: Recording) {
    this.server = net.createServer((socket) => this.accept(socket));
  }

  static async start(recording: Recording): Promise<AmiReplayServer> {
    const s = new AmiReplayServer(recording);
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    s.port = (s.server.address() as net.AddressInfo).port;
    return s;
  }

  /** Later connections are answered from this recording (e.g. the state after a reconnect). */
  useRecording(recording: Recording): void {
    this.recording = recording;
    this.next = 0;
  }

  get eventCount(): number {
    return this.recording.events.length;
  }

  get pushed(): number {
    return this.next;
  }

  /** Pushes recorded events up to and including the first (from the current position) that matches; returns it. */
  pushUntil(match: (event: AmiFields) => boolean): AmiFields {
    for (let i = this.next; i < this.recording.events.length; i++) {
      if (match(this.recording.events[i]!)) {
        this.pushTo(i + 1);
        return this.recording.events[i]!;
      }
    }
    throw new Error(`No further recorded event matches (pushed ${this.next} of ${this.recording.events.length})`);
  }

  /** Sends one event that is not in the recording (e.g. a Reload). */
  inject(event: AmiFields): void {
    for (const s of this.sockets) s.write(serialize(event));
  }

  pushAll(): void {
    this.pushTo(this.recording.events.length);
  }

  /** Drops every client connection at once (a network failure, an Asterisk restart). */
  dropConnections(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private pushTo(end: number): void {
    const text = this.recording.events.slice(this.next, end).map(serialize).join('');
    this.next = end;
    for (const s of this.sockets) s.write(text);
  }

  private accept(socket: net.Socket): void {
    if (this.refusing) {
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    socket.write(`${this.recording.banner}\r\n`);
    const parser = new AmiFrameParser(() => {}, {}, { expectBanner: false });
    socket.on('data', (chunk: string) => {
      for (const p of parser.push(chunk)) if (p.kind === 'frame' && p.fields.Action) this.answer(socket, p.fields);
    });
  }

  private answer(socket: net.Socket, action: AmiFields): void {
    this.received.push(action);
    const name = action.Action!.toLowerCase();
    const id = action.ActionID;
    const candidates = this.recording.actions.filter((a) => a.name === name && a.reply.length > 0);
    const recorded = candidates.find((a) => !a.used) ?? candidates[candidates.length - 1];
    let reply: AmiFields[];
    if (recorded) {
      recorded.used = true;
      reply = recorded.reply;
    } else if (name === 'ping') {
      reply = [{ Response: 'Success', Ping: 'Pong', Timestamp: '0.000000' }];
    } else {
      reply = [{ Response: 'Error', Message: 'Invalid/unknown command' }];
    }
    const text = reply.map((f) => serialize({ ...f, ...(id !== undefined ? { ActionID: id } : {}) })).join('');
    socket.write(text);
    // Asterisk closes the connection after a refused login.
    if (name === 'login' && reply[0]?.Response === 'Error') socket.end();
  }
}
