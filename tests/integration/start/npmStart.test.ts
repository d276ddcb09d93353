import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');

/**
 * `npm start` on a machine without Electron's binary (ours: it cannot be
 * downloaded) runs the app in the web host instead of printing a hint and
 * exiting; with a fresh build it does not build again, and says nothing of one.
 */
describe('npm start without the Electron binary', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('serves the app over the web host, prints the URL, skips a fresh build, opens no browser in CI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spyglass-start-'));
    // A "fresh build": an out dir whose renderer is newer than every source.
    const out = join(dir, 'out');
    mkdirSync(join(out, 'renderer'), { recursive: true });
    writeFileSync(join(out, 'renderer/index.html'), '<!doctype html><title>fresh build marker</title>');
    const future = Date.now() / 1000 + 3600;
    (await import('node:fs')).utimesSync(join(out, 'renderer/index.html'), future, future);

    const child = spawn(process.execPath, ['scripts/start-electron.mjs', '--port', '0', '--user-data', join(dir, 'user')], {
      cwd: root,
      env: { ...process.env, CI: 'true', ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron-here'), SPYGLASS_OUT_DIR: out, SPYGLASS_POLICY_FILE: join(dir, 'no-policy.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    stop = async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    };

    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setInterval(() => {
        const m = /Spyglass is running at (\S+)/.exec(output);
        if (m?.[1]) {
          clearInterval(timer);
          resolveUrl(m[1]);
        }
      }, 50);
      void exited.then((code) => {
        clearInterval(timer);
        reject(new Error(`npm start exited (${code}) without serving the app:\n${output}`));
      });
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('fresh build marker');
    expect(output).toContain('Electron binary is not installed here');
    expect(output).toContain('Open that URL in Chromium or Chrome');
    // Quiet: no build ran, so none of its output either.
    expect(output).not.toMatch(/Building Spyglass|vite|modules transformed/);
  });
});
