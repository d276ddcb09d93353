import * as path from 'node:path';

/**
 * Where IT puts the machine-wide policy file. Writable only by
 * administrators on a managed seat; Spyglass only ever reads it.
 */
export function policyPath(platform: NodeJS.Platform, env: Record<string, string | undefined>): string {
  if (env.SPYGLASS_POLICY_FILE) return env.SPYGLASS_POLICY_FILE;
  switch (platform) {
    case 'win32':
      return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Spyglass', 'policy.json');
    case 'darwin':
      return '/Library/Application Support/Spyglass/policy.json';
    default:
      return '/etc/spyglass/policy.json';
  }
}
