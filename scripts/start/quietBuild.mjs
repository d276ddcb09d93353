// Builds with electron-vite only when the sources changed, and quietly: one
// line while it builds; the build's own output only when it fails.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { needsBuild } from './buildFreshness.mjs';

/** Returns the exit status: 0 when the build is fresh (built now or already). */
export function ensureBuilt(root, host, log = console.log) {
  const outDir = resolve(root, process.env.SPYGLASS_OUT_DIR ?? 'out');
  if (!needsBuild(root, outDir, host)) return 0;
  const started = Date.now();
  log('Building Spyglass (the sources changed since the last build)…');
  const build = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
    log(`The build failed (exit ${build.status ?? build.signal}); its output is above.`);
    return build.status ?? 1;
  }
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}
