import { createLogger, teeWriters, type Logger } from '../core/logger';
import { createRotatingLogFile, type RotatingLogFile } from '../core/rotatingLogFile';

/**
 * The host's logger: every line to stderr (a terminal, `npm start`) and to
 * rotating files in `logFolder` (a packaged Windows app has no stderr; IT
 * reads the files). The level follows `log.level` once composeCore wires it.
 */
export function createAppLogger(logFolder: string, stderr: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): { log: Logger; file: RotatingLogFile } {
  const file = createRotatingLogFile({ dir: logFolder, onError: (m) => stderr(`[spyglass] warn ${m}`) });
  return { log: createLogger(teeWriters(stderr, (line) => file.write(line))), file };
}
