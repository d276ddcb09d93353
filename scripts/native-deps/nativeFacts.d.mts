import type { NativeFacts, NativeGuardMode, NativeTarget } from './decideNativeBuild.mjs';

export declare const addonRelativePath: string;
export declare function electronBinaryPath(root: string, env?: Record<string, string | undefined>): string | null;
export declare function addonAbi(addonFile: string): string | null;
export declare function gatherNativeFacts(root: string, target: NativeTarget, mode: NativeGuardMode): NativeFacts;
