export declare function newestMtime(root: string, paths: string[]): number;
export declare const buildInputs: Record<'web' | 'electron', { sources: string[]; outputs: string[] }>;
export declare function needsBuild(root: string, outDir: string, host: 'web' | 'electron'): boolean;
