// Where the cache file lives. Pure: platform and environment are arguments.
// WAL needs a local disk, so never a roaming profile (Windows APPDATA is
// synced to a network share on many managed seats) or an NFS home config dir.

export interface CachePathEnv {
  [name: string]: string | undefined;
  LOCALAPPDATA?: string;
  USERPROFILE?: string;
  XDG_CACHE_HOME?: string;
  HOME?: string;
}

export const CACHE_FILE_NAME = 'session-cache.sqlite';

export function cacheDirectory(platform: NodeJS.Platform, env: CachePathEnv): string {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || (env.USERPROFILE ? `${env.USERPROFILE}\\AppData\\Local` : undefined);
    if (!local) throw new Error('Cannot place the session cache: neither LOCALAPPDATA nor USERPROFILE is set.');
    return `${trimEnd(local, '\\/')}\\Spyglass\\cache`;
  }
  const home = env.HOME;
  if (platform === 'darwin') {
    if (!home) throw new Error('Cannot place the session cache: HOME is not set.');
    return `${trimEnd(home, '/')}/Library/Caches/Spyglass`;
  }
  // XDG says relative values must be ignored.
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && xdg.startsWith('/')) return `${trimEnd(xdg, '/')}/spyglass`;
  if (!home) throw new Error('Cannot place the session cache: neither XDG_CACHE_HOME nor HOME is set.');
  return `${trimEnd(home, '/')}/.cache/spyglass`;
}

export function cacheDatabasePath(platform: NodeJS.Platform, env: CachePathEnv): string {
  const dir = cacheDirectory(platform, env);
  return platform === 'win32' ? `${dir}\\${CACHE_FILE_NAME}` : `${dir}/${CACHE_FILE_NAME}`;
}

function trimEnd(value: string, chars: string): string {
  let end = value.length;
  while (end > 1 && chars.includes(value[end - 1] ?? '')) end--;
  return value.slice(0, end);
}
