// Redaction runs before anything reaches the database (message bodies, notes,
// timeline text, and therefore the FTS index). Pure: no I/O, no clock.
// Card numbers first (cardNumbers.ts), then the patterns IT configured.

import { redactCardNumbers } from './cardNumbers';

export { luhnValid, PAN_REPLACEMENT, redactCardNumbers } from './cardNumbers';
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
