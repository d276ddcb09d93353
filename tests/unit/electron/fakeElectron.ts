/**
 * A stand-in for the `electron` module (its binary cannot be downloaded on
 * our build machines): records what main/electron registers — IPC handlers,
 * the app:// handler, app and web-contents listeners, permission handlers —
 * so tests can call them the way Electron would. Used with
 * `vi.mock('electron', () => import('./fakeElectron'))`.
 */
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';

type Handler = (...args: never[]) => unknown;

export const recorded = {
  ipcHandlers: new Map<string, Handler>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  privilegedSchemes: [] as unknown[],
  permissionRequestHandler: undefined as Handler | undefined,
  permissionCheckHandler: undefined as Handler | undefined,
  openedExternally: [] as string[],
  openedPaths: [] as string[],
  crashReporterStarts: [] as Record<string, unknown>[],
  notifications: [] as FakeNotification[],
  badgeCounts: [] as number[],
};

export function resetFakeElectron(): void {
  recorded.ipcHandlers.clear();
  recorded.protocolHandlers.clear();
  recorded.privilegedSchemes.length = 0;
  recorded.permissionRequestHandler = undefined;
  recorded.permissionCheckHandler = undefined;
  recorded.openedExternally.length = 0;
  recorded.openedPaths.length = 0;
  recorded.crashReporterStarts.length = 0;
  recorded.notifications.length = 0;
  recorded.badgeCounts.length = 0;
  app.removeAllListeners();
}

export const ipcMain = {
  handle(channel: string, handler: Handler) {
    if (recorded.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    recorded.ipcHandlers.set(channel, handler);
  },
};

/** What Electron does for `ipcRenderer.invoke` on a channel: the handler's result, or a rejection when none is registered. */
export async function invoke(channel: string, event: unknown, payload: unknown): Promise<unknown> {
  const handler = recorded.ipcHandlers.get(channel);
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  return (handler as (event: unknown, payload: unknown) => unknown)(event, payload);
}

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    recorded.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    recorded.protocolHandlers.set(scheme, handler);
  },
};

/** net.fetch for the file:// URLs the app:// handler reads from. */
export const net = {
  async fetch(url: string): Promise<Response> {
    if (!url.startsWith('file://')) throw new Error(`fake net.fetch only reads files, not ${url}`);
    return new Response(fs.readFileSync(fileURLToPath(url)));
  },
};

/** app: its events, and the OS folders main asks for (under a fake root a test may set). */
export const app = Object.assign(new EventEmitter(), {
  pathsRoot: '/fake-electron',
  logsPathSet: false,
  setAppLogsPath() {
    app.logsPathSet = true;
  },
  getPath(name: string): string {
    if (name === 'logs' && !app.logsPathSet) throw new Error("Failed to get 'logs' path");
    return `${app.pathsRoot}/${name}`;
  },
  setBadgeCount(count: number) {
    recorded.badgeCounts.push(count);
    return true;
  },
});

/** An OS notification: what was asked for, whether it was shown; `click()` plays the user clicking it. */
export class FakeNotification extends EventEmitter {
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  shown = false;
  constructor(readonly options: { title: string; body?: string }) {
    super();
    recorded.notifications.push(this);
  }
  show(): void {
    this.shown = true;
  }
  click(): void {
    this.emit('click');
  }
}
export { FakeNotification as Notification };

export const nativeImage = {
  createFromBitmap: (buffer: Buffer, size: { width: number; height: number }) => ({ buffer, size }),
};

export const crashReporter = {
  start(options: Record<string, unknown>) {
    if (options.uploadToServer !== false && !options.submitURL) throw new Error('submitURL is a required option to crashReporter.start');
    recorded.crashReporterStarts.push(options);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: Handler) {
      recorded.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Handler) {
      recorded.permissionCheckHandler = handler;
    },
  },
};

export const shell = {
  async openExternal(url: string) {
    recorded.openedExternally.push(url);
  },
  async openPath(folder: string) {
    recorded.openedPaths.push(folder);
    return '';
  },
};

/** A web contents as `web-contents-created` hands it over: its listeners and window-open handler are kept. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  constructor(private url: string) {
    super();
  }
  getURL(): string {
    return this.url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits a cancellable event the way Electron does; true when a listener prevented it. */
  attempt(eventName: string, url?: string): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true), url };
    this.emit(eventName, event, url);
    return prevented;
  }
}

/**
 * safeStorage as an OS secret store would behave: opaque bytes out, the
 * string back only through decryptString. The "encryption" is a byte flip
 * (enough to prove no plaintext reaches the disk); `available` and `backend`
 * let a test play a Linux without a keyring (`basic_text`).
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  isEncryptionAvailable: () => safeStorage.available,
  getSelectedStorageBackend: () => safeStorage.backend,
  encryptString: (plain: string): Buffer => Buffer.concat([Buffer.from('fake-os-store:'), Buffer.from(plain, 'utf8').map((b) => b ^ 0xa5)]),
  decryptString: (data: Buffer): string => {
    const prefix = Buffer.from('fake-os-store:');
    if (!data.subarray(0, prefix.length).equals(prefix)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(data.subarray(prefix.length).map((b) => b ^ 0xa5)).toString('utf8');
  },
};

/** powerMonitor: the tests emit 'suspend', 'resume', 'lock-screen', 'unlock-screen'. */
export const powerMonitor = new EventEmitter();
