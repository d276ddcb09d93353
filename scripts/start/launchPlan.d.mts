type Env = Record<string, string | undefined>;
export declare function hasDisplay(platform: NodeJS.Platform, env: Env): boolean;
export declare function chooseHost(facts: { electronPath: string | null; platform: NodeJS.Platform; env: Env; forceWeb?: boolean }): { host: 'web' | 'electron'; why: string };
export declare function shouldFetchElectron(facts: { electronPath: string | null; platform: NodeJS.Platform; env: Env; forceWeb?: boolean }): boolean;
export declare function shouldOpenBrowser(facts: { platform: NodeJS.Platform; env: Env; noOpen?: boolean }): boolean;
export declare function openerCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[] };
