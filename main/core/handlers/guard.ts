import { CommandError, type Availability } from '../../../preload/contract';

/** Turns a refusal computed by the rules into the error the caller sees (a forged command gets the same answer). */
export function requireAllowed(availability: Availability | undefined, fallback: string): void {
  if (!availability) throw new CommandError('REFUSED', fallback);
  if (!availability.allowed) throw new CommandError('FORBIDDEN', availability.reason);
}
