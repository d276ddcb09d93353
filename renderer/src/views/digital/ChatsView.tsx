import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useDeferredValue, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { InteractionView } from '../../../../preload/contract';
import { useConfirm } from '../../components/ConfirmDialog';
import { useShortcut } from '../../components/shortcuts';
import { dispatch, useStore } from '../../store';
import { clearFlag, monitorChat, participateChat, releaseChat, type Confirm } from './actions';
import { formatElapsed } from '../../format/elapsed';
import { coreNow } from '../voice/useSecondTick';
import { AssistanceFlagIcon, BinocularsIcon, DotIcon, SlaMissedIcon } from '../../components/icons';
import { ActionsMenu } from './ActionsMenu';
import { ConversationDetails } from './ConversationDetails';
import { channelLabels, currentAgent, customerName, sortChats, stateLabels } from './format';
import { sameChatRow } from './chatRowShows';
import { showControlCharacters } from './safeText';
import { TransferDialog } from './TransferDialog';
import './digital.css';

// One shared one-second ticker for every wait-time cell (rows themselves stay memoised).
let second = 0;
const tickListeners = new Set<() => void>();
let ticker: ReturnType<typeof setInterval> | undefined;
function subscribeSecond(listener: () => void): () => void {
  tickListeners.add(listener);
  ticker ??= setInterval(() => {
    second++;
    tickListeners.forEach((l) => l());
  }, 1000);
  return () => {
    tickListeners.delete(listener);
    if (tickListeners.size === 0 && ticker) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}


function WaitTime({ startedAt, pending }: { startedAt: number; pending: boolean }) {
  useSyncExternalStore(subscribeSecond, () => second);
  // The core's clock (the demo may run faster than real time), as every time shown.
  const now = coreNow();
  return (
    <>
      {formatElapsed(now - startedAt)}
      {pending ? <span className="visually-hidden"> waiting</span> : null}
    </>
  );
}

const ROW_HEIGHT = 44;
const COLUMNS = 8;

export interface RowProps {
  index: number;
  chat: InteractionView;
  queueName: string | undefined;
  selected: boolean;
  onOpen: (id: string) => void;
  onTransfer: (chat: InteractionView, mode: 'transfer' | 'assign') => void;
  confirm: Confirm;
}

export const ChatRow = memo(function ChatRow({ index, chat, queueName, selected, onOpen, onTransfer, confirm }: RowProps) {
  const agent = currentAgent(chat);
  const name = showControlCharacters(customerName(chat));
  const a = chat.digitalActions;
  const pending = chat.state === 'pending';
  return (
    <tr className={`chat-row${selected ? ' selected' : ''}${chat.assistanceRequested ? ' needs-help' : ''}`} data-testid={`chat-row-${chat.id}`} aria-selected={selected} aria-rowindex={index + 2}>
      <td className="markers">
        {chat.assistanceRequested ? (
          <button
            type="button"
            className="flag-button"
            title={a?.clearFlag.allowed ? 'Assistance requested — clear the flag after helping' : `Assistance requested${a && !a.clearFlag.allowed ? `: ${a.clearFlag.reason}` : ''}`}
            aria-label={`Assistance requested by ${agent?.name ?? 'the agent'} — clear flag`}
            disabled={!a?.clearFlag.allowed}
            onClick={() => void clearFlag(chat)}
          >
            <AssistanceFlagIcon />
          </button>
        ) : null}
        {chat.slaMissed ? (
          <span className="sla-marker" role="img" aria-label="SLA missed" title="SLA missed: this chat waited longer than its queue's target">
            <SlaMissedIcon />
          </span>
        ) : null}
        {chat.unseenActivity ? (
          <span className="new-dot" role="img" aria-label="New activity" title="New activity since you last viewed it">
            <DotIcon />
          </span>
        ) : null}
        {chat.supervisedByMe ? (
          <span className="supervised-marker" role="img" aria-label="You are supervising this chat" title="You are monitoring or participating in this chat">
            <BinocularsIcon />
          </span>
        ) : null}
      </td>
      <th scope="row">
        <button type="button" className="dg-link row-open" title={`Open the conversation with ${name}`} onClick={() => onOpen(chat.id)}>
          <span dir="auto">{name}</span>
        </button>
      </th>
      <td className="secondary">{channelLabels[chat.channel]}</td>
      <td>{pending ? <span className="pending-badge">Pending</span> : stateLabels[chat.state]}</td>
      <td className="narrow-hide">{agent?.name ?? <span className="muted">—</span>}</td>
      <td className="secondary">{queueName ?? '—'}</td>
      <td className="num" title={pending ? 'Waiting for an agent' : 'Time since the chat started'}>
        <WaitTime startedAt={chat.startedAt} pending={pending} />
      </td>
      <td>
        <ActionsMenu
          label={`Actions for the chat with ${name}`}
          items={[
            { label: 'Monitor chat', title: 'Monitor read-only (nobody is told)', availability: a?.monitor, run: () => void monitorChat(chat).then(() => onOpen(chat.id)) },
            {
              label: 'Participate chat',
              title: 'Join the chat (asks first)',
              availability: a?.participate,
              run: () => void participateChat(chat, confirm).then((ok) => ok && onOpen(chat.id)),
            },
            pending
              ? { label: 'Assign chat', title: 'Assign to an agent or a queue', availability: a?.assign, run: () => onTransfer(chat, 'assign') }
              : { label: 'Transfer chat', title: 'Transfer to an agent or a queue', availability: a?.transfer, run: () => onTransfer(chat, 'transfer') },
            { label: 'Release chat', title: 'Release to its queue (asks first)', availability: a?.release, run: () => void releaseChat(chat, queueName, confirm) },
          ]}
        />
      </td>
    </tr>
  );
}, sameRowProps);

/** A delta that changes nothing a row shows (a chat's last activity, its messages) leaves the row as it is (chatRowShows.ts). */
function sameRowProps(prev: RowProps, next: RowProps): boolean {
  return (
    prev.index === next.index &&
    prev.queueName === next.queueName &&
    prev.selected === next.selected &&
    prev.onOpen === next.onOpen &&
    prev.onTransfer === next.onTransfer &&
    prev.confirm === next.confirm &&
    sameChatRow(prev.chat, next.chat)
  );
}

/**
 * Chat actions by keys (issue 13 found 10): the Actions menu of the row that has focus, or of
 * the open conversation's row; the menu takes focus (arrows move, Enter runs, Escape closes).
 */
function openActionsMenu(): void {
  const focusedRow = document.activeElement?.closest('.chat-row');
  const row = focusedRow ?? document.querySelector('.chat-row.selected');
  const button = row?.querySelector<HTMLButtonElement>('.menu-button');
  if (!button) return;
  button.focus();
  if (button.getAttribute('aria-expanded') !== 'true') button.click();
}

/**
 * The Chats tab (seed 004's monitoring dashboard): every chat, SMS and
 * messaging conversation with its markers and an Actions menu; the chosen
 * conversation opens beside the list.
 */
export function ChatsView() {
  const interactions = useStore((s) => s.live.interactions);
  const queues = useStore((s) => s.live.queues);
  const selectedId = useStore((s) => s.digital.selectedId);
  const [filter, setFilter] = useState('');
  // The box shows each key at once; the list follows in a render React can interrupt, so a
  // key typed while many chats change is never held up by re-filtering them (issue 15).
  const listFilter = useDeferredValue(filter);
  const [dialog, confirm] = useConfirm();
  const [transfer, setTransfer] = useState<{ chat: InteractionView; mode: 'transfer' | 'assign' } | undefined>();

  // One pass over the interactions per delta: the chats, their counts, then one keyed sort.
  const { chats, counts } = useMemo(() => {
    const needle = listFilter.trim().toLowerCase();
    const list: InteractionView[] = [];
    const counts = { help: 0, sla: 0, pending: 0 };
    for (const id in interactions) {
      const i = interactions[id];
      if (!i || i.channel === 'voice') continue;
      if (i.assistanceRequested) counts.help++;
      if (i.slaMissed) counts.sla++;
      if (i.state === 'pending') counts.pending++;
      if (
        needle &&
        ![customerName(i), currentAgent(i)?.name ?? '', i.queueId ? queues[i.queueId]?.name ?? '' : '', i.id, channelLabels[i.channel]]
          .join(' ')
          .toLowerCase()
          .includes(needle)
      )
        continue;
      list.push(i);
    }
    return { chats: sortChats(list), counts };
  }, [interactions, queues, listFilter]);

  const open = useCallback((id: string) => dispatch({ type: 'digital/select', interactionId: id }), []);
  const closeDetails = useCallback(() => dispatch({ type: 'digital/select', interactionId: undefined }), []);
  const onTransfer = useCallback((chat: InteractionView, mode: 'transfer' | 'assign') => setTransfer({ chat, mode }), []);
  const focusFilter = useCallback(() => document.getElementById('chats-filter')?.focus(), []);
  useShortcut('Alt+L', 'Filter the chats list', focusFilter);
  useShortcut('Alt+A', "Open the Actions menu of the focused chat row, else of the open conversation's row", openActionsMenu);

  const selectedLive = selectedId && interactions[selectedId] ? selectedId : undefined;
  const transferChat = transfer ? interactions[transfer.chat.id] : undefined;

  // Only the rows in view are in the DOM: 500+ live rows in one table would re-layout on every change.
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: chats.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <section aria-labelledby="chats-title" className={`view chats-view${selectedLive ? ' with-details' : ''}`}>
      <div className="chats-list">
        <div className="chats-toolbar">
          <h1 id="chats-title">Chats</h1>
          <p className="muted chats-summary" aria-live="polite">
            {chats.length} conversations · {counts.pending} pending · {counts.help} asking for assistance · {counts.sla} SLA missed
          </p>
          <label className="dg-filter" title="Filter by customer, agent, queue or channel (Alt+L)">
            <span>Filter</span>
            <input id="chats-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </label>
        </div>
        <div ref={scrollRef} className="table-scroll chats-scroll" tabIndex={0} role="region" aria-label="Chats list">
          <table className="data chats-table" aria-rowcount={chats.length + 1}>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col" className="col-markers">
                  <span className="visually-hidden">Markers</span>
                </th>
                <th scope="col">Customer</th>
                <th scope="col" className="secondary">
                  Channel
                </th>
                <th scope="col" className="col-state">
                  State
                </th>
                <th scope="col" className="narrow-hide">
                  Agent
                </th>
                <th scope="col" className="secondary">
                  Queue
                </th>
                <th scope="col" className="col-wait">
                  Wait time
                </th>
                <th scope="col" className="col-actions">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {padTop > 0 ? (
                <tr aria-hidden="true" className="spacer" style={{ height: padTop }}>
                  <td colSpan={COLUMNS} />
                </tr>
              ) : null}
              {items.map((v) => {
                const c = chats[v.index];
                if (!c) return null;
                return (
                <ChatRow
                  key={c.id}
                  index={v.index}
                  chat={c}
                  queueName={c.queueId ? queues[c.queueId]?.name : undefined}
                  selected={c.id === selectedLive}
                  onOpen={open}
                  onTransfer={onTransfer}
                  confirm={confirm}
                />
                );
              })}
              {padBottom > 0 ? (
                <tr aria-hidden="true" className="spacer" style={{ height: padBottom }}>
                  <td colSpan={COLUMNS} />
                </tr>
              ) : null}
            </tbody>
          </table>
          {chats.length === 0 ? <p className="muted">No conversations{listFilter ? ' match the filter' : ''}.</p> : null}
        </div>
      </div>
      {selectedLive ? (
        <div className="chats-details">
          <ConversationDetails key={selectedLive} interactionId={selectedLive} onClose={closeDetails} />
        </div>
      ) : null}
      {dialog}
      {transfer && transferChat ? <TransferDialog interaction={transferChat} mode={transfer.mode} onClose={() => setTransfer(undefined)} /> : null}
    </section>
  );
}
