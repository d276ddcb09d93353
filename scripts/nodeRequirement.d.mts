export declare function parseEnginesRange(range: string): Array<{ caret: boolean; floor: [number, number, number] }>;
export declare function parseNodeVersion(version: string): [number, number, number];
export declare function satisfiesEngines(version: string, range: string): boolean;
export declare function nodeRequirementProblem(version: string, range: string): string | null;
export declare function checkSupportedNode(root: string, options: { fatal: boolean }): boolean;
