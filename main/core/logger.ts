/**
 * Minimal logger. `warnOnce` keeps a flood of identical bad inputs (a broken
 * client retrying, a malformed connector event repeated) to a single log line.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  warnOnce(key: string, message: string): void;
}

export function createLogger(write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const seen = new Set<string>();
  const line = (level: string, message: string) => write(`[spyglass] ${level} ${message}`);
  return {
    info: (m) => line('info', m),
    warn: (m) => line('warn', m),
    error: (m) => line('error', m),
    warnOnce(key, m) {
      if (seen.has(key)) return;
      if (seen.size > 10_000) seen.clear();
      seen.add(key);
      line('warn', m);
    },
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, warnOnce() {} };
