/**
 * Pure helpers that make chat text safe to show (DESIGN.md "Chat text is
 * rendered as text, never as HTML"). Nothing here builds markup: the
 * components put the results into text nodes only.
 *
 * Control characters (decision): C0 controls other than tab and newline, DEL
 * and the C1 range are made *visible* (Unicode Control Pictures such as ␀ ␛,
 * or ⟨U+0085⟩) rather than silently stripped, so a supervisor sees that the
 * text carried them. Carriage returns become newlines. Bidirectional
 * override/embedding/isolate controls (U+202A–202E, U+2066–2069), which can
 * reorder text to spoof what it says, are made visible too; ordinary RTL text
 * needs none of them and is laid out by `dir="auto"`. Joiners (ZWJ/ZWNJ) and
 * the LRM/RLM marks are kept: emoji sequences and some scripts need them.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlPattern = /\r\n?|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u0080-\u009F\u202A-\u202E\u2066-\u2069]/g;

const hex = (c: string): string => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

/** Makes control characters visible (see the decision above); tabs and newlines stay. */
export function showControlCharacters(text: string): string {
  return text.replace(controlPattern, (c) => {
    if (c === '\r\n' || c === '\r') return '\n';
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `⟨U+${hex(c)}⟩`;
  });
}

export type LinkKind = 'web' | 'mail' | 'unsafe';

/** Only http, https and mailto are ever offered to open (main refuses everything else as well). */
export function classifyUrl(url: string): LinkKind {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'unsafe';
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.hostname ? 'web' : 'unsafe';
  if (parsed.protocol === 'mailto:') return parsed.pathname.includes('@') ? 'mail' : 'unsafe';
  return 'unsafe';
}

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; url: string; linkKind: Exclude<LinkKind, 'unsafe'> };

// http(s) and mailto only; any other scheme (javascript:, data:, file:, …) stays plain text.
const linkPattern = /\b(?:https?:\/\/[^\s<>"'`]+|mailto:[^\s<>"'`]+)/gi;
const trailingPunctuation = /[.,;:!?)\]}>»”’'"]+$/;

/** Splits text into plain text and safe links. Unsafe schemes are never links. */
export function splitLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(linkPattern)) {
    const start = match.index ?? 0;
    let candidate = match[0];
    const trail = trailingPunctuation.exec(candidate);
    // Keep a closing parenthesis that belongs to the URL, e.g. a Wikipedia link.
    if (trail && !(trail[0] === ')' && candidate.includes('('))) candidate = candidate.slice(0, -trail[0].length);
    const kind = classifyUrl(candidate);
    if (kind === 'unsafe' || candidate.length === 0) continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'link', text: candidate, url: candidate, linkKind: kind });
    last = start + candidate.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** Messages longer than this show truncated with "Show full message". */
export const displayLimit = 4000;

export interface Truncated {
  text: string;
  truncated: boolean;
  /** Characters not shown. */
  hidden: number;
}

/** Cuts a long text for display without splitting a surrogate pair. */
export function truncateForDisplay(text: string, limit = displayLimit): Truncated {
  if (text.length <= limit) return { text, truncated: false, hidden: 0 };
  let end = limit;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), truncated: true, hidden: text.length - end };
}

/** "1.0 MB", "12 KB", "345 characters" — for the "Show full message" hint. */
export function describeLength(chars: number): string {
  if (chars >= 1_000_000) return `${(chars / 1_000_000).toFixed(1)} million characters`;
  if (chars >= 10_000) return `${Math.round(chars / 1000)} thousand characters`;
  return `${chars} characters`;
}

/**
 * Splits a long text into blocks of about `size` characters, preferring to
 * break at whitespace, so the browser lays out (and, with
 * `content-visibility: auto`, skips) each block on its own: a 1 MB message
 * without spaces would otherwise freeze the page in one huge line layout.
 */
export function chunkText(text: string, size = 2000): string[] {
  if (text.length <= size) return [text];
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end - 1);
      const newline = text.lastIndexOf('\n', end - 1);
      const cut = Math.max(space, newline);
      if (cut > start + size * 0.8) end = cut + 1;
      else {
        const code = text.charCodeAt(end - 1);
        if (code >= 0xd800 && code <= 0xdbff) end -= 1;
      }
    }
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}
