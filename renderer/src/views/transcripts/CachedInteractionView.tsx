import { useCallback, useEffect, useState } from 'react';
import type { CachedDetail, Channel, SupervisionMode } from '../../../../preload/contract';
import { channelLabels, modeDone } from './labels';
import { run } from '../../services/api';
import { downloadBase64 } from './download';

const time = (at: number) => new Date(at).toLocaleString();

/** One cached interaction exactly as it was: transcript, timeline, supervision periods and notes. */
export function CachedInteractionView({ interactionId, onClose }: { interactionId: string; onClose: () => void }) {
  const [detail, setDetail] = useState<CachedDetail | undefined>();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    const d = await run('cache:open', { interactionId });
    if (d) setDetail(d);
  }, [interactionId]);
  useEffect(() => {
    void load();
  }, [load]);

  const addNote = async () => {
    if (!note.trim()) return;
    setSaving(true);
    // The cached id: opened from a live view that ended, interactionId is the platform's id.
    const saved = await run('notes:add', { interactionId: detail?.interaction.id ?? interactionId, text: note });
    setSaving(false);
    if (saved) {
      setNote('');
      await load();
    }
  };
  const exportAs = async (format: 'text' | 'pdf') => {
    const file = await run('cache:export', { interactionId: detail?.interaction.id ?? interactionId, format });
    if (file) downloadBase64(file.filename, file.mimeType, file.base64);
  };

  if (!detail) return <p role="status">Opening the cached interaction…</p>;
  const i = detail.interaction;
  return (
    <article className="cached-detail" aria-labelledby="cached-title">
      <div className="cached-detail-head">
        <h2 id="cached-title">
          {channelLabels[i.channel as Channel] ?? i.channel} · {i.customerName ?? 'Unknown customer'} · {i.agents.map((a) => a.name).join(', ') || 'no agent'}
        </h2>
        <div className="button-row">
          <button type="button" title="Save this interaction as a text file" onClick={() => void exportAs('text')}>
            Export text
          </button>
          <button type="button" title="Save this interaction as a PDF" onClick={() => void exportAs('pdf')}>
            Export PDF
          </button>
          <button type="button" title="Back to the search results" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <p className="muted">
        {i.queueName ?? 'No queue'} · started {time(i.startedAt)}
        {i.endedAt ? ` · ended ${time(i.endedAt)}` : ''} · {i.state}
        {i.monitoredByMe ? ' · monitored by you' : ''}
      </p>

      <section aria-labelledby="cached-participants">
        <h3 id="cached-participants">Participants</h3>
        <ul className="plain-list">
          {detail.participants.map((p) => (
            <li key={p.participantId}>
              {p.name} <span className="badge">{p.role}</span>
            </li>
          ))}
        </ul>
      </section>

      {detail.transcript.length ? (
        <section aria-labelledby="cached-transcript">
          <h3 id="cached-transcript">Transcript</h3>
          <ol className="cached-transcript" tabIndex={0} aria-label="Cached transcript">
            {detail.transcript.map((m) => (
              <li key={m.messageId} className={`cached-message sender-${m.senderKind}`}>
                <div className="cached-message-meta">
                  {m.senderName} ({m.senderKind}) · {time(m.at)}
                </div>
                <div className="cached-message-body" dir="auto">
                  {m.body ?? '[This message could not be decrypted on this seat.]'}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="cached-timeline">
        <h3 id="cached-timeline">Timeline</h3>
        <ol className="plain-list">
          {detail.timeline.map((e) => (
            <li key={e.eventId}>
              {time(e.at)} — {e.text}
              {e.supervisorName ? ` (${e.supervisorName})` : ''}
            </li>
          ))}
          {detail.supervisionPeriods.map((p) => (
            <li key={p.periodId}>
              {p.supervisorName} {modeDone[p.mode as SupervisionMode] ?? p.mode} {p.participantName ?? 'the conversation'} from {time(p.startedAt)}
              {p.endedAt ? ` to ${time(p.endedAt)}` : ' (open)'}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="cached-notes">
        <h3 id="cached-notes">Notes</h3>
        <ul className="plain-list">
          {detail.notes.map((n) => (
            <li key={n.id}>
              <span className="muted">
                {n.authorName} · {time(n.at)}:
              </span>{' '}
              <span dir="auto">{n.text ?? '[unreadable]'}</span>
            </li>
          ))}
        </ul>
        <form
          className="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            void addNote();
          }}
        >
          <label htmlFor="note-text">Add a note</label>
          <textarea id="note-text" title="A private note on this interaction, kept in your cache" value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
          <button type="submit" title="Save the note" disabled={saving || !note.trim()}>
            Save note
          </button>
        </form>
      </section>
    </article>
  );
}
