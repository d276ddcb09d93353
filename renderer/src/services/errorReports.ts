import type { RendererError, SpyglassApi } from '../../../preload/contract';

/** A window that errors in a loop stops reporting after this many (main rate-limits too). */
const MAX_REPORTS_PER_PAGE = 100;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Sends this window's unhandled errors and rejections to main's log through
 * the contract (`diagnostics:reportError`), cut to the contract's limits so a
 * long message is logged shortened rather than refused.
 */
export function reportUnhandledErrors(api: SpyglassApi, source: RendererError['source']): void {
  let sent = 0;
  const send = (kind: RendererError['kind'], reason: unknown, where?: string) => {
    if (sent >= MAX_REPORTS_PER_PAGE) return;
    sent++;
    const error = reason instanceof Error ? reason : undefined;
    const report: RendererError = {
      source,
      kind,
      message: cut(error ? `${error.name}: ${error.message}` : String(reason), 2000),
      ...(error?.stack ? { stack: cut(error.stack, 4000) } : {}),
      ...(where ? { where: cut(where, 500) } : {}),
    };
    void api.invoke('diagnostics:reportError', report).catch(() => undefined);
  };
  window.addEventListener('error', (e) => send('error', e.error ?? e.message, e.filename ? `${e.filename}:${e.lineno}:${e.colno}` : undefined));
  window.addEventListener('unhandledrejection', (e) => send('unhandledrejection', e.reason));
}
