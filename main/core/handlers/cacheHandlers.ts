import { CommandError, type CacheStatus } from '../../../preload/contract';
import type { Handlers } from '../dispatch';
import type { SupervisorCore } from '../SupervisorCore';

/** Offline review, notes and export, served from the session cache. */
export function cacheHandlers(core: SupervisorCore): Handlers {
  // A read while the cache is still opening (seconds, once after an update) waits for it.
  const cache = async () => {
    await core.whenCacheSettled();
    const c = core.sessionCache?.cache;
    if (!c) throw new CommandError('UNAVAILABLE', 'The session cache is not available on this seat; cached review is off. See the log for why.');
    // What the recorder still holds goes first, so a search, open, export or note sees everything seen live.
    core.recorder?.flush();
    return c;
  };
  const wrap = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      const err = e as { code?: string; message?: string };
      if (err.code === 'DISK_FULL') throw new CommandError('DISK_FULL', err.message ?? 'The disk is full. Free some space and try again.');
      if (err.code === 'NOT_FOUND' || err.code === 'UNKNOWN_INTERACTION') throw new CommandError('NOT_FOUND', 'This interaction is not in the cache.');
      if (err.code === 'INVALID_INPUT') throw new CommandError('INVALID_PAYLOAD', err.message ?? 'Invalid input.');
      // The export's message says why (e.g. the PDF took too long and the text export has everything).
      if (err.code === 'EXPORT_FAILED') throw new CommandError('INTERNAL', err.message ?? 'The export could not be made.');
      throw e;
    }
  };

  return {
    'cache:status': () => cacheStatus(core),
    'cache:search': (query) => wrap(async () => (await cache()).search(query)),
    'cache:open': async ({ interactionId }) => {
      // A cached id (offline review) names one conversation; a live view that just ended has the
      // platform id, which names the conversation the recorder last cached under it (wrap-up, issue 12).
      const cachedId = core.recorder?.cachedIdFor(interactionId) ?? interactionId;
      const detail =
        (await wrap(async () => (await cache()).openInteraction(interactionId))) ??
        (cachedId !== interactionId ? await wrap(async () => (await cache()).openInteraction(cachedId)) : null);
      if (!detail) throw new CommandError('NOT_FOUND', 'This interaction is not in the cache.');
      const { audit: _audit, assistanceRequests: _requests, ...rest } = detail;
      return rest;
    },
    'cache:export': async ({ interactionId, format }) => {
      const result = await wrap(async () => (await cache()).exportInteraction(interactionId, format));
      return { filename: result.filename, mimeType: result.mimeType, base64: result.data.toString('base64') };
    },
    'notes:add': async ({ interactionId, text }) => {
      const me = core.mirror.supervisor;
      const add = async (id: string) => (await cache()).addNote({ interactionId: id, authorId: me.id, authorName: me.name, at: core.now(), text });
      // A cached id (what offline review has) names exactly one conversation and wins. Otherwise it may be a
      // live interaction's platform id: record it first so the note has a home, under the conversation it names now.
      const note = await wrap(() =>
        add(interactionId).catch((e: { code?: string }) => {
          const live = core.mirror.interactions.get(interactionId);
          if (e?.code !== 'UNKNOWN_INTERACTION' || !live || !core.recorder) throw e;
          core.recorder.onConnectorEvent({ type: 'interactions', interactions: [live] });
          return add(core.recorder.cachedIdFor(interactionId));
        }),
      );
      core.audit.record({ at: core.now(), supervisorId: me.id, supervisorName: me.name, action: 'note-add', interactionId, result: 'ok' });
      return note;
    },
    'app:setOffline': async ({ offline }) => {
      await core.setOffline(offline);
      // Offline review is what the supervisor asked for: tell them what the cache holds, once it is open.
      await core.whenCacheSettled();
      const status = await cacheStatus(core);
      core.emit('cache:status', status);
      return status;
    },
  };
}

export async function cacheStatus(core: SupervisorCore): Promise<CacheStatus> {
  const c = core.sessionCache;
  const base = {
    mode: core.isOffline ? ('offline' as const) : ('online' as const),
    ...(core.offlineReason ? { reason: core.offlineReason } : {}),
  };
  if (!c && core.cacheOpening) {
    return { ...base, available: false, lastWriteAt: null, interactions: 0, messages: 0, warnings: ['The offline cache is opening (after an update a large cache is upgraded once); offline review starts when it is ready.'] };
  }
  if (!c) return { ...base, available: false, lastWriteAt: null, interactions: 0, messages: 0, warnings: ['The session cache could not be opened; offline review is unavailable.'] };
  core.recorder?.flush(); // the counts include what the recorder still holds
  const stats = await c.cache.stats();
  return { ...base, available: true, lastWriteAt: stats.lastWriteAt, interactions: stats.interactions, messages: stats.messages, warnings: c.warnings };
}
