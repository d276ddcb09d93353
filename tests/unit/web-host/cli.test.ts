import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-cli-'));
fs.mkdirSync(path.join(dir, 'renderer'));
fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs a node script until it exits, or until it prints that it is serving (then it is stopped by PID). */
function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (d: Buffer) => {
      output += d;
      if (output.includes('Spyglass is running at')) child.kill('SIGKILL');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

const cli = (...extra: string[]) => ['main/web-host/cli.ts', '--static-dir', path.join(dir, 'renderer'), '--user-data', path.join(dir, 'user'), ...extra];

describe('web host command line', () => {
  it('refuses a --policy file that does not exist, naming it, instead of running without the policy', async () => {
    const missing = path.join(dir, 'no-such-policy.json');
    const { code, output } = await run(cli('--policy', missing));
    expect(code).not.toBe(0);
    expect(output).toContain(`the policy file ${missing} does not exist`);
    expect(output).not.toContain('Spyglass is running at');
  });

  it('refuses an unknown --scenario, listing the known ones', async () => {
    const { code, output } = await run(cli('--scenario', 'nonsense'));
    expect(code).not.toBe(0);
    expect(output).toContain('unknown --scenario nonsense; known: hostile');
  });

  it('a process with the guard installed logs an error no handler caught, and a stray rejection, and keeps running', async () => {
    const { code, output } = await run(['tests/unit/web-host/fixtures/guardedProcess.ts']);
    expect(output).toContain('Caught an unexpected error; still serving. Error: boom from a timer');
    expect(output).toContain('Caught an unhandled promise rejection; still serving. Error: a rejection nobody awaited');
    expect(output).toContain('still serving');
    expect(code).toBe(0);
  });
});
