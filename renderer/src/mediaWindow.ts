/**
 * Entry of Electron's hidden media window: it only hosts the peer
 * connections, microphone and speakers for main's softphone. Living apart
 * from the UI window, a reload of the UI never drops an active monitor.
 */
import { attachMediaHost } from './media/attachMediaHost';
import { reportUnhandledErrors } from './services/errorReports';

if (window.spyglass) {
  reportUnhandledErrors(window.spyglass, 'media');
  attachMediaHost(window.spyglass);
}
