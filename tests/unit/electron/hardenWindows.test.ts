/**
 * main/electron/hardenWindows.ts under a fake `electron`: no navigation away
 * from app://, no new windows or webviews, and the microphone as the only
 * permission, for our own top-level page only.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { hardenWindows, openExternalSafely } from '../../../main/electron/hardenWindows';
import { app, FakeWebContents, recorded, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const ours = 'app://spyglass/index.html';

beforeAll(() => {
  resetFakeElectron();
  hardenWindows();
});

function createdContents(url = ours): FakeWebContents {
  const contents = new FakeWebContents(url);
  app.emit('web-contents-created', {}, contents);
  return contents;
}

describe('navigation and new windows', () => {
  it('stays inside the app', () => {
    const contents = createdContents();
    expect(contents.attempt('will-navigate', 'app://spyglass/index.html#/agents')).toBe(false);
    expect(contents.attempt('will-navigate', 'app://spyglass/media.html')).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'app://spyglass.evil/index.html', 'javascript:alert(1)', 'not a url'])(
    'refuses to navigate or redirect to %s',
    (url) => {
      const contents = createdContents();
      expect(contents.attempt('will-navigate', url)).toBe(true);
      expect(contents.attempt('will-redirect', url)).toBe(true);
    },
  );

  it('denies every new window and webview', () => {
    const contents = createdContents();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: ours })).toEqual({ action: 'deny' });
    expect(contents.attempt('will-attach-webview')).toBe(true);
  });
});

/** Asks the permission request handler as Electron would; resolves with its answer. */
function request(permission: string, details: Record<string, unknown>, pageUrl = ours): boolean {
  let granted: boolean | undefined;
  const handler = recorded.permissionRequestHandler as unknown as (
    contents: FakeWebContents,
    permission: string,
    callback: (granted: boolean) => void,
    details: Record<string, unknown>,
  ) => void;
  handler(new FakeWebContents(pageUrl), permission, (answer) => (granted = answer), { requestingUrl: ours, isMainFrame: true, ...details });
  if (granted === undefined) throw new Error('the handler never answered');
  return granted;
}

describe('permission requests', () => {
  it('grants the microphone to our page', () => {
    expect(request('media', { mediaTypes: ['audio'] })).toBe(true);
  });

  it.each([
    ['the camera', 'media', { mediaTypes: ['video'] }],
    ['camera and microphone together', 'media', { mediaTypes: ['audio', 'video'] }],
    ['media with no type named', 'media', { mediaTypes: [] }],
    ['screen capture', 'display-capture', {}],
    ['notifications', 'notifications', {}],
    ['geolocation', 'geolocation', {}],
    ['clipboard reading', 'clipboard-read', {}],
    ['opening external links', 'openExternal', { externalURL: 'https://example.com' }],
  ])('refuses %s', (_name, permission, details) => {
    expect(request(permission, details)).toBe(false);
  });

  it('refuses the microphone to another origin, a subframe, or a page that navigated away', () => {
    expect(request('media', { mediaTypes: ['audio'], requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(request('media', { mediaTypes: ['audio'], isMainFrame: false })).toBe(false);
    expect(request('media', { mediaTypes: ['audio'] }, 'https://evil.example/')).toBe(false);
  });
});

describe('permission checks', () => {
  const check = (permission: string, origin: string, details: Record<string, unknown> = {}) =>
    (recorded.permissionCheckHandler as unknown as (c: null, p: string, o: string, d: Record<string, unknown>) => boolean)(null, permission, origin, details);

  it('answers yes for the microphone (and speaker choice) of our origin only', () => {
    expect(check('media', 'app://spyglass', { mediaType: 'audio' })).toBe(true);
    expect(check('media', 'app://spyglass', { mediaType: 'unknown' })).toBe(true);
    expect(check('media', 'app://spyglass', { mediaType: 'video' })).toBe(false);
    expect(check('media', 'https://evil.example', { mediaType: 'audio' })).toBe(false);
    expect(check('notifications', 'app://spyglass')).toBe(false);
  });
});

describe('external links', () => {
  it('opens web and mail links in the system browser, nothing else', async () => {
    await openExternalSafely('https://example.com/help');
    await openExternalSafely('mailto:it@example.com');
    await expect(openExternalSafely('file:///etc/passwd')).rejects.toThrow(/non-web link/);
    await expect(openExternalSafely('smb://server/share')).rejects.toThrow(/non-web link/);
    expect(recorded.openedExternally).toEqual(['https://example.com/help', 'mailto:it@example.com']);
  });
});
