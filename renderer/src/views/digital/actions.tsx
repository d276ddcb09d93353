import type { InteractionView } from '../../../../preload/contract';
import type { ConfirmOptions } from '../../components/ConfirmDialog';
import { run } from '../../services/api';
import type { RootState } from '../../store';
import { confirmationPrompt } from './confirmation';
import { currentAgent } from './format';

export type Confirm = (options: ConfirmOptions) => Promise<boolean>;

/** Each supervisor action: ask first when the agent will see it (rule 18), then let main check, carry out and audit it. */
export async function monitorChat(i: InteractionView): Promise<void> {
  await run('digital:monitor', { interactionId: i.id });
}

export async function stopChat(i: InteractionView): Promise<void> {
  await run('digital:stop', { interactionId: i.id });
}

export async function clearFlag(i: InteractionView): Promise<void> {
  await run('digital:clearFlag', { interactionId: i.id });
}

export async function participateChat(i: InteractionView, confirm: Confirm): Promise<boolean> {
  const agentName = currentAgent(i)?.name;
  const ok = await confirm({
    title: 'Participate in this chat?',
    message: confirmationPrompt('participate', agentName ? { agentName } : {}),
    confirmLabel: 'Participate',
  });
  if (!ok) return false;
  return (await run('digital:participate', { interactionId: i.id })) !== undefined;
}

export async function sendMessage(i: InteractionView, text: string, confirm: Confirm): Promise<boolean> {
  const agentName = currentAgent(i)?.name;
  const ok = await confirm({
    title: 'Send this message?',
    message: (
      <>
        <p>{confirmationPrompt('send', agentName ? { agentName } : {})}</p>
        <blockquote className="confirm-quote" dir="auto">
          {text.length > 500 ? `${text.slice(0, 500)}…` : text}
        </blockquote>
      </>
    ),
    confirmLabel: 'Send',
  });
  if (!ok) return false;
  return (await run('digital:send', { interactionId: i.id, text })) !== undefined;
}

export async function releaseChat(i: InteractionView, queueName: string | undefined, confirm: Confirm): Promise<boolean> {
  const agentName = currentAgent(i)?.name;
  const ok = await confirm({
    title: 'Release this chat?',
    message: confirmationPrompt('release', { ...(agentName ? { agentName } : {}), ...(queueName ? { queueName } : {}) }),
    confirmLabel: 'Release',
    danger: true,
  });
  if (!ok) return false;
  return (await run('digital:release', { interactionId: i.id })) !== undefined;
}

export const queueNameOf = (s: RootState, i: InteractionView): string | undefined => (i.queueId ? s.live.queues[i.queueId]?.name : undefined);
