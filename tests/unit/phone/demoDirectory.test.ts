/** The demo PBX answers from the contact center it stands for: 404 for no such agent, 486 when another supervisor holds the call. */
import { describe, expect, it } from 'vitest';
import type { Agent, Interaction } from '../../../preload/contract';
import { demoDirectory } from '../../../main/phone/demoPbx/demoDirectory';
import { call, chat, supervisorParty, T0 } from '../supervision/builders';

const agent: Agent = { id: 'agent-1', name: 'Alex Kim', status: 'On Queue', statusSince: T0, queueIds: [], extension: '2001', interactionIds: ['call-1'] };
const lockBy = (supervisorId: string) => ({ supervisorId, supervisorName: supervisorId, mode: 'coach' as const, since: T0 });

function dir(interactions: Interaction[], supervisorId = 'sup-me') {
  return demoDirectory(() => ({ supervisorId, agents: new Map([[agent.id, agent]]), interactions: new Map(interactions.map((i) => [i.id, i])) }));
}

describe('demo PBX directory', () => {
  it('knows the agents’ extensions and nothing else', () => {
    const d = dir([call()]);
    expect(d.isKnownExtension('2001')).toBe(true);
    expect(d.isKnownExtension('2002')).toBe(false);
  });

  it('is busy when another supervisor holds the agent’s call and the platform has not added us', () => {
    expect(dir([call({ monitorLock: lockBy('sup-dana') })]).isBusy('2001')).toBe(true);
    expect(dir([call()]).isBusy('2001')).toBe(false);
    expect(dir([call({ monitorLock: lockBy('sup-me') })]).isBusy('2001')).toBe(false);
  });

  it('lets a leg the platform sanctioned through (we monitor a call Dana coaches)', () => {
    const coached = call({ monitorLock: lockBy('sup-dana'), participants: [...call().participants, supervisorParty('sup-me', 'Me', 'monitor')] });
    expect(dir([coached]).isBusy('2001')).toBe(false);
  });

  it('a chat another supervisor monitors does not make the agent’s phone busy', () => {
    const monitoredChat = chat({ id: 'call-1', monitorLock: lockBy('sup-dana') });
    expect(dir([monitoredChat]).isBusy('2001')).toBe(false);
  });
});
