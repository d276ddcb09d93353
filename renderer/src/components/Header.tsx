import { useCallback } from 'react';
import { agentStatuses, type AgentStatus } from '../../../preload/contract';
import { run } from '../services/api';
import { dispatch, useStore } from '../store';
import { selectChatsNeedAttention } from '../store/live/selectors';
import { views, type ViewName } from '../store/ui/initialState';
import { DotIcon, KeyboardIcon } from './icons';
import { useShortcut } from './shortcuts';
import { AlertsCount } from '../views/alerts/AlertsCount';

export const viewLabels: Record<ViewName, string> = {
  agents: 'Agents',
  queues: 'Queue activity',
  chats: 'Chats',
  transcripts: 'Transcripts',
  audit: 'Audit log',
  settings: 'Settings',
  alerts: 'Alerts',
};

function NavButton({ view, index }: { view: ViewName; index: number }) {
  const current = useStore((s) => s.ui.view === view && !s.ui.detailsId);
  const attention = useStore((s) => view === 'chats' && selectChatsNeedAttention(s.live));
  const show = useCallback(() => dispatch({ type: 'ui/show', view }), [view]);
  useShortcut(`Alt+${index + 1}`, `Show ${viewLabels[view]}`, show);
  return (
    <button
      type="button"
      className={`nav-button${current ? ' current' : ''}`}
      aria-current={current ? 'page' : undefined}
      title={`${viewLabels[view]} (Alt+${index + 1})${attention ? ' — a chat needs attention (SLA missed or assistance requested)' : ''}`}
      onClick={show}
    >
      {viewLabels[view]}
      {view === 'alerts' ? <AlertsCount /> : null}
      {attention ? (
        <span className="attention-dot" role="img" aria-label="needs attention">
          <DotIcon />
        </span>
      ) : null}
    </button>
  );
}

export function Header() {
  const supervisor = useStore((s) => s.live.supervisor);
  const setStatus = (status: AgentStatus) => void run('supervisor:setStatus', { status });
  return (
    <header className="app-header">
      <div className="brand" aria-label="Spyglass">
        <img src="./icon.svg" alt="" width={24} height={24} />
        <span>Spyglass</span>
      </div>
      <nav aria-label="Views" className="nav">
        {views.map((v, i) => (
          <NavButton key={v} view={v} index={i} />
        ))}
      </nav>
      <div className="me">
        <span className="me-name" data-testid="supervisor-name" title="You are signed in as this supervisor">
          {supervisor?.name ?? 'Connecting…'}
        </span>
        {supervisor ? (
          <label className="status-picker" title="Your status. You must be Available to monitor.">
            <span className="visually-hidden">My status</span>
            <select value={supervisor.status} onChange={(e) => setStatus(e.target.value as AgentStatus)}>
              {agentStatuses.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" className="icon-button" title="Keyboard shortcuts (? or F1)" aria-label="Keyboard shortcuts" onClick={() => dispatch({ type: 'ui/help', open: true })}>
          <KeyboardIcon />
        </button>
      </div>
    </header>
  );
}
