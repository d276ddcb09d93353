// Redaction runs before anything reaches the database (message bodies, notes,
// timeline text, and therefore the FTS index). Pure: no I/O, no clock.

export const PAN_REPLACEMENT = '[REDACTED CARD]';
export const DEFAULT_PATTERN_REPLACEMENT = '[REDACTED]';

export interface RedactionPatternConfig {
  /** Shown in problems, e.g. "ssn". */
  name: string;
  /** JavaScript regular expression source. */
  pattern: string;
  /** Extra flags, e.g. "i". "g" is always added. */
  flags?: string;
  replacement?: string;
}

export interface RedactionProblem {
  name: string;
  message: string;
}

export interface Redactor {
  redact(text: string): string;
  /** Patterns that were skipped, with a message the admin can act on. */
  readonly problems: readonly RedactionProblem[];
}

interface CompiledPattern {
  regex: RegExp;
  replacement: string;
}

export function createRedactor(patterns: readonly RedactionPatternConfig[] = []): Redactor {
  const compiled: CompiledPattern[] = [];
  const problems: RedactionProblem[] = [];
  for (const p of patterns) {
    const result = compilePattern(p);
    if ('problem' in result) problems.push(result.problem);
    else compiled.push(result);
  }
  return {
    problems,
    redact(text: string): string {
      let out = redactCardNumbers(text);
      for (const { regex, replacement } of compiled) {
        regex.lastIndex = 0;
        out = out.replace(regex, replacement);
      }
      return out;
    },
  };
}

function compilePattern(p: RedactionPatternConfig): CompiledPattern | { problem: RedactionProblem } {
  const flags = Array.from(new Set(`${p.flags ?? ''}g`)).join('');
  let regex: RegExp;
  try {
    regex = new RegExp(p.pattern, flags);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      problem: {
        name: p.name,
        message: `Redaction pattern "${p.name}" is not a valid regular expression (${why}); it was skipped and the other patterns still apply.`,
      },
    };
  }
  // A pattern that matches empty text would insert the replacement between every character.
  if (new RegExp(p.pattern, flags.replace('g', '')).test('')) {
    return {
      problem: {
        name: p.name,
        message: `Redaction pattern "${p.name}" matches empty text; it was skipped and the other patterns still apply.`,
      },
    };
  }
  return { regex, replacement: p.replacement ?? DEFAULT_PATTERN_REPLACEMENT };
}

// A run of digits where single spaces or dashes may separate digits,
// e.g. "4111 1111-1111 1111". Lookarounds keep it from starting or ending
// inside a longer number.
const DIGIT_RUN = /(?<![\d])\d(?:[ -]?\d){12,}(?![\d])/g;
const MAYBE_CARD = /\d(?:\d{3}|[ -]\d)/;

/** Replaces Luhn-valid 13–19 digit card numbers (spaces/dashes allowed). */
export function redactCardNumbers(text: string): string {
  // Fast path, one scan: a card number has four digits in a row or a digit, separator, digit.
  if (!MAYBE_CARD.test(text)) return text;
  DIGIT_RUN.lastIndex = 0;
  return text.replace(DIGIT_RUN, (run) => redactRun(run));
}

function redactRun(run: string): string {
  const digits = run.replace(/[ -]/g, '');
  if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return PAN_REPLACEMENT;
  // A card number next to other numbers ("order 12345 4111 1111 1111 1111"):
  // try spans that start and end on the separators the writer typed.
  const groups = run.split(/([ -])/);
  // groups alternates [digits, sep, digits, sep, ...]
  const digitGroups: string[] = [];
  for (let i = 0; i < groups.length; i += 2) digitGroups.push(groups[i] ?? '');
  if (digitGroups.length < 2) return run;
  for (let start = 0; start < digitGroups.length; start++) {
    let count = 0;
    for (let end = start; end < digitGroups.length; end++) {
      count += (digitGroups[end] ?? '').length;
      if (count > 19) break;
      if (count < 13) continue;
      const candidate = digitGroups.slice(start, end + 1).join('');
      if (luhnValid(candidate)) {
        const before = groups.slice(0, start * 2).join('');
        const after = groups.slice(end * 2 + 1).join('');
        return before + PAN_REPLACEMENT + (after ? after.slice(0, 1) + redactRun(after.slice(1)) : '');
      }
    }
  }
  return run;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}
