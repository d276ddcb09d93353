import { connectBridge } from '../bridge';
import { dispatch, dispatchOnNextFrame } from '../store';
import { attachMediaHost } from '../media/attachMediaHost';
import { invoke, setApi } from './api';
import { watchNetworkHints } from './networkHints';
import { noteAgentChanges } from '../views/voice/perf';
import { dispatchMetrics } from '../store/metrics';
import { dispatchAlerts } from '../store/alerts';
import { notifyRaised, refreshPermission } from './desktopNotifications';
import { showAlert } from '../views/alerts/jump';

/**
 * Connects to main, loads the first snapshot and mirrors events into the
 * store. After a reconnect (web host restart, dropped socket) it reloads the
 * snapshot so nothing shown is stale.
 */
export function startSession(): void {
  let everOpened = false;
  let media: ReturnType<typeof attachMediaHost> | undefined;
  const api = connectBridge((state) => {
    dispatch({ type: 'ui/connection', state });
    if (state === 'open') {
      if (everOpened) {
        void loadSnapshot();
        // A new connection is a new screen to main: say again that audio lives here.
        if (media) void api.invoke('media:hostReady', { pcIds: media.host.pcIds() });
      }
      everOpened = true;
    }
  });
  setApi(api);
  // What the browser sees of the network goes to main, which reconnects the phone (issue 17 item 3).
  watchNetworkHints((hint) => void api.invoke('phone:networkHint', hint));
  api.on('session:snapshot', (snapshot) => dispatch({ type: 'live/snapshot', snapshot }));
  // The high-rate events wait for the next frame and are applied together (store/frameBatch.ts).
  api.on('session:delta', (delta) => {
    noteAgentChanges(delta.agentChangedAt, delta.at);
    dispatchOnNextFrame({ type: 'live/delta', delta });
  });
  api.on('voice:session', (session) => dispatch({ type: 'live/voiceSession', session }));
  api.on('notice', (notice) => dispatch({ type: 'notices/add', notice }));
  api.on('config:changed', (view) => dispatch({ type: 'config/loaded', view }));
  api.on('cache:status', (status) => dispatch({ type: 'cache/status', status }));
  api.on('phone:status', (status) => dispatch({ type: 'phone/status', status }));
  api.on('metrics:snapshot', (snapshot) => dispatchMetrics({ type: 'metrics/snapshot', snapshot }));
  api.on('alerts:changed', (state) => dispatchAlerts({ type: 'alerts/state', state }));
  api.on('alerts:raised', (raised) => notifyRaised(raised));
  api.on('alerts:show', ({ alertId }) => showAlert(alertId));
  refreshPermission();
  // Audio: in a browser this page hosts the peer connections; in Electron a
  // hidden media window does, so reloading this window never drops a monitor.
  if (!window.spyglass) {
    hostMediaWhenFirst(() => {
      media = attachMediaHost(api);
    });
  }
  api.on('digital:messages', ({ interactionId, messages }) => dispatchOnNextFrame({ type: 'digital/messages', interactionId, messages }));
  api.on('digital:typing', ({ interactionId, agentTyping, draft }) => dispatchOnNextFrame({ type: 'digital/typing', interactionId, agentTyping, draft }));
  void loadSnapshot();
}

/**
 * One tab of a browser hosts the media (issue 13 found 2): a second tab announcing itself as
 * the media host made main end the live monitor ("audio lost") — its peer was in the first tab.
 * A Web Lock, held for the page's life, makes later tabs wait; when the hosting tab closes or
 * reloads the lock passes on and the next tab (or the reloaded page) attaches, and main moves a
 * live leg onto a new peer there with a re-INVITE of its dialog (main/phone/reattach.ts).
 */
function hostMediaWhenFirst(attach: () => void): void {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) {
    attach();
    return;
  }
  void locks.request('spyglass-media-host', () => {
    attach();
    return new Promise<never>(() => {});
  });
}

async function loadSnapshot(): Promise<void> {
  // Applied the moment it arrives: a delta main sent after it must land on it, not be overwritten by it
  // when the other answers come in (a quiet chat started meanwhile stayed missing until it changed again).
  const snapshotApplied = invoke('session:snapshot', {}).then((snapshot) => {
    if (snapshot.ok) dispatch({ type: 'live/snapshot', snapshot: snapshot.value });
  });
  const [config, notices, cache] = await Promise.all([
    invoke('config:get', {}),
    invoke('notices:list', {}),
    invoke('cache:status', {}),
  ]);
  const alerts = await invoke('alerts:list', {});
  if (alerts.ok) dispatchAlerts({ type: 'alerts/state', state: alerts.value });
  const phone = await invoke('phone:status', {});
  if (phone.ok) dispatch({ type: 'phone/status', status: phone.value });
  if (cache.ok) {
    dispatch({ type: 'cache/status', status: cache.value });
    // Opening offline: the cached transcripts are what there is to see.
    if (cache.value.mode === 'offline') dispatch({ type: 'ui/show', view: 'transcripts' });
  }
  await snapshotApplied;
  if (config.ok) dispatch({ type: 'config/loaded', view: config.value });
  if (notices.ok) dispatch({ type: 'notices/replay', notices: notices.value });
}
