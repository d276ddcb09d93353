import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../main/contact-center/Connector';
import { DemoContactCenter, ManualClock } from '../../../main/contact-center/demo';
import { Rng } from '../../../main/contact-center/demo/random';

describe('demo robustness', () => {
  it('random supervisor actions during busy traffic only ever fail with ConnectorError, and the simulation never breaks', async () => {
    for (const seed of [1, 4, 9]) {
      const clock = new ManualClock();
      const demo = DemoContactCenter.create({ clock, seed, agents: 80 });
      await demo.start();
      const rng = new Rng(seed);
      const other: unknown[] = [];
      for (let step = 0; step < 300; step++) {
        clock.advance(3000);
        const list = demo.state().interactions;
        if (list.length === 0) continue;
        const ix = rng.pick(list);
        const participant = ix.participants.length ? rng.pick(ix.participants).id : 'nobody';
        const mode = rng.pick(['monitor', 'coach', 'barge'] as const);
        const target = rng.chance(0.5) ? { kind: 'agent' as const, id: `agent-${rng.int(1, 80)}` } : { kind: 'queue' as const, id: 'queue-sales' };
        const ops: Array<() => Promise<void>> = [
          () => demo.startSupervision({ interactionId: ix.id, participantId: participant, mode }),
          () => demo.changeSupervisionMode(ix.id, mode),
          () => demo.stopSupervision(ix.id),
          () => demo.monitorConversation(ix.id),
          () => demo.stopMonitoringConversation(ix.id),
          () => demo.participate(ix.id),
          () => demo.send(ix.id, 'Thanks, I will take it from here.'),
          () => demo.transfer(ix.id, target),
          () => demo.release(ix.id),
          () => demo.assign(ix.id, target),
          () => demo.clearAssistanceFlag(ix.id),
          () => demo.setSupervisorStatus(rng.pick(['Available', 'Available', 'Busy', 'Offline'] as const)),
          async () => {
            demo.control.disconnectSupervisor('sup-2');
            demo.control.reconnectSupervisor('sup-2');
          },
        ];
        try {
          await rng.pick(ops)();
        } catch (e) {
          if (!(e instanceof ConnectorError)) other.push(e);
        }
      }
      expect(other).toEqual([]);
      expect(demo.errors).toBe(0);
      // Invariants: at most one coach lock holder, supervisors listed as involved, no orphan locks on ended ones.
      for (const ix of demo.state().interactions) {
        if (ix.state === 'ended') expect(ix.monitorLock).toBeUndefined();
        for (const p of ix.participants) {
          if (p.supervising) expect(ix.supervisorsInvolved.map((s) => s.id)).toContain(p.supervising.supervisorId);
        }
        if (ix.monitorLock) expect(ix.participants.some((p) => p.supervising?.supervisorId === ix.monitorLock?.supervisorId)).toBe(true);
      }
    }
  });
});
