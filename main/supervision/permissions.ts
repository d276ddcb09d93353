import type { Permission, Supervisor, SupervisionMode } from '../../preload/contract';
import { reasons } from './reasons';

/**
 * Which permissions each action needs (rule 9).
 *
 * Voice: a supervision leg adds the supervisor to the call as a participant,
 * so starting any mode needs Call Add as well as the mode's own permission
 * (Genesys lists all four as prerequisites). Switching modes on a leg that
 * already exists needs only the new mode's permission, and going quieter
 * (back to monitor) needs none: a supervisor must never be stuck with a live
 * microphone because of a permission.
 */
export const voiceModePermission: Record<SupervisionMode, Permission> = {
  monitor: 'call:monitor',
  coach: 'call:coach',
  barge: 'call:barge',
};

export const joinCallPermission: Permission = 'call:add';

/** Digital monitoring reads the transcript: it needs both Monitor and View (seed 000). */
export const digitalMonitorPermissions: readonly Permission[] = ['message:monitor', 'message:view'];
/** Transfer, release and assign change who handles the chat, like accepting it. */
export const chatAssignmentPermission: Permission = 'message:accept';
export const participatePermission: Permission = 'chat:participate';

export function hasPermission(supervisor: Supervisor, permission: Permission): boolean {
  return supervisor.permissions.includes(permission);
}

/** The refusal for the first missing permission, in the order given. */
export function missingPermissionReason(
  supervisor: Supervisor,
  required: readonly Permission[],
): string | undefined {
  const missing = required.find((permission) => !hasPermission(supervisor, permission));
  return missing === undefined ? undefined : reasons.missingPermission(missing);
}
