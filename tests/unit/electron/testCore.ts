import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigService } from '../../../main/config/ConfigService';
import { DemoContactCenter, ManualClock } from '../../../main/contact-center/demo';
import { createLogger } from '../../../main/core/logger';
import { SupervisorCore } from '../../../main/core/SupervisorCore';
import { supervisionRules } from '../../../main/core/supervisionRules';

/** A real core over a quiet demo on a manual clock, its log lines kept for assertions. */
export function createTestCore(host: 'electron' | 'web') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-core-'));
  const logLines: string[] = [];
  const clock = new ManualClock();
  const log = createLogger((line) => logLines.push(line));
  const core = new SupervisorCore({
    connector: DemoContactCenter.create({ seed: 1, agents: 4, clock, simulate: false }),
    config: new ConfigService({ policyFile: path.join(dir, 'policy.json'), userFile: path.join(dir, 'settings.json') }),
    rules: supervisionRules,
    log,
    now: () => clock.now(),
    host,
    version: 'test',
    openExternal: async () => {},
  });
  return {
    core,
    log,
    logLines,
    async stop() {
      await core.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
