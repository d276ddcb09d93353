import { app, crashReporter, shell } from 'electron';
import { crashSubmitUrlFromPolicy } from '../config/crashReportPolicy';

/** The OS log folder (~/Library/Logs/Spyglass on macOS, <user data>/logs on Windows and Linux). */
export function electronLogFolder(): string {
  app.setAppLogsPath();
  return app.getPath('logs');
}

/**
 * Starts Electron's crash reporter as early as possible. Dumps are always kept
 * locally (app.getPath('crashDumps')); they are uploaded only to the URL IT
 * sets in the policy (`crashReports.submitUrl`), never by default.
 */
export function startCrashReports(policyFile: string): { folder: string; uploadsTo: string | null } {
  const url = crashSubmitUrlFromPolicy(policyFile);
  crashReporter.start({ productName: 'Spyglass', uploadToServer: url !== null, compress: true, ...(url ? { submitURL: url } : {}) });
  return { folder: app.getPath('crashDumps'), uploadsTo: url };
}

/** Opens a folder in the file manager; '' on success, else Electron's error text. */
export const openFolder = (folder: string): Promise<string> => shell.openPath(folder);
