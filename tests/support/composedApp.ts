import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { composeCore, type ComposedApp, type ComposeOptions } from '../../main/app/composeCore';
import { createLogger } from '../../main/core/logger';

export interface TempApp {
  app: ComposedApp;
  /** The user-data dir (settings.json, policy.json, secrets), removed on stop. */
  dir: string;
  /** Stops the core and removes the dir. */
  stop(): Promise<void>;
}

/**
 * The whole app as a host composes it (web host, version 'test', quiet log),
 * its user data in a fresh temp dir. `options` sees the dir first, so a test
 * can seed settings.json or point stores into it before the core starts.
 */
export async function composeInTempDir(prefix: string, options: (dir: string) => Partial<ComposeOptions> = () => ({})): Promise<TempApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const app = await composeCore({
    host: 'web',
    version: 'test',
    userDataDir: dir,
    policyFile: path.join(dir, 'policy.json'),
    log: createLogger(() => undefined),
    openExternal: async () => undefined,
    ...options(dir),
  });
  return {
    app,
    dir,
    async stop() {
      await app.core.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
