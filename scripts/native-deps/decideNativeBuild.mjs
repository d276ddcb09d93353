// Pure: which ABI better-sqlite3-multiple-ciphers' compiled addon must have, and what to do
// when it has another. No I/O here; nativeFacts.mjs gathers the facts and
// ensure-native-abi.mjs acts on the decision.
//
// Two runtimes load the same addon file: Node (unit tests, the web host, the
// benches) and Electron (the desktop app). An addon built for one refuses to
// load in the other ("was compiled against a different Node.js version"), so
// the addon is rebuilt for whichever is about to run, and never where that
// runtime does not exist (CI has no Electron binary: it keeps the Node build).

export const rebuildForElectron = ['npx', 'electron-builder', 'install-app-deps'];
export const rebuildForNode = ['npm', 'rebuild', 'better-sqlite3-multiple-ciphers'];

/**
 * @param {import('./decideNativeBuild.mjs').NativeFacts} facts
 * @returns {import('./decideNativeBuild.mjs').NativeBuildDecision}
 */
export function decideNativeBuild(facts) {
  const { target, mode, electronBinary, electronAbi, nodeAbi, addonAbi } = facts;
  const addon = addonAbi === null ? 'not built' : `built for ABI ${addonAbi}`;

  if (target === 'node') {
    if (addonAbi === nodeAbi) return { kind: 'ok', message: `better-sqlite3-multiple-ciphers is built for Node (ABI ${nodeAbi}).` };
    return {
      kind: 'rebuild',
      command: rebuildForNode,
      message: `better-sqlite3-multiple-ciphers is ${addon}; Node ${facts.nodeVersion} needs ABI ${nodeAbi}.`,
    };
  }

  if (!electronBinary) {
    const message =
      `No Electron binary here: better-sqlite3-multiple-ciphers stays ${addon === 'not built' ? 'not built' : `built for Node (ABI ${addonAbi})`}, ` +
      'which the tests and the web host use.';
    // At install time that is normal (since Electron 42 the binary comes later); at
    // start it means the desktop app cannot run at all.
    return mode === 'postinstall' ? { kind: 'skip', message } : { kind: 'no-electron', message };
  }
  if (electronAbi === null) {
    return {
      kind: 'rebuild',
      command: rebuildForElectron,
      message: `Electron's ABI is unknown (no node_modules/electron/abi_version); better-sqlite3-multiple-ciphers is ${addon}.`,
    };
  }
  if (addonAbi === electronAbi) return { kind: 'ok', message: `better-sqlite3-multiple-ciphers is built for Electron (ABI ${electronAbi}).` };
  return {
    kind: 'rebuild',
    command: rebuildForElectron,
    message: `better-sqlite3-multiple-ciphers is ${addon}; Electron${facts.electronVersion ? ` ${facts.electronVersion}` : ''} needs ABI ${electronAbi}.`,
  };
}
