import * as fs from 'node:fs';
import { parsePolicy } from './parsePolicy';

/**
 * Where crash reports are uploaded: `crashReports.submitUrl` from the IT
 * policy only (a user's settings file cannot turn uploads on), else null —
 * dumps stay on this computer. Read before the app is ready, because the
 * crash reporter must start first; a policy that is missing or invalid
 * (reported by ConfigService) means no uploads.
 */
export function crashSubmitUrlFromPolicy(policyFile: string, read: (file: string) => string = (f) => fs.readFileSync(f, 'utf8')): string | null {
  let text: string;
  try {
    text = read(policyFile);
  } catch {
    return null;
  }
  const parsed = parsePolicy(text, policyFile);
  return parsed.ok ? parsed.values['crashReports.submitUrl'] || null : null;
}
