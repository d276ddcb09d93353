import { connectBridge } from '../bridge';
import { dispatch } from '../store';
import { invoke, setApi } from './api';

/**
 * Connects to main, loads the first snapshot and mirrors events into the
 * store. After a reconnect (web host restart, dropped socket) it reloads the
 * snapshot so nothing shown is stale.
 */
export function startSession(): void {
  let everOpened = false;
  const api = connectBridge((state) => {
    dispatch({ type: 'ui/connection', state });
    if (state === 'open') {
      if (everOpened) void loadSnapshot();
      everOpened = true;
    }
  });
  setApi(api);
  api.on('session:snapshot', (snapshot) => dispatch({ type: 'live/snapshot', snapshot }));
  api.on('session:delta', (delta) => dispatch({ type: 'live/delta', delta }));
  api.on('voice:session', (session) => dispatch({ type: 'live/voiceSession', session }));
  api.on('notice', (notice) => dispatch({ type: 'notices/add', notice }));
  api.on('config:changed', (view) => dispatch({ type: 'config/loaded', view }));
  api.on('cache:status', (status) => dispatch({ type: 'cache/status', status }));
  api.on('digital:messages', ({ interactionId, messages }) => dispatch({ type: 'digital/messages', interactionId, messages }));
  api.on('digital:typing', ({ interactionId, agentTyping, draft }) => dispatch({ type: 'digital/typing', interactionId, agentTyping, draft }));
  void loadSnapshot();
}

async function loadSnapshot(): Promise<void> {
  const [snapshot, config, notices, cache] = await Promise.all([
    invoke('session:snapshot', {}),
    invoke('config:get', {}),
    invoke('notices:list', {}),
    invoke('cache:status', {}),
  ]);
  if (cache.ok) {
    dispatch({ type: 'cache/status', status: cache.value });
    // Opening offline: the cached transcripts are what there is to see.
    if (cache.value.mode === 'offline') dispatch({ type: 'ui/show', view: 'transcripts' });
  }
  if (snapshot.ok) dispatch({ type: 'live/snapshot', snapshot: snapshot.value });
  if (config.ok) dispatch({ type: 'config/loaded', view: config.value });
  if (notices.ok) for (const notice of notices.value) dispatch({ type: 'notices/add', notice });
}
