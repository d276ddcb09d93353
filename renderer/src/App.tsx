import { HelpOverlay } from './components/HelpOverlay';
import { Header } from './components/Header';
import { Notices } from './components/Notices';
import { StatusBar } from './components/StatusBar';
import { useSearchShortcut } from './components/useSearchShortcut';
import { useTheme } from './components/useTheme';
import { useStore } from './store';
import { AlertsView } from './views/alerts/AlertsView';
import { useAlertBadge } from './views/alerts/useAlertBadge';
import { AuditView } from './views/digital/AuditView';
import { ChatsView } from './views/digital/ChatsView';
import { InteractionDetails } from './views/InteractionDetails';
import { SettingsView } from './views/SettingsView';
import { TranscriptsView } from './views/transcripts/TranscriptsView';
import { OfflineBanner } from './views/transcripts/OfflineBanner';
import { AgentsView } from './views/voice/AgentsView';
import { MonitoringToolbar } from './views/voice/MonitoringToolbar';
import { MyInteractions } from './views/voice/MyInteractions';
import { QueueActivityView } from './views/voice/QueueActivityView';

function CurrentView() {
  const view = useStore((s) => s.ui.view);
  const detailsId = useStore((s) => s.ui.detailsId);
  if (detailsId) return <InteractionDetails interactionId={detailsId} />;
  switch (view) {
    case 'agents':
      return <AgentsView />;
    case 'queues':
      return <QueueActivityView />;
    case 'chats':
      return <ChatsView />;
    case 'transcripts':
      return <TranscriptsView />;
    case 'audit':
      return <AuditView />;
    case 'settings':
      return <SettingsView />;
    case 'alerts':
      return <AlertsView />;
  }
}

export function App() {
  useTheme();
  useSearchShortcut();
  useAlertBadge();
  return (
    <div className="app">
      <Header />
      <div className="workspace">
        <MyInteractions />
        <main className="content" id="content" tabIndex={0} aria-label="Current view">
          <OfflineBanner />
          <CurrentView />
        </main>
      </div>
      <MonitoringToolbar />
      <StatusBar />
      <Notices />
      <HelpOverlay />
    </div>
  );
}
