/**
 * The demo PBX plays exactly the voices the audibility table says the
 * supervisor hears (issue 15 item 6): hold, transfer, consult and the picked
 * participant change what is played, not only what the toolbar says.
 */
import { describe, expect, it } from 'vitest';
import { demoVoicesFor } from '../../../main/phone/demoPbx/demoVoices';
import { agentParty, call, customerParty, participant, specialistParty, T0 } from '../supervision/builders';

const AGENT = 'p-agent';
const CUSTOMER = 'p-customer';
const both = { agent: true, customer: true };
const agentOnly = { agent: true, customer: false };
const customerOnly = { agent: false, customer: true };

describe('demo voices follow the audibility table', () => {
  it('active call: both voices, whoever is picked', () => {
    expect(demoVoicesFor(call(), AGENT)).toEqual(both);
    expect(demoVoicesFor(call(), CUSTOMER)).toEqual(both);
  });

  it('hold: only the picked participant’s voice', () => {
    const held = call({ state: 'held', participants: [customerParty({ state: 'held' }), agentParty()] });
    expect(demoVoicesFor(held, AGENT)).toEqual(agentOnly);
    expect(demoVoicesFor(held, CUSTOMER)).toEqual(customerOnly);
  });

  it('consult counts as hold: the customer waits, the agent talks to the specialist', () => {
    const consult = call({ participants: [customerParty({ state: 'held' }), agentParty(), specialistParty()] });
    expect(demoVoicesFor(consult, CUSTOMER)).toEqual(customerOnly);
    expect(demoVoicesFor(consult, AGENT)).toEqual(agentOnly);
  });

  it('transfer: agent picked hears the agent; customer picked hears the customer and the new agent', () => {
    const newAgent = participant({ id: 'p-new', name: 'New Agent', agentId: 'agent-9', state: 'alerting', joinedAt: T0 + 5000 });
    const transferring = call({ state: 'transferring', participants: [customerParty(), agentParty(), newAgent] });
    expect(demoVoicesFor(transferring, AGENT)).toEqual(agentOnly);
    expect(demoVoicesFor(transferring, CUSTOMER)).toEqual(both);
  });

  it('a picked participant who is not on the call: no voice at all', () => {
    expect(demoVoicesFor(call(), 'nobody')).toEqual({ agent: false, customer: false });
  });
});
