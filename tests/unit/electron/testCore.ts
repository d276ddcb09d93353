import { createLogger } from '../../../main/core/logger';
import { createDemoCore } from '../../support/demoCore';

/** A real core over a quiet demo on a manual clock (not started), its log lines kept for assertions. */
export function createTestCore(host: 'electron' | 'web') {
  const logLines: string[] = [];
  const log = createLogger((line) => logLines.push(line));
  const { core, stop } = createDemoCore({ host, log, demo: { seed: 1, agents: 4 } });
  return { core, log, logLines, stop };
}
