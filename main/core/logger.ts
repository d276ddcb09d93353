import { boundedText, shortDigest } from './boundedText';

/**
 * Minimal logger. `warnOnce` keeps a flood of identical bad inputs (a broken
 * client retrying, a malformed connector event repeated) to a single log line.
 *
 * Memory stays bounded whatever the callers pass: a line is cut to
 * `maxLineChars`, warn-once keys are kept as fixed-size digests (never the
 * text itself, which may come from a payload) and at most `maxOnceKeys` of them
 * are remembered (the oldest is forgotten first, so it may be logged again).
 *
 * Lines below the level (`log.level` in settings or IT policy, set through
 * `setLevel`) are dropped before they are formatted.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  warnOnce(key: string, message: string): void;
  /** Only the loggers the hosts create can change level; test fakes need not. */
  setLevel?(level: LogLevel): void;
}

export const logLevels = ['error', 'warn', 'info'] as const;
export type LogLevel = (typeof logLevels)[number];
const rank: Record<LogLevel, number> = { error: 0, warn: 1, info: 2 };

export const maxLineChars = 2000;
export const maxOnceKeys = 1000;

export function createLogger(write: (line: string) => void = (l) => process.stderr.write(`${l}\n`), level: LogLevel = 'info'): Logger {
  const seen = new Set<string>();
  let threshold = rank[level];
  const line = (lvl: LogLevel, message: string) => {
    if (rank[lvl] > threshold) return;
    write(`[spyglass] ${lvl} ${boundedText(message, maxLineChars)}`);
  };
  return {
    info: (m) => line('info', m),
    warn: (m) => line('warn', m),
    error: (m) => line('error', m),
    warnOnce(key, m) {
      if (rank.warn > threshold) return;
      const digest = shortDigest(key);
      if (seen.has(digest)) return;
      if (seen.size >= maxOnceKeys) seen.delete(seen.values().next().value as string);
      seen.add(digest);
      line('warn', m);
    },
    setLevel(next) {
      threshold = rank[next];
    },
  };
}

/** Every line to each writer (stderr for a terminal, the rotating file for IT); one failing writer does not stop the others. */
export function teeWriters(...writers: ((line: string) => void)[]): (line: string) => void {
  return (line) => {
    for (const w of writers) {
      try {
        w(line);
      } catch {
        // A writer that fails (a closed stderr pipe) must not take logging down; the file writer reports its own failures.
      }
    }
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, warnOnce() {} };
