import * as fs from 'node:fs';
import * as path from 'node:path';

export interface RotatingLogFileOptions {
  /** The log folder (Electron: app.getPath('logs'); web host: <user data>/logs). */
  dir: string;
  /** Current file name; older ones are `<base>.1.log` (newest) … `<base>.<keep>.log`. Default spyglass.log. */
  name?: string;
  /** A file is rotated before it would grow past this. Default 5 MB. */
  maxBytes?: number;
  /** Older files kept besides the current one. Default 5. */
  keep?: number;
  now?: () => number;
  /** Told once when the folder or file cannot be written (then lines only go to the other writers). */
  onError?: (message: string) => void;
}

export interface RotatingLogFile {
  readonly dir: string;
  readonly file: string;
  write(line: string): void;
  close(): void;
}

export const DEFAULT_LOG_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_LOG_KEEP = 5;

/**
 * A small size-capped, rotating log file: at most (keep + 1) × maxBytes on
 * disk whatever is logged. Each line is written synchronously with its time,
 * so what led up to a crash is on disk. Files are the user's only (0600 in a
 * 0700 folder): a log names agents, queues and servers. Never throws: a disk
 * that cannot be written is reported once and logging carries on elsewhere.
 */
export function createRotatingLogFile(options: RotatingLogFileOptions): RotatingLogFile {
  const name = options.name ?? 'spyglass.log';
  const maxBytes = Math.max(1024, options.maxBytes ?? DEFAULT_LOG_MAX_BYTES);
  const keep = Math.max(0, options.keep ?? DEFAULT_LOG_KEEP);
  const now = options.now ?? Date.now;
  const file = path.join(options.dir, name);
  const base = name.replace(/\.log$/, '');
  const older = (n: number) => path.join(options.dir, `${base}.${n}.log`);
  let fd: number | undefined;
  let size = 0;
  let failed = false;

  const fail = (e: unknown) => {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already gone
      }
    }
    fd = undefined;
    if (!failed) options.onError?.(`The log file ${file} cannot be written (${(e as Error).message}); logging continues without it.`);
    failed = true;
  };

  const open = () => {
    fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    fd = fs.openSync(file, 'a', 0o600);
    size = fs.fstatSync(fd).size;
  };

  const rotate = () => {
    if (fd !== undefined) fs.closeSync(fd);
    fd = undefined;
    if (keep === 0) {
      fs.rmSync(file, { force: true });
    } else {
      fs.rmSync(older(keep), { force: true });
      for (let n = keep - 1; n >= 1; n--) if (fs.existsSync(older(n))) fs.renameSync(older(n), older(n + 1));
      if (fs.existsSync(file)) fs.renameSync(file, older(1));
    }
    open();
  };

  return {
    dir: options.dir,
    file,
    write(line) {
      if (failed) return;
      // One line never exceeds a file on its own: the logger bounds lines already; this bounds any other caller.
      const bounded = line.length > maxBytes / 2 ? `${line.slice(0, maxBytes / 2)}…` : line;
      // A stack trace keeps its lines, indented: only an entry's first line starts with a time, so no message can forge an entry.
      const text = `${new Date(now()).toISOString()} ${bounded.replace(/\r?\n|\r/g, '\n    ')}\n`;
      const bytes = Buffer.byteLength(text);
      try {
        if (fd === undefined) open();
        if (size > 0 && size + bytes > maxBytes) rotate();
        fs.writeSync(fd as number, text);
        size += bytes;
      } catch (e) {
        fail(e);
      }
    },
    close() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}
