import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../preload/contract';
import { useShortcut } from '../../components/shortcuts';
import { run } from '../../services/api';
import { useStore } from '../../store';
import { formatTime } from './format';
import { showControlCharacters } from './safeText';
import './digital.css';

const actionLabels: Record<string, string> = {
  'chat-monitor': 'Monitor chat',
  'chat-stop-monitor': 'Stop monitoring chat',
  'chat-participate': 'Participate chat',
  'chat-send': 'Send message',
  'chat-transfer': 'Transfer chat',
  'chat-release': 'Release chat',
  'chat-assign': 'Assign chat',
  'chat-clear-flag': 'Clear assistance flag',
};

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

/** Every supervisor action (rule 18): who, what, target, when, result; refreshable and exportable as CSV. */
/** "queue:queue-tech" → "Queue: Technical Support" (the raw id when it is no longer known). */
function describeTarget(target: string | undefined, agents: Record<string, { name: string }>, queues: Record<string, { name: string }>): string {
  if (!target) return '—';
  const [kind, ...rest] = target.split(':');
  const id = rest.join(':');
  if (kind === 'queue') return `Queue: ${queues[id]?.name ?? id}`;
  if (kind === 'agent') return `Agent: ${agents[id]?.name ?? id}`;
  return target;
}

export function AuditView() {
  const agents = useStore((s) => s.live.agents);
  const queues = useStore((s) => s.live.queues);
  const [entries, setEntries] = useState<AuditEntry[] | undefined>();
  const [exporting, setExporting] = useState(false);

  const refresh = useCallback(async () => {
    const list = await run('audit:list', { limit: 1000 });
    if (list) setEntries(list);
  }, []);
  const exportCsv = useCallback(async () => {
    setExporting(true);
    const file = await run('audit:exportCsv', {});
    setExporting(false);
    if (file) downloadText(file.filename, file.csv);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useShortcut('Alt+R', 'Refresh the audit log', useCallback(() => void refresh(), [refresh]));

  return (
    <section aria-labelledby="audit-title" className="view audit-view">
      <div className="audit-toolbar">
        <h1 id="audit-title">Audit log</h1>
        <button type="button" title="Load the latest entries (Alt+R)" onClick={() => void refresh()}>
          Refresh
        </button>
        <button type="button" title="Download every entry as a CSV file" disabled={exporting} onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
      <p className="muted">Every supervisor action on a chat, newest first, including refused and failed ones.</p>
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
                <th scope="col">Conversation</th>
                <th scope="col">Target</th>
                <th scope="col">Result</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="audit-row">
                  <td>
                    <time dateTime={new Date(e.at).toISOString()} title={new Date(e.at).toLocaleString()}>
                      {formatTime(e.at)}
                    </time>
                  </td>
                  <td>{showControlCharacters(e.supervisorName)}</td>
                  <td>{actionLabels[e.action] ?? e.action}</td>
                  <td>{e.interactionId ?? '—'}</td>
                  <td>{describeTarget(e.target, agents, queues)}</td>
                  <td className={`audit-result audit-result-${e.result}`}>{e.result}</td>
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
