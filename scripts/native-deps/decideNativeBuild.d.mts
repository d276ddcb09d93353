/** Who is about to load better-sqlite3-multiple-ciphers: the desktop app, or Node (tests, web host). */
export type NativeTarget = 'electron' | 'node';
/** postinstall must never fail an install; start and test may stop with a clear message. */
export type NativeGuardMode = 'postinstall' | 'start' | 'test';

export interface NativeFacts {
  target: NativeTarget;
  mode: NativeGuardMode;
  /** Path of the Electron executable, or null where it was never downloaded. */
  electronBinary: string | null;
  electronVersion: string | null;
  /** NODE_MODULE_VERSION Electron's Node has, or null when unknown. */
  electronAbi: string | null;
  nodeVersion: string;
  nodeAbi: string;
  /** NODE_MODULE_VERSION the compiled addon was built for, or null when it is not built. */
  addonAbi: string | null;
}

export type NativeBuildDecision =
  | { kind: 'ok'; message: string }
  | { kind: 'skip'; message: string }
  | { kind: 'no-electron'; message: string }
  | { kind: 'rebuild'; command: readonly string[]; message: string };

export declare const rebuildForElectron: readonly string[];
export declare const rebuildForNode: readonly string[];
export declare function decideNativeBuild(facts: NativeFacts): NativeBuildDecision;
