import * as path from 'node:path';
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveStatic } from '../web-host/staticFiles';

export const appScheme = 'app';
export const appHost = 'spyglass';
export const appOrigin = `${appScheme}://${appHost}`;

/** Must run before `app.ready`: app:// behaves like https (secure context, fetch, no file:// powers). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

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
