import { app, session, shell, type WebContents } from 'electron';
import { appOrigin } from './appProtocol';

/**
 * Electron security checklist, applied to every web contents: no navigation
 * away from the app, no new windows, only the microphone permission, and only
 * for our own origin.
 */
export function hardenWindows(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e, url) => {
      if (!url.startsWith(`${appOrigin}/`)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!url.startsWith(`${appOrigin}/`)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const fromUs = details.requestingUrl.startsWith(`${appOrigin}/`);
    const audioOnly = permission === 'media' && (details as { mediaTypes?: string[] }).mediaTypes?.every((t) => t === 'audio');
    callback(Boolean(fromUs && audioOnly && contents.getURL().startsWith(`${appOrigin}/`)));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === 'media' && requestingOrigin === appOrigin);
}

/** Opens a link the user confirmed in the system browser (http, https, mailto only). */
export async function openExternalSafely(url: string): Promise<void> {
  const parsed = new URL(url);
  if (!['http:', 'https:', 'mailto:'].includes(parsed.protocol)) throw new Error('Refused to open a non-web link.');
  await shell.openExternal(parsed.toString());
}
