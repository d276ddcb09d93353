// Is the build in out/ older than the sources it was made from? `npm start`
// builds only then. Modification times, not hashes: any build (npm start,
// npm run build, test:e2e) refreshes the outputs, and a checkout or an edit
// touches the sources. The walk is bounded; past the bound it just rebuilds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX_FILES = 50_000;
const skipped = new Set(['node_modules', 'out', 'test-results', 'dist']);

/** The newest mtime (ms) under `paths`, or Infinity when there are too many files to look at. */
export function newestMtime(root, paths) {
  let newest = 0;
  let seen = 0;
  const stack = paths.map((p) => join(root, p)).filter((p) => existsSync(p));
  while (stack.length) {
    const p = stack.pop();
    const st = statSync(p);
    if (++seen > MAX_FILES) return Infinity;
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (!name.startsWith('.') && !skipped.has(name)) stack.push(join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  }
  return newest;
}

/** What each host needs built, and from which sources. */
export const buildInputs = {
  // The web host runs main/ from source (tsx); it serves only the built renderer.
  web: { sources: ['renderer', 'preload', 'resources', 'electron.vite.config.ts', 'package-lock.json'], outputs: ['renderer/index.html'] },
  electron: {
    sources: ['main', 'renderer', 'preload', 'resources', 'electron.vite.config.ts', 'package-lock.json'],
    outputs: ['main/index.js', 'preload/index.js', 'renderer/index.html'],
  },
};

/** True when an output is missing or older than the newest source. */
export function needsBuild(root, outDir, host) {
  const { sources, outputs } = buildInputs[host];
  let oldestOutput = Infinity;
  for (const o of outputs) {
    const file = join(outDir, o);
    if (!existsSync(file)) return true;
    oldestOutput = Math.min(oldestOutput, statSync(file).mtimeMs);
  }
  return newestMtime(root, sources) > oldestOutput;
}
