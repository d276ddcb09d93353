import type { AuditAbout, AuditEntry } from '../../preload/contract';
import { resultNames, type AuditFacts } from './auditWording';

/**
 * Every supervisor action, who/what/when/result (rule 18). Kept in memory for
 * the session; the session cache persists it when present. `describe` puts the
 * action in words (names of the customer, agent, queue) while they are known.
 */
export class AuditLog {
  private readonly entries: AuditEntry[] = [];
  private seq = 0;
  constructor(
    private readonly limit = 10_000,
    private readonly persist: (entry: AuditEntry) => void = () => {},
    private readonly describe?: (entry: AuditFacts) => AuditAbout,
  ) {}

  /** The words for an entry as things stand now — before an action changes who is on the conversation. */
  describeNow(entry: AuditFacts): AuditAbout | undefined {
    return this.describe?.(entry);
  }

  /** `about`: words resolved before the action (a transfer takes the agent away); by default, now. */
  record(entry: Omit<AuditEntry, 'id' | 'about'>, about: AuditAbout | undefined = this.describeNow(entry)): AuditEntry {
    const full: AuditEntry = { id: `audit-${entry.at}-${++this.seq}`, ...entry, ...(about ? { about } : {}) };
    this.entries.push(full);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    this.persist(full);
    return full;
  }

  /** Newest first. */
  list(limit = 500): AuditEntry[] {
    return this.entries.slice(-limit).reverse();
  }

  all(): readonly AuditEntry[] {
    return this.entries;
  }
}

/**
 * Columns a person reads first, then the codes for machines (the same codes as
 * before, under their old header names, so scripts that read them keep working).
 */
const csvColumns: readonly (readonly [string, (e: AuditEntry) => unknown])[] = [
  ['When (UTC)', (e) => new Date(e.at).toISOString()],
  ['Supervisor', (e) => e.supervisorName],
  ['Action', (e) => e.about?.action ?? e.action],
  ['Channel', (e) => e.about?.channel],
  ['Customer', (e) => e.about?.customer],
  ['Agent', (e) => e.about?.agent],
  ['To', (e) => e.about?.target ?? e.target],
  ['Result', (e) => resultNames[e.result]],
  ['Detail', (e) => e.detail],
  ['at', (e) => new Date(e.at).toISOString()],
  ['supervisorId', (e) => e.supervisorId],
  ['action', (e) => e.action],
  ['interactionId', (e) => e.interactionId],
  ['target', (e) => e.target],
  ['result', (e) => e.result],
];

/**
 * A cell a spreadsheet could run as a formula (= + - @ tab CR first) gets a leading apostrophe.
 * A value that already starts with apostrophes before such a character gets one more, so the
 * escape reverses exactly: strip one apostrophe from a cell matching /^'+[=+\-@\t\r]/.
 */
export function escapeFormulaCell(text: string): string {
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The reverse of escapeFormulaCell, for readers and tests. */
export function unescapeFormulaCell(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** RFC 4180 CSV; every cell through escapeFormulaCell so spreadsheets never run one as a formula. */
export function auditToCsv(entries: readonly AuditEntry[]): string {
  const cell = (value: unknown): string => {
    const text = escapeFormulaCell(value === undefined ? '' : String(value));
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = entries.map((e) => csvColumns.map(([, value]) => cell(value(e))).join(','));
  return [csvColumns.map(([name]) => cell(name)).join(','), ...rows].join('\r\n') + '\r\n';
}
