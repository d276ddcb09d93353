import { createHash } from 'node:crypto';

/**
 * Text that came from outside (a payload key, a zod message quoting it, a
 * header) is cut to `max` characters before it goes into a log line, an error
 * message or a key, with a short digest so two long inputs can still be told
 * apart. Cost is linear in the input; the result is at most ~max + 50 chars.
 */
export function boundedText(text: string, max = 200): string {
  if (text.length <= max) return text;
  let end = max;
  // Do not leave half of a surrogate pair at the cut.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}… [${text.length - end} more characters, #${shortDigest(text)}]`;
}

/** A fixed-size (12 hex characters) fingerprint of any text, for keys and log lines. */
export function shortDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
