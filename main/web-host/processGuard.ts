import type { Logger } from '../core/logger';

/**
 * Last line of defence for the web host process: an error that escapes every
 * handler (a bug, a library throwing from a timer) is logged and the host
 * keeps serving the other tabs, instead of dying and taking the session with
 * it. Handlers still catch what they expect; this is for what they did not.
 */
export function guardProcess(log: Logger, target: NodeJS.EventEmitter = process): () => void {
  const describe = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));
  const onException = (e: unknown) => log.error(`Caught an unexpected error; still serving. ${describe(e)}`);
  const onRejection = (e: unknown) => log.error(`Caught an unhandled promise rejection; still serving. ${describe(e)}`);
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}
