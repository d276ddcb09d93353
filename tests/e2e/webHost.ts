import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import WebSocket from 'ws';

export interface WebHostProcess {
  url: string;
  origin: string;
  token: string;
  userDataDir: string;
  output: () => string;
  /** Drives the demo contact center (test mode only). */
  control: (op: string, ...args: unknown[]) => Promise<unknown>;
  stop: () => Promise<void>;
}

/**
 * Starts `main/web-host/cli.ts` as a child process on a free port with a
 * fresh user-data folder, waits for the printed URL, and stops it by PID.
 */
export async function startWebHostProcess(
  args: string[] = [],
  env: Record<string, string> = {},
  /** Written as this run's IT policy file before start (a string is written as is, e.g. broken JSON). */
  policy?: object | string,
  /** Written as the user's own settings.json before start (a string as is), like a file an older run or the user left. */
  userSettings?: object | string,
): Promise<WebHostProcess> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-e2e-'));
  const policyFile = path.join(userDataDir, 'policy.json');
  if (policy !== undefined) {
    fs.writeFileSync(policyFile, typeof policy === 'string' ? policy : JSON.stringify(policy));
  }
  if (userSettings !== undefined) {
    fs.writeFileSync(path.join(userDataDir, 'settings.json'), typeof userSettings === 'string' ? userSettings : JSON.stringify(userSettings));
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'main/web-host/cli.ts',
      '--test-control',
      '--user-data',
      userDataDir,
      // Only a written policy is passed as --policy (one that does not exist is an error);
      // otherwise SPYGLASS_POLICY_FILE (below) points at this run's absent file, so the
      // machine's own policy never leaks into a test.
      ...(policy !== undefined ? ['--policy', policyFile] : []),
      // SPYGLASS_OUT_DIR: where `electron-vite build` put the renderer (parallel runs keep apart).
      '--static-dir',
      path.resolve(__dirname, '../..', process.env.SPYGLASS_OUT_DIR ?? 'out', 'renderer'),
      ...args,
    ],
    { cwd: path.resolve(__dirname, '../..'), env: { ...process.env, SPYGLASS_POLICY_FILE: policyFile, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${out}`)), 60_000);
    const check = () => {
      const m = /Spyglass is running at (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (${code}):\n${out}`));
    });
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';
  const origin = parsed.origin;

  let controlSocket: WebSocket | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const control = async (op: string, ...opArgs: unknown[]) => {
    if (!controlSocket) {
      controlSocket = new WebSocket(`${origin.replace('http', 'ws')}/test-control?token=${token}`, { origin });
      await new Promise<void>((resolve, reject) => {
        controlSocket?.once('open', () => resolve());
        controlSocket?.once('error', reject);
      });
      controlSocket.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { id: number; ok: boolean; value?: unknown; error?: string };
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.ok) p?.resolve(msg.value);
        else p?.reject(new Error(msg.error));
      });
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      controlSocket?.send(JSON.stringify({ id, op, args: opArgs }));
    });
  };

  return {
    url,
    origin,
    token,
    userDataDir,
    output: () => out,
    control,
    stop: async () => {
      controlSocket?.close();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
