// Diagnostics (issue 14 item 4): where the logs and crash dumps are, opening
// the log folder, and the renderer's errors into main's log.
import { z } from 'zod';
import { command } from './define';

export const diagnosticsInfoSchema = z.object({
  /** The folder holding spyglass.log and its rotated copies. */
  logFolder: z.string().max(2000),
  /** The desktop app can open the folder in the file manager; the web host only shows the path. */
  canOpenLogFolder: z.boolean(),
  /** Desktop app only: where crash dumps are kept, and where they are uploaded (null: never, the default). */
  crashReports: z.object({ folder: z.string().max(2000), uploadsTo: z.string().max(2000).nullable() }).nullable(),
});
export type DiagnosticsInfo = z.infer<typeof diagnosticsInfoSchema>;

/** What a window reports of an error it did not handle. Bounded here; main rate-limits and bounds again. */
export const rendererErrorSchema = z
  .object({
    /** Which window: the UI or the hidden media window. */
    source: z.enum(['window', 'media']),
    kind: z.enum(['error', 'unhandledrejection']),
    message: z.string().max(2000),
    /** First lines of the stack, if any. */
    stack: z.string().max(4000).optional(),
    /** Script URL and position, if known. */
    where: z.string().max(500).optional(),
  })
  .strict();
export type RendererError = z.infer<typeof rendererErrorSchema>;

export const diagnosticsCommands = {
  'diagnostics:info': command(z.object({}).strict(), diagnosticsInfoSchema),
  /** Opens the log folder in the OS file manager (desktop app); refused in the web host, which shows the path. */
  'diagnostics:openLogFolder': command(z.object({}).strict(), z.object({})),
  'diagnostics:reportError': command(rendererErrorSchema, z.object({})),
};
