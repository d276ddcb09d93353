import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { InteractionView } from '../../../../preload/contract';
import { trapTab, useConfirm } from '../../components/ConfirmDialog';
import { run } from '../../services/api';
import { useStore } from '../../store';
import { confirmationPrompt } from './confirmation';
import { currentAgent } from './format';

type Tab = 'agents' | 'queues';
const maxListed = 200;

/**
 * Transfer an assigned chat, or assign a pending one (rule 17, seed 004): an
 * Agents tab and a Support queues tab, select one, Assign, confirm.
 */
export function TransferDialog({ interaction, mode, onClose }: { interaction: InteractionView; mode: 'transfer' | 'assign'; onClose: () => void }) {
  const agents = useStore((s) => s.live.agents);
  const agentOrder = useStore((s) => s.live.agentOrder);
  const queues = useStore((s) => s.live.queues);
  const [tab, setTab] = useState<Tab>('agents');
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<{ kind: 'agent' | 'queue'; id: string; name: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [confirmDialog, confirm] = useConfirm();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const firstRef = useRef<HTMLButtonElement>(null);
  const from = currentAgent(interaction);
  const verb = mode === 'transfer' ? 'Transfer chat' : 'Assign chat';

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    firstRef.current?.focus();
    return () => previous?.focus();
  }, []);

  const agentList = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return agentOrder
      .map((id) => agents[id])
      .filter((a) => a !== undefined && a.status !== 'Offline' && a.id !== from?.agentId)
      .filter((a) => !needle || a!.name.toLowerCase().includes(needle))
      .slice(0, maxListed) as NonNullable<(typeof agents)[string]>[];
  }, [agents, agentOrder, filter, from?.agentId]);
  const queueList = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return Object.values(queues).filter((q) => !needle || q.name.toLowerCase().includes(needle));
  }, [queues, filter]);

  const submit = async () => {
    if (!selected) return;
    const names = { targetName: selected.name, ...(from ? { agentName: from.name } : {}) };
    const ok = await confirm({
      title: `${verb}?`,
      message: confirmationPrompt(mode, names),
      confirmLabel: mode === 'transfer' ? 'Transfer' : 'Assign',
    });
    if (!ok) return;
    setBusy(true);
    const target = { kind: selected.kind, id: selected.id };
    const done = await run(mode === 'transfer' ? 'digital:transfer' : 'digital:assign', { interactionId: interaction.id, target });
    setBusy(false);
    if (done) onClose();
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    trapTab(e, ref.current);
  };

  const tabButton = (id: Tab, label: string, ref?: React.Ref<HTMLButtonElement>) => (
    <button
      ref={ref}
      type="button"
      role="tab"
      id={`${titleId}-${id}`}
      aria-selected={tab === id}
      aria-controls={`${titleId}-panel`}
      className={`dg-tab${tab === id ? ' current' : ''}`}
      title={`Show ${label.toLowerCase()}`}
      onClick={() => setTab(id)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          e.preventDefault();
          setTab(tab === 'agents' ? 'queues' : 'agents');
        }
      }}
    >
      {label}
    </button>
  );

  return createPortal(
    <div className="overlay" onKeyDown={onKeyDown}>
      <div ref={ref} className="dialog transfer-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>
          {verb}
          {from ? <span className="muted"> from {from.name}</span> : null}
        </h2>
        <div role="tablist" aria-label="Transfer to" className="dg-tabs">
          {tabButton('agents', 'Agents', firstRef)}
          {tabButton('queues', 'Support queues')}
        </div>
        <label className="dg-filter" title="Type part of a name to narrow the list">
          <span>Filter</span>
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <div id={`${titleId}-panel`} role="tabpanel" aria-labelledby={`${titleId}-${tab}`} className="target-list">
          <fieldset>
            <legend className="visually-hidden">{tab === 'agents' ? 'Agents' : 'Support queues'}</legend>
            {tab === 'agents'
              ? agentList.map((a) => (
                  <label key={a.id} className="target" title={`${a.name} — ${a.status}`}>
                    <input
                      type="radio"
                      name="target"
                      checked={selected?.kind === 'agent' && selected.id === a.id}
                      onChange={() => setSelected({ kind: 'agent', id: a.id, name: a.name })}
                    />
                    <span>{a.name}</span> <span className="muted">{a.status}</span>
                  </label>
                ))
              : queueList.map((q) => (
                  <label key={q.id} className="target" title={`${q.name} — ${q.waiting} waiting`}>
                    <input
                      type="radio"
                      name="target"
                      checked={selected?.kind === 'queue' && selected.id === q.id}
                      onChange={() => setSelected({ kind: 'queue', id: q.id, name: q.name })}
                    />
                    <span>{q.name}</span> <span className="muted">{q.waiting} waiting</span>
                  </label>
                ))}
            {(tab === 'agents' ? agentList.length : queueList.length) === 0 ? <p className="muted">Nothing matches.</p> : null}
          </fieldset>
        </div>
        <div className="dialog-buttons">
          <button type="button" title="Close without changing anything (Escape)" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={!selected || busy}
            title={selected ? `${verb} to ${selected.name}` : 'Select an agent or a queue first'}
            onClick={() => void submit()}
          >
            Assign
          </button>
        </div>
        {confirmDialog}
      </div>
    </div>,
    document.body,
  );
}
