import { useEffect, useMemo, useState } from 'react';
import { channels, type CacheSearchResult, type Channel } from '../../../../preload/contract';
import { run } from '../../services/api';
import { dispatch, useStore } from '../../store';
import { CachedInteractionView } from './CachedInteractionView';
import { Highlighted } from './Highlighted';
import { channelLabels } from './labels';
import './transcripts.css';


const dayStart = (value: string): number | undefined => (value ? new Date(`${value}T00:00:00`).getTime() : undefined);
const dayEnd = (value: string): number | undefined => (value ? new Date(`${value}T23:59:59.999`).getTime() : undefined);

/** A labelled filter select: "any" plus [value, label] options. */
function FilterSelect(props: { label: string; anyLabel: string; title: string; value: string; onChange: (v: string) => void; options: [string, string][] }) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} title={props.title}>
        <option value="">{props.anyLabel}</option>
        {props.options.map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Offline review (rule 19): search what was cached, open it as it was, add notes. */
export function TranscriptsView() {
  const status = useStore((s) => s.cache.status);
  const liveAgents = useStore((s) => s.live.agents);
  const liveQueues = useStore((s) => s.live.queues);
  const [text, setText] = useState('');
  const [agentId, setAgentId] = useState('');
  const [queueId, setQueueId] = useState('');
  const [channel, setChannel] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [mine, setMine] = useState(false);
  const [result, setResult] = useState<CacheSearchResult | undefined>();
  const [busy, setBusy] = useState(false);
  const [openId, setOpenId] = useState<string | undefined>();

  const search = async () => {
    setBusy(true);
    const r = await run('cache:search', {
      ...(text.trim() ? { text } : {}),
      ...(agentId ? { agentId } : {}),
      ...(queueId ? { queueId } : {}),
      ...(channel ? { channel: channel as Channel } : {}),
      ...(dayStart(from) !== undefined ? { from: dayStart(from) } : {}),
      ...(dayEnd(to) !== undefined ? { to: dayEnd(to) } : {}),
      ...(mine ? { monitoredByMe: true } : {}),
      limit: 100,
    });
    setBusy(false);
    if (r) setResult(r);
  };

  useEffect(() => {
    void search();
    // First load only; later searches run on submit.
  }, []);

  // Agents and queues to filter by: the live ones plus any seen in results (offline there are no live ones).
  const agentOptions = useMemo(() => {
    const map = new Map<string, string>();
    for (const a of Object.values(liveAgents)) map.set(a.id, a.name);
    for (const item of result?.items ?? []) for (const a of item.agents) map.set(a.id, a.name);
    return [...map].sort((a, b) => a[1].localeCompare(b[1]));
  }, [liveAgents, result]);
  const queueOptions = useMemo(() => {
    const map = new Map<string, string>();
    for (const q of Object.values(liveQueues)) map.set(q.id, q.name);
    for (const item of result?.items ?? []) if (item.queueId) map.set(item.queueId, item.queueName ?? item.queueId);
    return [...map].sort((a, b) => a[1].localeCompare(b[1]));
  }, [liveQueues, result]);

  const goOffline = async () => {
    const next = await run('app:setOffline', { offline: true });
    if (next) dispatch({ type: 'cache/status', status: next });
  };

  return (
    <section aria-labelledby="transcripts-title" className="view transcripts-view">
      <div className="view-head">
        <h1 id="transcripts-title">Transcripts</h1>
        {status?.mode === 'online' ? (
          <button type="button" title="Disconnect from the contact center and review cached data only" onClick={() => void goOffline()}>
            Work offline
          </button>
        ) : null}
      </div>
      <form
        className="transcript-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <label>
          Search
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} title="Words in the transcript (the last word matches as a prefix)" placeholder="e.g. refund card" />
        </label>
        <FilterSelect label="Agent" anyLabel="Any agent" title="Only interactions this agent handled" value={agentId} onChange={setAgentId} options={agentOptions} />
        <FilterSelect label="Queue" anyLabel="Any queue" title="Only interactions from this queue" value={queueId} onChange={setQueueId} options={queueOptions} />
        <FilterSelect
          label="Channel"
          anyLabel="Any channel"
          title="Only this channel"
          value={channel}
          onChange={setChannel}
          options={channels.map((c) => [c, channelLabels[c]] as [string, string])}
        />
        <label>
          From
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} title="Interactions active on or after this day" />
        </label>
        <label>
          To
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} title="Interactions active on or before this day" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} title="Only interactions you monitored, coached or barged into" />
          Monitored by me
        </label>
        <button type="submit" className="primary" title="Search the cached interactions (Enter)" disabled={busy}>
          {busy ? 'Searching…' : 'Search'}
        </button>
      </form>

      {openId ? (
        <CachedInteractionView interactionId={openId} onClose={() => setOpenId(undefined)} />
      ) : result ? (
        <div>
          <p className="muted" role="status">
            {result.items.length} cached interaction{result.items.length === 1 ? '' : 's'}
            {result.truncated ? ' (showing the most recent; narrow the search to see more)' : ''}
            {result.terms.length ? ` matching “${result.terms.join(' ')}”` : ''}
          </p>
          <ul className="result-list" aria-label="Cached interactions">
            {result.items.map((item) => (
              <li key={item.id} className="result">
                <button type="button" className="result-open" title="Open this cached interaction" onClick={() => setOpenId(item.id)}>
                  <span className="result-title">
                    {channelLabels[item.channel as Channel] ?? item.channel} · {item.customerName ?? 'Unknown customer'} · {item.agents.map((a) => a.name).join(', ') || 'no agent'}
                  </span>
                  <span className="muted">
                    {new Date(item.startedAt).toLocaleString()} · {item.queueName ?? 'no queue'} · {item.messageCount} messages
                    {item.monitoredByMe ? ' · monitored by you' : ''}
                  </span>
                </button>
                {item.hits.length ? (
                  <ul className="hits">
                    {item.hits.slice(0, 3).map((h) => (
                      <li key={h.messageId}>
                        <span className="muted">{h.senderName}: </span>
                        <Highlighted segments={h.segments} />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
