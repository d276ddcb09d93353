/**
 * The only bridge between the sandboxed renderer and main. Exposes exactly
 * the contract's channels as `window.spyglass` (Element Desktop's explicit
 * allowlist); never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isCommandName, isEventName, type SpyglassApi } from './contract';

const commandPrefix = 'spyglass:cmd:';
const eventPrefix = 'spyglass:evt:';

const api: SpyglassApi = {
  invoke(channel, payload) {
    if (!isCommandName(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown command “${String(channel)}”.` } });
    }
    return ipcRenderer.invoke(commandPrefix + channel, payload);
  },
  on(channel, listener) {
    if (!isEventName(channel)) throw new Error(`Unknown event “${String(channel)}”.`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(eventPrefix + channel, wrapped);
    return () => ipcRenderer.removeListener(eventPrefix + channel, wrapped);
  },
};

contextBridge.exposeInMainWorld('spyglass', api);
