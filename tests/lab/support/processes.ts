/** Start lab servers on free 127.0.0.1 ports and stop them by PID. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { accessSync, constants, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTool, installCommand, isCi, labVerdict, toolSearchDirs, type LabTool } from './labTools';

const isExecutable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Absolute path of a lab tool (PATH, then /usr/sbin, /usr/bin, ...), or null. */
export const toolPath = (name: string): string | null => findTool(name, toolSearchDirs(process.env.PATH), isExecutable);

export const hasBinary = (name: string): boolean => toolPath(name) !== null;

/** Debian's chromium unless CHROMIUM_PATH says otherwise. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? toolPath('chromium') ?? '/usr/bin/chromium';

/**
 * Why a lab suite cannot run here (it then skips), or null. With CI=true a
 * missing tool throws instead, so the suite fails with the install command.
 */
export function labUnavailableReason(tools: readonly LabTool[] = ['kamailio', 'sipp'], what = 'SIP lab'): string | null {
  const missing = tools.filter((t) => (t === 'chromium' ? !isExecutable(CHROMIUM) : !hasBinary(t)));
  const verdict = labVerdict(missing, isCi(process.env), what);
  if (verdict.kind === 'fail') throw new Error(verdict.reason);
  return verdict.kind === 'skip' ? verdict.reason : null;
}

/** A tool's absolute path; throws with the install command when it is missing. */
function requireTool(name: 'kamailio' | 'sipp'): string {
  const file = toolPath(name);
  if (!file) throw new Error(`${name} not found on PATH or in /usr/sbin, /usr/bin (${installCommand([name])})`);
  return file;
}

export async function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createSocket('udp4');
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });
}

export async function waitForTcp(port: number, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((r) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => {
        c.destroy();
        r(true);
      });
      c.once('error', () => r(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`nothing listens on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function stopPid(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(child.pid, 'SIGTERM');
  const t = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 3000);
  await exited;
  clearTimeout(t);
}

export interface Kamailio {
  wsPort: number;
  udpPort: number;
  wsUrl: string;
  child: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

export async function startKamailio(): Promise<Kamailio> {
  const runDir = mkdtempSync(join(tmpdir(), 'spyglass-kam-'));
  const wsPort = await freeTcpPort();
  const udpPort = await freeUdpPort();
  let out = '';
  const child = spawn(
    requireTool('kamailio'),
    ['-f', join(__dirname, '..', 'kamailio.cfg'), '-DD', '-E', '-Y', runDir, '-P', join(runDir, 'kamailio.pid'), '-m', '64', '-M', '8', '-A', `WS_PORT=${wsPort}`, '-A', `UDP_PORT=${udpPort}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await waitForTcp(wsPort).catch((e) => {
    throw new Error(`${(e as Error).message}\n${out.slice(-2000)}`);
  });
  return { wsPort, udpPort, wsUrl: `ws://127.0.0.1:${wsPort}`, child, log: () => out, stop: () => stopPid(child) };
}

export interface SippRun {
  port: number;
  dir: string;
  child: ChildProcess;
  exit: Promise<number | null>;
  /** sipp's own log (<log> actions, errors) and message trace. */
  logs(): string;
  stop(): Promise<void>;
}

/** Run sipp with a scenario file; `-m 1`, traces in a temp dir. */
export async function startSipp(
  scenarioPath: string,
  proxy: Kamailio,
  extra: string[] = [],
  port?: number,
  { calls = 1, timeoutSec = 30, localIp = '127.0.0.1' }: { calls?: number; timeoutSec?: number; /** Any 127.x address: a different "host" on loopback. */ localIp?: string } = {},
): Promise<SippRun> {
  const dir = mkdtempSync(join(tmpdir(), 'spyglass-sipp-'));
  const p = port ?? (await freeUdpPort());
  const child = spawn(
    requireTool('sipp'),
    ['-sf', scenarioPath, '-i', localIp, '-p', String(p), '-m', String(calls), '-timeout', String(timeoutSec), '-timeout_error', '-trace_msg', '-trace_logs', '-trace_err', '-nostdin', ...extra, `127.0.0.1:${proxy.udpPort}`],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    port: p,
    dir,
    child,
    exit,
    logs: () =>
      err +
      readdirSync(dir)
        .filter((f) => f.endsWith('.log'))
        .map((f) => `--- ${f}\n${readFileSync(join(dir, f), 'utf8')}`)
        .join('\n'),
    stop: () => stopPid(child),
  };
}

/** Register `user` at Kamailio with its Contact pointing at a sipp UAS on `uasPort`. */
export async function registerSippUser(user: string, uasPort: number, proxy: Kamailio): Promise<void> {
  const run = await startSipp(join(__dirname, '..', 'sipp', 'register.xml'), proxy, ['-s', user, '-key', 'uas_port', String(uasPort)]);
  const code = await run.exit;
  if (code !== 0) throw new Error(`sipp REGISTER ${user} failed (${code})\n${run.logs()}`);
}
