import { app, session, shell, type WebContents } from 'electron';
import { isAppUrl } from './appProtocol';

/**
 * Electron security checklist, applied to every web contents: no navigation
 * away from the app, no new windows, only the microphone permission, and only
 * for our own origin.
 */
export function hardenWindows(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const ses = session.defaultSession;
  // Microphone capture only (coach and barge): no camera, screen, location,
  // notifications, and only for our own top-level page.
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = (details as { mediaTypes?: string[] }).mediaTypes ?? [];
    const microphoneOnly = permission === 'media' && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'audio');
    const fromUs = isAppUrl(details.requestingUrl) && details.isMainFrame && isAppUrl(contents?.getURL());
    callback(microphoneOnly && fromUs);
  });
  // Permission checks (device labels, speaker choice) for our origin, never
  // for the camera.
  ses.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) => permission === 'media' && isAppUrl(requestingOrigin) && details.mediaType !== 'video',
  );
}

/** Opens a link the user confirmed in the system browser (http, https, mailto only). */
export async function openExternalSafely(url: string): Promise<void> {
  const parsed = new URL(url);
  if (!['http:', 'https:', 'mailto:'].includes(parsed.protocol)) throw new Error('Refused to open a non-web link.');
  await shell.openExternal(parsed.toString());
}
