/**
 * Electron entry (thin on purpose: everything it composes runs and is tested
 * under plain Node through the web host).
 */
import * as path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { composeCore } from './app/composeCore';
import { createAppLogger } from './app/createAppLogger';
import { policyPath } from './config/policyPath';
import { appOrigin, registerAppScheme, serveRenderer } from './electron/appProtocol';
import { hardenWindows, openExternalSafely } from './electron/hardenWindows';
import { electronLogFolder, openFolder, startCrashReports } from './electron/diagnostics';
import { attachWindow, wireIpc } from './electron/ipcBridge';
import { wireAlertNotifier } from './electron/alertNotifier';
import { createSafeStorageKeyStore } from './electron/safeStorageKeyStore';
import { createSafeStorageSecretStore } from './electron/safeStorageSecretStore';
import { forwardPowerEvents } from './electron/powerEvents';

app.enableSandbox();
registerAppScheme();

// Before anything else: crash dumps (kept locally; uploaded only to an IT policy URL) and log files in the OS log folder.
const crashReports = startCrashReports(policyPath(process.platform, process.env));
const logFolder = electronLogFolder();
const { log } = createAppLogger(logFolder);

async function start(): Promise<void> {
  await app.whenReady();
  hardenWindows();
  serveRenderer(path.join(__dirname, '../renderer'));

  const { core, phoneNetwork } = await composeCore({
    host: 'electron',
    version: app.getVersion(),
    userDataDir: app.getPath('userData'),
    log,
    openExternal: openExternalSafely,
    keyStore: createSafeStorageKeyStore(app.getPath('userData')),
    secretStore: createSafeStorageSecretStore(app.getPath('userData')),
    cacheWorkerEntry: path.join(__dirname, 'cacheWorker.js'),
    diagnostics: { logFolder, openLogFolder: openFolder, crashReports },
    // The scenario chats join the demo's traffic after two demo minutes (the web host does the same).
    demo: { scenarioChatsPlayAfterMs: 2 * 60_000 },
  });
  wireIpc(core);
  // Sleep and wake reconnect the phone at once (the page adds online/offline through the contract).
  forwardPowerEvents(phoneNetwork);

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
    // The hidden media window must not keep the app alive once the last UI window is closed.
    window.on('closed', () => {
      const uiWindows = BrowserWindow.getAllWindows().filter((w) => w.isVisible());
      if (uiWindows.length === 0 && process.platform !== 'darwin') app.quit();
    });
    void window.loadURL(`${appOrigin}/index.html`);
    return window;
  };

  // Call audio lives in a hidden window of its own: reloading or closing the
  // UI window never drops an active monitor (DESIGN.md, issue 3).
  const mediaWindow = new BrowserWindow({
    show: false,
    title: 'Spyglass audio',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      backgroundThrottling: false,
    },
  });
  attachWindow(core, mediaWindow);
  void mediaWindow.loadURL(`${appOrigin}/media.html`);

  let uiWindow = createWindow();
  // Alerts as desktop notifications and the taskbar badge (issue 12 item 2).
  wireAlertNotifier(core.alerts, {
    enabled: () => core.options.config.get('alerts.desktopNotifications'),
    uiWindow: () => (uiWindow.isDestroyed() ? undefined : uiWindow),
    showAlert: (alertId) => core.emit('alerts:show', alertId ? { alertId } : {}),
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().every((w) => w === mediaWindow)) uiWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    if (!mediaWindow.isDestroyed()) mediaWindow.destroy();
  });
  app.on('before-quit', () => void core.stop());
}

start().catch((e) => {
  log.error(`Spyglass failed to start: ${(e as Error).stack ?? e}`);
  app.exit(1);
});
