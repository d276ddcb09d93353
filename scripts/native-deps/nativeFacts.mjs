// The facts decideNativeBuild needs, read from the project's node_modules
// without loading the addon (loading it into the wrong runtime is the failure
// we are trying to avoid, and a loaded addon cannot be replaced on Windows).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const addonRelativePath = 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';

/**
 * The Electron executable if it was downloaded (since Electron 42 an install
 * leaves no path.txt or dist/ until the binary is first fetched), resolved as
 * the electron package does, including its ELECTRON_OVERRIDE_DIST_PATH, but
 * never downloading it (requiring the package would).
 */
export function electronBinaryPath(root, env = process.env) {
  const pathFile = join(root, 'node_modules/electron/path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable ?? 'electron')
    : executable && join(root, 'node_modules/electron/dist', executable);
  return binary && existsSync(binary) ? binary : null;
}

function readOrNull(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

/**
 * NODE_MODULE_VERSION a compiled (non-N-API) addon was built for: Node's
 * NODE_MODULE macro exports `node_register_module_v<ABI>`, in ELF, Mach-O and
 * PE alike. Null when the addon is missing or names no ABI.
 */
export function addonAbi(addonFile) {
  if (!existsSync(addonFile)) return null;
  const match = /node_register_module_v(\d+)/.exec(readFileSync(addonFile).toString('latin1'));
  return match ? match[1] : null;
}

export function gatherNativeFacts(root, target, mode) {
  const electronPackage = readOrNull(join(root, 'node_modules/electron/package.json'));
  return {
    target,
    mode,
    electronBinary: electronBinaryPath(root),
    electronVersion: electronPackage ? JSON.parse(electronPackage).version : null,
    electronAbi: readOrNull(join(root, 'node_modules/electron/abi_version')),
    nodeVersion: process.version,
    nodeAbi: process.versions.modules,
    addonAbi: addonAbi(join(root, addonRelativePath)),
  };
}
