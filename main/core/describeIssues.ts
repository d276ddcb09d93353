import type { z } from 'zod';
import { boundedText } from './boundedText';

/**
 * A short, bounded description of why a payload failed its schema: at most
 * three problems, each as `path: what`. zod's own messages quote the
 * offending keys and values, which the sender chooses (a 1.5 MB key is still
 * a key), so every quoted part is cut and the whole stays under ~400 chars.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const path = boundedText(issue.path.map((p) => boundedText(String(p), 40)).join('.'), 100);
    const what =
      issue.code === 'unrecognized_keys'
        ? `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys
            .slice(0, 3)
            .map((k) => `“${boundedText(k, 40)}”`)
            .join(', ')}${issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : ''}`
        : boundedText(issue.message, 120);
    return path ? `${path}: ${what}` : what;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return boundedText(parts.join('; ') + more, 400);
}
