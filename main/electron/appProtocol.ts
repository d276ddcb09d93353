import * as path from 'node:path';
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../app/csp';
import { resolveStatic } from '../web-host/staticFiles';

export const appScheme = 'app';
export const appHost = 'spyglass';
export const appOrigin = `${appScheme}://${appHost}`;

/**
 * True for a URL of our app:// origin. Not `new URL(url).origin`: Node's URL
 * gives "null" as the origin of every non-web scheme, so comparing origins
 * would refuse our own window (and startsWith would accept look-alikes such
 * as app://spyglass.evil).
 */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/** Must run before `app.ready`: app:// behaves like https (secure context, fetch, no file:// powers). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** The same policy the web host sends, but no bridge socket: Electron talks over IPC. */
const csp = contentSecurityPolicy();

/** Serves the built renderer from app://spyglass/ with a strict CSP; nothing outside it. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return new Response('Not found', { status: 404 });
    const found = resolveStatic(rendererDir, url.pathname);
    if (!found) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(path.resolve(found.file)).toString());
    return new Response(response.body, {
      status: 200,
      headers: { 'content-type': found.type, 'content-security-policy': csp, 'x-content-type-options': 'nosniff' },
    });
  });
}
