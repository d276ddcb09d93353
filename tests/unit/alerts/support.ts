import type { Interaction, Participant } from '../../../preload/contract';
import { currentConditions, type ConditionInput } from '../../../main/alerts/conditions';
import { nextHoldSince } from '../../../main/alerts/holdClock';
import { defaultAlertRules } from '../../../main/alerts/rules';
import { sales } from '../metrics/support';

export { T0, s, min, call, agent, replay, metricsAt, sales } from '../metrics/support';

export const person = (id: string, role: Participant['role'], name: string, extra: Partial<Participant> = {}): Participant => ({
  id,
  name,
  kind: role === 'customer' || role === 'external' ? 'external' : 'internal',
  role,
  state: 'connected',
  inConsult: false,
  inConference: false,
  joinedAt: 0,
  ...extra,
});

/**
 * Plays [at, interaction] updates as the core receives them (holds are timed
 * from the update that says "held") and returns the latest copy of each
 * interaction with the hold starts.
 */
export function play(steps: ReadonlyArray<readonly [number, Interaction]>) {
  const latest = new Map<string, Interaction>();
  const holdSince = new Map<string, number>();
  for (const [at, ix] of steps) {
    latest.set(ix.id, ix);
    const since = nextHoldSince(holdSince.get(ix.id), ix, at);
    if (since === undefined) holdSince.delete(ix.id);
    else holdSince.set(ix.id, since);
  }
  return { interactions: [...latest.values()], holdSince };
}

export function conditionsAt(now: number, input: Partial<ConditionInput> = {}) {
  return currentConditions({
    now,
    rules: defaultAlertRules,
    supervisorId: 'sup-1',
    interactions: [],
    agents: [],
    queues: new Map([[sales.id, { ...sales, name: 'Sales' }]]),
    holdSince: new Map(),
    metrics: undefined,
    wantedLocks: new Set(),
    ...input,
  });
}
