import type { AuditEntry } from '../../preload/contract';

/**
 * Every supervisor action, who/what/when/result (rule 18). Kept in memory for
 * the session; the session cache persists it when present.
 */
export class AuditLog {
  private readonly entries: AuditEntry[] = [];
  private seq = 0;
  constructor(
    private readonly limit = 10_000,
    private readonly persist: (entry: AuditEntry) => void = () => {},
  ) {}

  record(entry: Omit<AuditEntry, 'id'>): AuditEntry {
    const full: AuditEntry = { id: `audit-${entry.at}-${++this.seq}`, ...entry };
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

const csvColumns = ['at', 'supervisorId', 'supervisorName', 'action', 'interactionId', 'target', 'result', 'detail'] as const;

/** RFC 4180 CSV. Cells starting with = + - @ are prefixed so spreadsheets never run them as formulas. */
export function auditToCsv(entries: readonly AuditEntry[]): string {
  const cell = (value: unknown): string => {
    let text = value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = entries.map((e) =>
    csvColumns.map((c) => (c === 'at' ? cell(new Date(e.at).toISOString()) : cell(e[c]))).join(','),
  );
  return [csvColumns.join(','), ...rows].join('\r\n') + '\r\n';
}
