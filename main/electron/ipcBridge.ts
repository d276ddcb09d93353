import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { commandNames, fail } from '../../preload/contract';
import type { EventSink, SupervisorCore } from '../core/SupervisorCore';
import { isAppUrl } from './appProtocol';
import { batchChatMessages, type ChatMessageBatch } from '../core/chatMessageBatch';

const commandPrefix = 'spyglass:cmd:';
const eventPrefix = 'spyglass:evt:';

/**
 * VS Code's validatedIpcMain: a command is served only when it comes from
 * our app:// origin and from the top frame of one of our windows.
 */
function senderIsTrusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return Boolean(frame) && frame!.parent === null && isAppUrl(frame!.url);
}

/** Each window's event sink, so a command's source screen is known (media requests go back to the media window). */
const sinks = new Map<number, EventSink>();
/** Each window's waiting chat messages (chatMessageBatch.ts): sent before a command's reply, so a reply never overtakes an event. */
const batches = new Map<number, ChatMessageBatch>();

export function wireIpc(core: SupervisorCore): void {
  for (const name of commandNames) {
    ipcMain.handle(commandPrefix + name, (event, payload: unknown) => {
      if (!senderIsTrusted(event)) {
        core.log.warnOnce(`bad-sender:${event.senderFrame?.url}`, `Refused “${name}” from an untrusted frame (${event.senderFrame?.url ?? 'unknown'}).`);
        return fail('BAD_SENDER', 'Refused: this request did not come from the Spyglass window.');
      }
      const id = event.sender.id;
      return core.handle(name, payload, sinks.get(id)).then((result) => {
        batches.get(id)?.flush();
        return result;
      });
    });
  }
}

export function attachWindow(core: SupervisorCore, window: BrowserWindow): void {
  const id = window.webContents.id;
  // A watched chat's messages go together, at most one frame (16 ms) after the first (chatMessageBatch.ts).
  const events = batchChatMessages((channel, payload) => {
    if (!window.isDestroyed()) window.webContents.send(eventPrefix + channel, payload);
  });
  const sink: EventSink = events.sink;
  sinks.set(id, sink);
  batches.set(id, events);
  let detach = core.attach(sink);
  window.on('closed', () => {
    events.stop();
    batches.delete(id);
    sinks.delete(id);
    detach();
  });
  // A crashed renderer holds no peer connections any more: detaching tells the
  // phone (the leg waits, mic off, for a page to host its audio again and moves
  // there by re-INVITE, or ends cleanly: main/phone/reattach.ts); a reloaded page
  // attaches as a new screen.
  window.webContents.on('render-process-gone', () => {
    detach();
    detach = core.attach(sink);
  });
}
