import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentSchema, interactionSchema, queueSchema } from '../../../../preload/contract';
import { AsteriskModel } from '../../../../main/contact-center/asterisk/asteriskModel';

/**
 * Hostile AMI input: arbitrary sequences of the events the model folds, with
 * ids drawn from a small pool (so events really refer to each other) and
 * sometimes garbage values. The model never throws, every derived shape is
 * valid for the contract, and memory stays within the caps.
 */
const names = ['Newchannel', 'Newstate', 'Hangup', 'BridgeEnter', 'BridgeLeave', 'Hold', 'Unhold', 'QueueCallerJoin', 'QueueCallerLeave', 'QueueCallerAbandon', 'QueueEntry', 'AgentCalled', 'AgentConnect', 'AgentComplete', 'QueueMemberStatus', 'QueueMemberAdded', 'QueueMemberRemoved', 'QueueMemberPause', 'QueueParams', 'DeviceStateChange', 'PresenceStateChange', 'ChanSpyStart', 'ChanSpyStop', 'BlindTransfer', 'AttendedTransfer', 'CoreShowChannel', 'Unknown'];
const id = fc.oneof(fc.constantFrom('1700000000.1', '1700000000.2', '1700000000.3', '1700000000.4', '1700000001.10'), fc.string({ maxLength: 30 }));
const channel = fc.oneof(fc.constantFrom('PJSIP/1001-00000001', 'PJSIP/1002-00000002', 'PJSIP/trunk-0000000a', 'Local/1001@agents-00000001;1', 'PJSIP/7002-00000009'), fc.string({ maxLength: 40 }));
const value = fc.oneof(fc.constantFrom('support', 'sales', 'Up', 'Ring', 'Ringing', 'Down', '0', '1', '5', '30', 'PJSIP/1001', 'PJSIP/1002', 'b1', 'b2', 'Success', 'PJSIP/1001-,qdE', 'ChanSpy', 'Queue', '00:00:10', 'dnd', 'INUSE', 'UNAVAILABLE', '1001'), fc.string({ maxLength: 50 }));
const prefixes = ['', 'Dest', 'Spyer', 'Spyee', 'Transferer', 'Transferee', 'OrigTransferer', 'SecondTransferer', 'TransferTarget'];
const event = fc.record({
  Event: fc.constantFrom(...names),
  prefix: fc.constantFrom(...prefixes),
  prefix2: fc.constantFrom(...prefixes),
  Uniqueid: id,
  Linkedid: id,
  Uniqueid2: id,
  Channel: channel,
  Channel2: channel,
  ChannelStateDesc: value,
  CallerIDName: value,
  Queue: value,
  BridgeUniqueid: value,
  Interface: value,
  Status: value,
  Paused: value,
  Device: value,
  State: value,
  Application: value,
  ApplicationData: value,
  Duration: value,
  Wait: value,
  HoldTime: value,
  ServiceLevel: value,
  ServicelevelPerf: value,
  Extension: value,
  Result: value,
});

function toFields(e: Record<string, string>): Record<string, string> {
  const f: Record<string, string> = Object.create(null) as Record<string, string>;
  f.Event = e.Event!;
  for (const k of ['Queue', 'BridgeUniqueid', 'Interface', 'Status', 'Paused', 'Device', 'State', 'Application', 'ApplicationData', 'Duration', 'Wait', 'HoldTime', 'ServiceLevel', 'ServicelevelPerf', 'Extension', 'Result', 'CallerIDName', 'ChannelStateDesc']) f[k] = e[k]!;
  f.StateInterface = e.Interface!;
  f.Presentity = `CustomPresence:${e.Extension}`;
  f.MemberName = e.CallerIDName!;
  f.BridgeId = e.BridgeUniqueid!;
  for (const [p, u, c] of [
    [e.prefix!, e.Uniqueid!, e.Channel!],
    [e.prefix2!, e.Uniqueid2!, e.Channel2!],
  ] as const) {
    f[`${p}Uniqueid`] = u;
    f[`${p}Linkedid`] = e.Linkedid!;
    f[`${p}Channel`] = c;
    f[`${p}ChannelStateDesc`] = e.ChannelStateDesc!;
    f[`${p}CallerIDName`] = e.CallerIDName!;
  }
  return f;
}

describe('AsteriskModel under hostile event sequences', () => {
  it('property: never throws, derives valid shapes, stays within its caps', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 120 }), fc.boolean(), (events, withSelf) => {
        const model = new AsteriskModel({ maxChannels: 8, maxAgents: 4, maxQueues: 3, maxWaitingPerQueue: 4, maxEndedCalls: 5, endedRetentionMs: 3_600_000, ...(withSelf ? { selfExtension: '7002' } : {}), spyFeatureCodes: ['*222'] });
        let now = 1_700_000_000_000;
        for (const e of events) {
          now += 500;
          model.apply(toFields(e as unknown as Record<string, string>), now);
          if (e.Event === 'Unknown') {
            // Derive in between too (as the connector does on every publish).
            model.derive(now);
          }
        }
        const derived = model.derive(now);
        for (const a of derived.agents) agentSchema.parse(a);
        for (const q of derived.queues) queueSchema.parse(q);
        for (const i of derived.interactions) interactionSchema.parse(i);
        expect(model.channels.byId.size).toBeLessThanOrEqual(8);
        expect(model.agents.byId.size).toBeLessThanOrEqual(4);
        expect(model.queues.byName.size).toBeLessThanOrEqual(3);
        for (const q of model.queues.byName.values()) expect(q.waiting.size).toBeLessThanOrEqual(4);
        // Calls exist only for live channels, plus at most maxEndedCalls ended ones (one more may end in this derive).
        expect(derived.interactions.filter((i) => i.state !== 'ended').length).toBeLessThanOrEqual(8);
        expect(derived.interactions.filter((i) => i.state === 'ended').length).toBeLessThanOrEqual(5 + 8);
        expect((model as unknown as { metas: Map<string, unknown> }).metas.size).toBeLessThanOrEqual(8 + 5 + 8);
      }),
      { numRuns: 400 },
    );
  });
});
