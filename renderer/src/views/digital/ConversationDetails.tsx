import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Availability, InteractionView, Message } from '../../../../preload/contract';
import { useConfirm } from '../../components/ConfirmDialog';
import { AssistanceFlagIcon, DismissIcon } from '../../components/icons';
import { useShortcut } from '../../components/shortcuts';
import { invoke } from '../../services/api';
import { dispatch, useStore } from '../../store';
import { selectDropped, selectMessages, selectTyping } from '../../store/digital/selectors';
import { clearFlag, monitorChat, participateChat, releaseChat, sendMessage, stopChat } from './actions';
import { channelLabels, currentAgent, customerName, formatTime, participatingAs, stateLabels } from './format';
import { Attachment, LinkifiedText, MessageText } from './MessageText';
import { showControlCharacters } from './safeText';
import { TransferDialog } from './TransferDialog';
import { perfHookInstalled, reportMessagesCommitted } from './perf';
import { NotifyWhenFree } from '../alerts/NotifyWhenFree';
import './digital.css';

const senderLabels: Record<Message['senderKind'], string> = {
  customer: 'Customer',
  agent: 'Agent',
  supervisor: 'Supervisor',
  system: 'System',
};

const MessageItem = memo(function MessageItem({ message, channel }: { message: Message; channel: string }) {
  return (
    <li className={`message message-${message.senderKind}`} data-testid="message" data-sender={message.senderKind}>
      <div className="message-meta">
        <span className="message-sender" dir="auto">
          {showControlCharacters(message.senderName)}
        </span>{' '}
        <span className={`sender-badge badge-${message.senderKind}`}>{senderLabels[message.senderKind]}</span>{' '}
        <time className="muted" dateTime={new Date(message.at).toISOString()}>
          {formatTime(message.at)}
        </time>{' '}
        <span className="muted">· {channel}</span>
      </div>
      <MessageText text={message.text} />
      {message.attachments.length ? (
        <ul className="attachments" aria-label="Attachments">
          {message.attachments.map((a, i) => (
            <li key={i}>
              <Attachment name={a.name} url={a.url} />
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
});

/**
 * How many of the newest messages are in the page at first, and how many more each "Show earlier"
 * adds. A busy chat (bench:transcript-load: ~500 messages a second into the watched one) replaced the
 * top of a 500-item list every frame: layout, paint and content-visibility's intersection checks
 * ran over every item, each frame. The store still keeps 500 (initialState.ts).
 */
export const transcriptTail = 100;

/** Memoised on what it shows, not on the interaction (which changes with every delta). Keyed by conversation by its parent. */
const Transcript = memo(function Transcript({ interactionId, channelName, agentName }: { interactionId: string; channelName: string; agentName: string | undefined }) {
  const messages = useStore((s) => selectMessages(interactionId)(s.digital));
  const [shown, setShown] = useState(transcriptTail);
  const earlier = Math.max(0, messages.length - shown);
  const inPage = earlier ? messages.slice(earlier) : messages;
  const dropped = useStore((s) => selectDropped(interactionId)(s.digital));
  const typing = useStore((s) => selectTyping(interactionId)(s.digital));
  const loaded = useStore((s) => s.digital.transcripts[interactionId]?.loaded ?? false);
  const lastReported = useRef<string | undefined>(undefined);
  const stickToBottom = useRef(true);
  const channel = channelName;

  useLayoutEffect(() => {
    if (perfHookInstalled() && messages.length) {
      const from = lastReported.current ? messages.findIndex((m) => m.id === lastReported.current) + 1 : 0;
      reportMessagesCommitted(interactionId, messages.slice(from));
    }
    lastReported.current = messages[messages.length - 1]?.id;
  }, [messages, interactionId]);

  // Stays at the newest message while the supervisor has not scrolled up. Scrolled from a
  // ResizeObserver, which runs after the frame's layout and before its paint: the new lines are
  // on screen in the same frame, without the layout a script forces by reading scrollHeight
  // right after React's commit (bench:transcript-load: that forced layout was a third of the
  // script in its longest frames, and the frame laid out again after it). While it follows, the
  // box has no scroll anchoring (class `following`): a window of the newest 100 that slides keeps
  // its height and so stays at the bottom, where anchoring would have moved it up to the line in
  // view. Scrolled up, anchoring keeps the lines being read in place as the top is cut.
  const boxRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = boxRef.current;
    const content = contentRef.current;
    if (!box || !content) return;
    box.classList.toggle('following', stickToBottom.current);
    const stick = () => {
      if (stickToBottom.current) box.scrollTop = box.scrollHeight;
    };
    stick();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(stick);
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={boxRef}
      className="transcript-box"
      tabIndex={0}
      role="region"
      aria-label="Transcript"
      onScroll={(e) => {
        const el = e.currentTarget;
        const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        if (atBottom === stickToBottom.current) return;
        stickToBottom.current = atBottom;
        el.classList.toggle('following', atBottom);
      }}
    >
      <div ref={contentRef} className="transcript-content">
        {dropped ? <p className="muted">{dropped} older messages are not shown.</p> : null}
        {earlier ? (
          <p className="muted">
            <button type="button" className="dg-link" onClick={() => setShown((n) => n + transcriptTail)}>
              Show {Math.min(transcriptTail, earlier)} earlier messages
            </button>{' '}
            ({earlier} earlier not shown)
          </p>
        ) : null}
        {!loaded && messages.length === 0 ? <p className="muted">Loading the transcript…</p> : null}
        {loaded && messages.length === 0 ? <p className="muted">No messages yet.</p> : null}
        <div role="log" aria-label="Messages" aria-live="polite">
          <ol className="transcript">
            {inPage.map((m) => (
              <MessageItem key={m.id} message={m} channel={channel} />
            ))}
          </ol>
        </div>
        {typing.agentTyping || typing.draft ? (
          <div className="typing" data-testid="agent-typing" aria-live="off">
            <div className="message-meta">
              <span>{agentName ?? 'The agent'}</span>{' '}
              {typing.agentTyping ? (
                <span className="typing-dots" role="img" aria-label="is typing" title="The agent is typing">
                  <span />
                  <span />
                  <span />
                </span>
              ) : (
                <span className="muted">has an unsent draft</span>
              )}
            </div>
            {typing.draft ? (
              <div className="draft" dir="auto" title="The agent's draft: not sent yet, the customer cannot see it">
                <span className="visually-hidden">Unsent draft: </span>
                <LinkifiedText text={typing.draft.length > 4000 ? `${typing.draft.slice(0, 4000)}…` : typing.draft} />
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
});

/** A button that main may refuse: disabled with the reason visible next to it and in its tooltip. */
export function ActionButton({
  availability,
  label,
  title,
  onClick,
  className,
}: {
  availability: Availability | undefined;
  label: string;
  title: string;
  onClick: () => void;
  className?: string;
}) {
  const reasonId = useId();
  const allowed = availability?.allowed ?? false;
  const reason = availability && !availability.allowed ? availability.reason : allowed ? undefined : 'Not available';
  return (
    <span className="action">
      <button
        type="button"
        className={className}
        disabled={!allowed}
        title={reason ? `${label}: ${reason}` : title}
        aria-describedby={reason ? reasonId : undefined}
        onClick={onClick}
      >
        {label}
      </button>
      {reason ? (
        <span id={reasonId} className={reason === label ? 'visually-hidden' : 'reason'}>
          {reason}
        </span>
      ) : null}
    </span>
  );
}

function Composer({ interaction }: { interaction: InteractionView }) {
  const [text, setText] = useState('');
  const [dialog, confirm] = useConfirm();
  const [sending, setSending] = useState(false);
  const send = async () => {
    const body = text.trim();
    if (!body) return;
    setSending(true);
    const sent = await sendMessage(interaction, body, confirm);
    setSending(false);
    if (sent) setText('');
  };
  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor={`composer-${interaction.id}`}>Your message (the agent and the customer will see it, labelled as from a supervisor)</label>
      <textarea
        id={`composer-${interaction.id}`}
        value={text}
        maxLength={20_000}
        rows={3}
        dir="auto"
        title="Type a message; Ctrl+Enter sends (asks first)"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.ctrlKey) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <button type="submit" className="primary" disabled={sending || !text.trim()} title="Send to the agent and the customer (asks first)">
        Send
      </button>
      {dialog}
    </form>
  );
}

function Panels({ interaction }: { interaction: InteractionView }) {
  const c = interaction.customer;
  const cat = interaction.categorisation;
  return (
    <div className="panels">
      <section className="dg-panel" aria-labelledby={`cust-${interaction.id}`}>
        <h3 id={`cust-${interaction.id}`}>Customer record</h3>
        {c ? (
          <dl>
            <dt>Name</dt>
            <dd dir="auto">{showControlCharacters(c.name)}</dd>
            {c.email ? (
              <>
                <dt>Email</dt>
                <dd dir="auto">{showControlCharacters(c.email)}</dd>
              </>
            ) : null}
            {c.phone ? (
              <>
                <dt>Phone</dt>
                <dd dir="ltr">{showControlCharacters(c.phone)}</dd>
              </>
            ) : null}
            {c.tier ? (
              <>
                <dt>Tier</dt>
                <dd>{showControlCharacters(c.tier)}</dd>
              </>
            ) : null}
            {c.notes ? (
              <>
                <dt>Notes</dt>
                <dd dir="auto">{showControlCharacters(c.notes)}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p className="muted">No customer record.</p>
        )}
      </section>
      <section className="dg-panel" aria-labelledby={`cat-${interaction.id}`}>
        <h3 id={`cat-${interaction.id}`}>Categorisation</h3>
        {cat ? (
          <dl>
            <dt>Topic</dt>
            <dd dir="auto">{cat.topic ? showControlCharacters(cat.topic) : '—'}</dd>
            <dt>Tags</dt>
            <dd>
              {cat.tags.length ? (
                <ul className="tags">
                  {cat.tags.map((t) => (
                    <li key={t} dir="auto">
                      {showControlCharacters(t)}
                    </li>
                  ))}
                </ul>
              ) : (
                '—'
              )}
            </dd>
            <dt>Disposition</dt>
            <dd>{cat.disposition ? showControlCharacters(cat.disposition) : '—'}</dd>
          </dl>
        ) : (
          <p className="muted">Not categorised yet.</p>
        )}
      </section>
    </div>
  );
}

/**
 * Interaction details for a digital conversation (rules 11-18): the live
 * transcript with the agent's typing and draft, the panels the agent sees,
 * and the actions main allows. Monitoring is read-only: nothing here sends
 * anything unless the supervisor chose Participate and confirmed.
 */
// Memoised: it selects what it shows from the store itself, so a parent's render (the Chats
// list on every delta, every key typed in its filter) need not redraw a 100-message transcript.
export const ConversationDetails = memo(function ConversationDetails({ interactionId, onClose }: { interactionId: string; onClose?: () => void }) {
  const interaction = useStore((s) => s.live.interactions[interactionId]);
  const me = useStore((s) => s.live.supervisor?.id);
  const queueName = useStore((s) => {
    const q = s.live.interactions[interactionId]?.queueId;
    return q ? s.live.queues[q]?.name : undefined;
  });
  const [dialog, confirm] = useConfirm();
  const [transfer, setTransfer] = useState<'transfer' | 'assign' | undefined>();
  const unseen = interaction?.unseenActivity ?? false;

  // Load the transcript on opening (and again after a reconnect, for what was missed); live events keep it current.
  const connection = useStore((s) => s.ui.connection);
  useEffect(() => {
    if (connection !== 'open') return;
    let cancelled = false;
    dispatch({ type: 'digital/open', interactionId });
    void invoke('digital:transcript', { interactionId }).then((r) => {
      if (cancelled || !r.ok) return;
      dispatch({ type: 'digital/transcript', interactionId, messages: r.value.messages, ...(r.value.typing ? { typing: r.value.typing } : {}) });
    });
    return () => {
      cancelled = true;
    };
  }, [interactionId, connection]);

  // Opening it is viewing it (rule 14); new activity while it is open is seen too.
  useEffect(() => {
    void invoke('digital:markViewed', { interactionId });
  }, [interactionId]);
  useEffect(() => {
    if (unseen) void invoke('digital:markViewed', { interactionId });
  }, [unseen, interactionId]);

  const close = useCallback(() => (onClose ? onClose() : dispatch({ type: 'ui/openDetails', interactionId: undefined })), [onClose]);
  useShortcut('Alt+W', 'Close the open conversation', close);

  if (!interaction) {
    return (
      <section className="view conversation">
        <p>This conversation has ended and is no longer live.</p>
        <button type="button" title="Close (Alt+W)" onClick={close}>
          Close
        </button>
      </section>
    );
  }

  const actions = interaction.digitalActions;
  const agent = currentAgent(interaction);
  const participating = participatingAs(interaction, me);
  const lock = interaction.monitorLock;
  const lockedByOther = lock !== undefined && lock.supervisorId !== me;
  const titleId = `conversation-title-${interaction.id}`;
  const name = showControlCharacters(customerName(interaction));

  return (
    <section className="view conversation" aria-labelledby={titleId} data-testid="conversation-details">
      <header className="conversation-header">
        <div>
          <h2 id={titleId}>
            <span dir="auto">{name}</span>{' '}
            <span className="muted">
              · {channelLabels[interaction.channel]} · {stateLabels[interaction.state]}
            </span>
          </h2>
          <p className="muted conversation-facts">
            Agent: {agent?.name ?? 'none (pending)'} · Queue: {queueName ?? '—'} · Started {formatTime(interaction.startedAt)}
            {interaction.supervisedByMe ? (participating ? ' · You are participating' : ' · You are monitoring (read-only; nobody is told)') : ''}
            {lockedByOther ? ` · Monitored by ${lock.supervisorName}` : ''}
          </p>
          {interaction.assistanceRequested ? (
            <p className="flag-banner" role="status">
              <AssistanceFlagIcon /> {agent?.name ?? 'The agent'} asked for assistance.
            </p>
          ) : null}
          {interaction.slaMissed ? <p className="sla-banner">SLA missed</p> : null}
        </div>
        <button type="button" className="icon-button" title="Close this conversation (Alt+W)" aria-label="Close conversation" onClick={close}>
          <DismissIcon />
        </button>
      </header>

      <div className="action-bar" role="group" aria-label="Conversation actions">
        {interaction.supervisedByMe ? (
          <ActionButton
            availability={actions?.stop}
            label={participating ? 'Leave chat' : 'Stop monitoring'}
            title={participating ? 'Leave the chat' : 'Stop monitoring this conversation'}
            onClick={() => void stopChat(interaction)}
          />
        ) : (
          <ActionButton
            availability={actions?.monitor}
            label={lockedByOther ? `Monitored by ${lock.supervisorName}` : 'Monitor'}
            title="Monitor read-only: the agent and the customer are not told"
            onClick={() => void monitorChat(interaction)}
          />
        )}
        {lockedByOther && !interaction.supervisedByMe ? <NotifyWhenFree interactionId={interaction.id} holder={lock.supervisorName} /> : null}
        {participating ? null : (
          <ActionButton
            availability={actions?.participate}
            label="Participate"
            title="Join the chat: the agent and the customer will see your messages (asks first)"
            onClick={() => void participateChat(interaction, confirm)}
          />
        )}
        <ActionButton availability={actions?.transfer} label="Transfer" title="Transfer to an agent or a queue (the agent is notified)" onClick={() => setTransfer('transfer')} />
        <ActionButton availability={actions?.release} label="Release" title="Release the chat to its queue (asks first)" onClick={() => void releaseChat(interaction, queueName, confirm)} />
        <ActionButton availability={actions?.assign} label="Assign" title="Assign this pending chat to an agent or a queue" onClick={() => setTransfer('assign')} />
        <ActionButton
          availability={actions?.clearFlag}
          label="Clear flag"
          title="Clear the assistance flag after helping"
          className={interaction.assistanceRequested ? 'flag-button' : undefined}
          onClick={() => void clearFlag(interaction)}
        />
      </div>

      <div className="conversation-body">
        <div className="conversation-main">
          <Transcript key={interaction.id} interactionId={interaction.id} channelName={channelLabels[interaction.channel]} agentName={agent?.name} />
          {participating ? <Composer interaction={interaction} /> : null}
        </div>
        <Panels interaction={interaction} />
      </div>
      {dialog}
      {transfer ? <TransferDialog interaction={interaction} mode={transfer} onClose={() => setTransfer(undefined)} /> : null}
    </section>
  );
});
