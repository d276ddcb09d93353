/**
 * Electron entry (thin on purpose: everything it composes runs and is tested
 * under plain Node through the web host).
 */
import * as path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { composeCore } from './app/composeCore';
import { createLogger } from './core/logger';
import { appOrigin, registerAppScheme, serveRenderer } from './electron/appProtocol';
import { hardenWindows, openExternalSafely } from './electron/hardenWindows';
import { attachWindow, wireIpc } from './electron/ipcBridge';
import { createSafeStorageKeyStore } from './electron/safeStorageKeyStore';

app.enableSandbox();
registerAppScheme();

const log = createLogger();

async function start(): Promise<void> {
  await app.whenReady();
  hardenWindows();
  serveRenderer(path.join(__dirname, '../renderer'));

  const { core } = await composeCore({
    host: 'electron',
    version: app.getVersion(),
    userDataDir: app.getPath('userData'),
    log,
    openExternal: openExternalSafely,
    keyStore: createSafeStorageKeyStore(app.getPath('userData')),
    cacheWorkerEntry: path.join(__dirname, 'cacheWorker.js'),
  });
  wireIpc(core);

  const createWindow = () => {
    const window = new BrowserWindow({
      width: 1400,
      height: 900,
      title: 'Spyglass',
      backgroundColor: '#0f1724',
      show: false,
      webPreferences: {
        preload: path.join(__dirname, '../preload/index.js'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        spellcheck: false,
      },
    });
    attachWindow(core, window);
    window.once('ready-to-show', () => window.show());
    void window.loadURL(`${appOrigin}/index.html`);
    return window;
  };

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => void core.stop());
}

start().catch((e) => {
  log.error(`Spyglass failed to start: ${(e as Error).stack ?? e}`);
  app.exit(1);
});
