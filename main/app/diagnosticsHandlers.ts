import { CommandError } from '../../preload/contract/result';
import type { DiagnosticsInfo, RendererError } from '../../preload/contract/diagnostics';
import type { Handlers } from '../core/dispatch';
import type { Logger } from '../core/logger';

/** What a host knows about its logs and crash dumps (main/index.ts, main/web-host/cli.ts). */
export interface DiagnosticsHost {
  logFolder: string;
  /** Desktop app: opens the folder in the file manager; resolves to an error text, '' on success (Electron shell.openPath). */
  openLogFolder?: (folder: string) => Promise<string>;
  crashReports?: DiagnosticsInfo['crashReports'];
}

/** At most this many renderer errors are logged a minute; the rest are counted and the count logged. */
export const RENDERER_ERRORS_PER_MINUTE = 20;

export interface ErrorGate {
  windowStart: number;
  logged: number;
  suppressed: number;
}

/** Pure rate limit: log this report? and how many were dropped in the window that just ended. */
export function gateRendererError(gate: ErrorGate, now: number): { gate: ErrorGate; log: boolean; droppedBefore: number } {
  if (now - gate.windowStart >= 60_000 || now < gate.windowStart) {
    return { gate: { windowStart: now, logged: 1, suppressed: 0 }, log: true, droppedBefore: gate.suppressed };
  }
  if (gate.logged < RENDERER_ERRORS_PER_MINUTE) return { gate: { ...gate, logged: gate.logged + 1 }, log: true, droppedBefore: 0 };
  return { gate: { ...gate, suppressed: gate.suppressed + 1 }, log: false, droppedBefore: 0 };
}

/** One log line whatever the renderer sent: line breaks shown, not obeyed (no forged log lines), the stack cut to 10 frames. */
export function rendererErrorLine(report: RendererError): string {
  const flat = (text: string) => text.replace(/\r\n|\r|\n/g, ' ⏎ ');
  const stack = report.stack
    ? ` | stack: ${report.stack
        .split(/\r\n|\r|\n/)
        .slice(0, 10)
        .map((l) => l.trim())
        .join(' ⏎ ')}`
    : '';
  return `Renderer error (${report.source === 'media' ? 'media' : 'UI'} window, ${report.kind}): ${flat(report.message)}${report.where ? ` at ${flat(report.where)}` : ''}${stack}`;
}

/** `diagnostics:*` (preload/contract/diagnostics.ts). */
export function diagnosticsHandlers(host: DiagnosticsHost, log: Logger, now: () => number = Date.now): Handlers {
  let gate: ErrorGate = { windowStart: -Infinity, logged: 0, suppressed: 0 };
  return {
    'diagnostics:info': () => ({
      logFolder: host.logFolder,
      canOpenLogFolder: !!host.openLogFolder,
      crashReports: host.crashReports ?? null,
    }),
    'diagnostics:openLogFolder': async () => {
      if (!host.openLogFolder) throw new CommandError('UNAVAILABLE', `Open this folder yourself: ${host.logFolder}`);
      const problem = await host.openLogFolder(host.logFolder);
      if (problem) throw new CommandError('UNAVAILABLE', `The log folder ${host.logFolder} could not be opened: ${problem}`);
      return {};
    },
    'diagnostics:reportError': (report) => {
      const gated = gateRendererError(gate, now());
      gate = gated.gate;
      if (gated.droppedBefore > 0) log.error(`${gated.droppedBefore} more renderer errors were not logged (over ${RENDERER_ERRORS_PER_MINUTE} a minute).`);
      if (gated.log) log.error(rendererErrorLine(report));
      return {};
    },
  };
}
