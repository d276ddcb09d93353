import * as os from 'node:os';
import * as path from 'node:path';

/** Where a user's settings live when not running under Electron (the web host); matches Electron's userData. */
export function defaultUserDataDir(platform: NodeJS.Platform, env: Record<string, string | undefined>, home = os.homedir()): string {
  switch (platform) {
    case 'win32':
      return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Spyglass');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Spyglass');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Spyglass');
  }
}
