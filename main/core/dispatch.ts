import type { z } from 'zod';
import {
  CommandError,
  commands,
  fail,
  isCommandName,
  ok,
  type CommandName,
  type CommandResponse,
  type Commands,
  type Result,
} from '../../preload/contract';
import { ConnectorError } from '../contact-center/Connector';
import { boundedText } from './boundedText';
import { describeIssues } from './describeIssues';
import type { Logger } from './logger';

/** Who sent a command: the screen it came from (a window or a web socket), when the host knows it. */
export interface CommandContext {
  source?: unknown;
}

export type Handler<C extends CommandName> = (
  request: z.output<Commands[C]['req']>,
  context: CommandContext,
) => Promise<CommandResponse<C>> | CommandResponse<C>;
export type Handlers = { [C in CommandName]?: Handler<C> };

/**
 * The one entry point for every command from any host (Electron IPC or the
 * web host's WebSocket). Unknown channels, bad payloads and failures come
 * back as typed results; nothing thrown here reaches the renderer raw, and
 * nothing a caller sends can take the core down.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
  log: Logger,
  context: CommandContext = {},
): Promise<Result<unknown>> {
  if (!isCommandName(channel)) {
    const name = typeof channel === 'string' ? boundedText(channel, 80) : typeof channel;
    log.warnOnce(`unknown-channel:${name}`, `Refused a command on unknown channel “${name}”.`);
    return fail('UNKNOWN_CHANNEL', `Unknown command “${name}”. This build of Spyglass does not offer it; reload the window, or update Spyglass if it persists.`);
  }
  const def = commands[channel];
  const parsed = def.req.safeParse(payload ?? {});
  if (!parsed.success) {
    // Bounded: zod quotes the sender's keys and values, which can be megabytes.
    const problems = describeIssues(parsed.error.issues);
    log.warnOnce(`invalid-payload:${channel}:${problems}`, `Refused “${channel}”: invalid payload (${problems}).`);
    return fail('INVALID_PAYLOAD', `Invalid request for “${channel}”: ${problems}.`);
  }
  const handler = handlers[channel] as ((req: unknown, context: CommandContext) => unknown) | undefined;
  if (!handler) {
    return fail('UNAVAILABLE', `“${channel}” is not available in this mode of Spyglass.`);
  }
  try {
    const value = await handler(parsed.data, context);
    return ok(value);
  } catch (e) {
    if (e instanceof CommandError) return fail(e.code, e.message);
    if (e instanceof ConnectorError) return fail(e.code, e.message);
    const message = e instanceof Error ? e.message : String(e);
    log.error(`Command “${channel}” failed: ${message}`);
    return fail('INTERNAL', `“${channel}” failed unexpectedly. Details are in the Spyglass log; try again.`);
  }
}

export const knownCommandCount = Object.keys(commands).length;
