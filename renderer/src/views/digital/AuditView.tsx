import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../preload/contract';
import { getApi, run } from '../../services/api';
import { formatTime } from './format';
import { showControlCharacters } from './safeText';
import './digital.css';

/** Saves text as a file through a Blob URL and a temporary <a download> (no navigation, nothing leaves the app). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Every supervisor action (rule 18) in words — who did what, on which channel,
 * with which customer and agent, to whom, with what result — live as actions
 * happen, exportable as CSV (words first, the codes in extra columns).
 */
const resultLabels: Record<AuditEntry['result'], string> = { ok: 'Done', refused: 'Refused', failed: 'Failed' };
const LIMIT = 1000;

/** Newest first, each entry once (an entry may arrive live while the list is loading). */
function merge(newer: readonly AuditEntry[], older: readonly AuditEntry[]): AuditEntry[] {
  const seen = new Set<string>();
  const out: AuditEntry[] = [];
  for (const e of [...newer, ...older]) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
    if (out.length === LIMIT) break;
  }
  return out;
}

export function AuditView() {
  const [entries, setEntries] = useState<AuditEntry[] | undefined>();
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    let pending: AuditEntry[] = [];
    let loaded = false;
    const off = getApi().on('audit:entry', (entry) => {
      if (loaded) setEntries((list) => merge([entry], list ?? []));
      else pending = [entry, ...pending];
    });
    void run('audit:list', { limit: LIMIT }).then((list) => {
      loaded = true;
      setEntries(merge(pending, list ?? []));
      pending = [];
    });
    return off;
  }, []);
  const exportCsv = useCallback(async () => {
    setExporting(true);
    const file = await run('audit:exportCsv', {});
    setExporting(false);
    if (file) downloadText(file.filename, file.csv);
  }, []);

  return (
    <section aria-labelledby="audit-title" className="view audit-view">
      <div className="audit-toolbar">
        <h1 id="audit-title">Audit log</h1>
        <button type="button" title="Download every entry as a CSV file (readable columns, then the codes for scripts)" disabled={exporting} onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
      <p className="muted">Every supervisor action on calls and conversations, newest first and live, including refused and failed ones.</p>
      {entries === undefined ? (
        <p className="muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="muted">No supervisor actions yet.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Audit entries">
          <table className="data audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Channel</th>
                <th scope="col">Customer</th>
                <th scope="col">Agent</th>
                <th scope="col">To</th>
                <th scope="col">Result</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                  <td>
                    <time dateTime={new Date(e.at).toISOString()} title={new Date(e.at).toLocaleString()}>
                      {formatTime(e.at)}
                    </time>
                  </td>
                  <td dir="auto">{showControlCharacters(e.supervisorName)}</td>
                  <td>{e.about?.action ?? e.action}</td>
                  <td>{e.about?.channel ?? '—'}</td>
                  <td dir="auto">{e.about?.customer ? showControlCharacters(e.about.customer) : '—'}</td>
                  <td dir="auto">{e.about?.agent ? showControlCharacters(e.about.agent) : '—'}</td>
                  <td dir="auto">{e.about?.target ? showControlCharacters(e.about.target) : (e.target ?? '—')}</td>
                  <td className={`audit-result audit-result-${e.result}`}>{resultLabels[e.result]}</td>
                  <td dir="auto">{e.detail ? showControlCharacters(e.detail) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
