import type { CommandName, CommandRequest, CommandResponse, Result, SpyglassApi } from '../../../preload/contract';
import { dispatch } from '../store';

let api: SpyglassApi | undefined;

export function setApi(next: SpyglassApi): void {
  api = next;
}

export function getApi(): SpyglassApi {
  if (!api) throw new Error('The Spyglass bridge is not connected yet.');
  return api;
}

/** Invokes a command and returns its typed result. */
export function invoke<C extends CommandName>(channel: C, payload: CommandRequest<C>): Promise<Result<CommandResponse<C>>> {
  return getApi().invoke(channel, payload);
}

let localNotice = 0;

/** Invokes a command; a refusal or failure is shown to the user as a notice and resolves undefined. */
export async function run<C extends CommandName>(channel: C, payload: CommandRequest<C>): Promise<CommandResponse<C> | undefined> {
  const result = await invoke(channel, payload);
  if (result.ok) return result.value;
  dispatch({
    type: 'notices/add',
    notice: { id: `local-${++localNotice}`, level: 'error', text: result.error.message, at: Date.now() },
  });
  return undefined;
}
