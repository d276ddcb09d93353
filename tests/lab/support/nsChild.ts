/**
 * A Node process of the network lab running inside one namespace (seat or
 * PBX), driven by the test over Node's IPC channel: `call(cmd, ...args)`
 * resolves with the child's answer; `events` collects what it pushes. The
 * child is `node --import tsx <script>` under `ip netns exec`, stopped by PID.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { LabNetwork, LabNs } from './netns';
import { stopPid } from './processes';

export interface NsChild<E = unknown> {
  child: ChildProcess;
  call<T = unknown>(cmd: string, ...args: unknown[]): Promise<T>;
  events: E[];
  log(): string;
  stop(): Promise<void>;
}

/** The child's side: answer commands from `handlers`, push events with `push`. */
export function serveParent(handlers: Record<string, (...args: never[]) => unknown>): { push(event: unknown): void } {
  process.on('message', (m: { id: number; cmd: string; args: unknown[] }) => {
    const h = handlers[m.cmd];
    void (async () => {
      try {
        if (!h) throw new Error(`unknown command ${m.cmd}`);
        const result = await (h as (...a: unknown[]) => unknown)(...m.args);
        process.send?.({ id: m.id, ok: true, result });
      } catch (e) {
        process.send?.({ id: m.id, ok: false, error: (e as Error).stack ?? String(e) });
      }
    })();
  });
  // The test went away: do not outlive it.
  process.on('disconnect', () => process.exit(0));
  return { push: (event) => process.send?.({ event }) };
}

export async function startNsChild<E = unknown>(net: LabNetwork, where: LabNs, script: string, env: Record<string, string> = {}): Promise<NsChild<E>> {
  const root = join(__dirname, '..', '..', '..');
  const child = net.spawnIn(where, process.execPath, ['--import', 'tsx', join(__dirname, script)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, ...env },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const events: E[] = [];
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let seq = 0;
  child.on('message', (m: { id?: number; ok?: boolean; result?: unknown; error?: string; event?: E }) => {
    if (m.event !== undefined) {
      events.push(m.event);
      return;
    }
    const w = waiting.get(m.id ?? -1);
    if (!w) return;
    waiting.delete(m.id!);
    if (m.ok) w.resolve(m.result);
    else w.reject(new Error(`${where}: ${m.error}`));
  });
  child.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`${where} process exited (${code})\n${out.slice(-3000)}`));
    waiting.clear();
  });
  const api: NsChild<E> = {
    child,
    events,
    log: () => out,
    call<T>(cmd: string, ...args: unknown[]) {
      return new Promise<T>((resolve, reject) => {
        const id = ++seq;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, cmd, args });
      });
    },
    stop: () => stopPid(child),
  };
  await api.call('ping');
  return api;
}
