import { boundedText, shortDigest } from './boundedText';

/**
 * Minimal logger. `warnOnce` keeps a flood of identical bad inputs (a broken
 * client retrying, a malformed connector event repeated) to a single log line.
 *
 * Memory stays bounded whatever the callers pass: a line is cut to
 * `maxLineChars`, warn-once keys are kept as fixed-size digests (never the
 * text itself, which may come from a payload) and at most `maxOnceKeys` of them
 * are remembered (the oldest is forgotten first, so it may be logged again).
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  warnOnce(key: string, message: string): void;
}

export const maxLineChars = 2000;
export const maxOnceKeys = 1000;

export function createLogger(write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const seen = new Set<string>();
  const line = (level: string, message: string) => write(`[spyglass] ${level} ${boundedText(message, maxLineChars)}`);
  return {
    info: (m) => line('info', m),
    warn: (m) => line('warn', m),
    error: (m) => line('error', m),
    warnOnce(key, m) {
      const digest = shortDigest(key);
      if (seen.has(digest)) return;
      if (seen.size >= maxOnceKeys) seen.delete(seen.values().next().value as string);
      seen.add(digest);
      line('warn', m);
    },
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, warnOnce() {} };
