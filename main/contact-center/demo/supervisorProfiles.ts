import { permissions as allPermissions, type Permission } from '../../../preload/contract';

/**
 * Who the demo supervisor is (`--profile`). The default has every permission, so a new user
 * never saw a refused permission; `restricted` lacks coach, barge and chat participation, so
 * the reasons Spyglass gives for a refused action are on screen (seed rules 9 and 15).
 */
export const demoSupervisorProfiles = {
  /** Every permission: monitor, coach and barge calls, monitor and join conversations. */
  'team-lead': [...allPermissions],
  /** Listen and read only: monitors calls and conversations, may not coach, barge, join or accept. */
  restricted: ['call:monitor', 'call:add', 'message:monitor', 'message:view'],
} as const satisfies Record<string, readonly Permission[]>;

export type DemoSupervisorProfile = keyof typeof demoSupervisorProfiles;
export const demoSupervisorProfileNames = Object.keys(demoSupervisorProfiles) as DemoSupervisorProfile[];

export const isDemoSupervisorProfile = (name: string): name is DemoSupervisorProfile => Object.hasOwn(demoSupervisorProfiles, name);

/** The permissions of a profile (a fresh array: the world may change its copy). */
export const profilePermissions = (profile: DemoSupervisorProfile): Permission[] => [...demoSupervisorProfiles[profile]];
