/**
 * Where the lab's tools are, and what a missing one means.
 *
 * Debian installs kamailio in /usr/sbin, which is not on a normal user's PATH,
 * so `command -v kamailio` alone made the whole SIP lab skip itself on a machine
 * that had it. The lookup also searches the system dirs. On CI (`CI=true`) a
 * missing tool is a failure that names the install command, never a quiet skip:
 * a lab that can skip itself can pass without running.
 */
export type LabTool = 'kamailio' | 'sipp' | 'chromium';

/** The Debian packages that provide each tool. */
export const DEBIAN_PACKAGES: Record<LabTool, string[]> = {
  kamailio: ['kamailio', 'kamailio-websocket-modules'],
  sipp: ['sip-tester'],
  chromium: ['chromium'],
};

/** Where the system installs tools a normal user's PATH may lack (sbin first: kamailio). */
const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** PATH's dirs in order, then the system dirs it does not already name. */
export function toolSearchDirs(pathEnv: string | undefined): string[] {
  const fromPath = (pathEnv ?? '').split(':').filter((d) => d.length > 0);
  return [...new Set([...fromPath, ...SYSTEM_DIRS])];
}

/** The first `dir/name` that exists, or null. Pure over `dirs` and `exists`. */
export function findTool(name: string, dirs: readonly string[], exists: (file: string) => boolean): string | null {
  for (const dir of dirs) {
    const file = `${dir.replace(/\/+$/, '')}/${name}`;
    if (exists(file)) return file;
  }
  return null;
}

export function installCommand(missing: readonly LabTool[]): string {
  return `apt-get install ${[...new Set(missing.flatMap((t) => DEBIAN_PACKAGES[t]))].join(' ')}`;
}

export type LabVerdict = { kind: 'run' } | { kind: 'skip'; reason: string } | { kind: 'fail'; reason: string };

/**
 * What a suite does when `missing` tools are not installed: run, skip (a
 * developer's machine) or fail (`mustRun`: CI=true, or a benchmark, which has
 * nothing to print without them).
 */
export function labVerdict(missing: readonly LabTool[], mustRun: boolean, what = 'lab'): LabVerdict {
  if (missing.length === 0) return { kind: 'run' };
  const reason = `${what}: ${missing.join(' and ')} not installed (${installCommand(missing)})`;
  return mustRun ? { kind: 'fail', reason: `${reason}; failing instead of skipping` } : { kind: 'skip', reason: `${reason}; skipped` };
}

/** CI providers set CI=true (GitHub, GitLab, ...); .ci/run sets it too. */
export const isCi = (env: NodeJS.ProcessEnv): boolean => /^(true|1|yes)$/i.test(env.CI ?? '');
