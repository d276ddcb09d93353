import { HelpOverlay } from './components/HelpOverlay';
import { Header } from './components/Header';
import { Notices } from './components/Notices';
import { StatusBar } from './components/StatusBar';
import { useStore } from './store';
import { AgentsView } from './views/AgentsView';
import { AuditView } from './views/AuditView';
import { ChatsView } from './views/ChatsView';
import { QueueActivityView } from './views/QueueActivityView';
import { SettingsView } from './views/SettingsView';
import { TranscriptsView } from './views/TranscriptsView';

function CurrentView() {
  const view = useStore((s) => s.ui.view);
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
  }
}

export function App() {
  return (
    <div className="app">
      <Header />
      <div className="workspace">
        <main className="content" id="content" tabIndex={0} aria-label="Current view">
          <CurrentView />
        </main>
      </div>
      <StatusBar />
      <Notices />
      <HelpOverlay />
    </div>
  );
}
