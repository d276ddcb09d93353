import { describe, expect, it } from 'vitest';
import {
  acquireMonitorLock,
  digitalActions,
  releaseLockIfEnded,
  releaseLocksOf,
  releaseMonitorLock,
} from '../../../main/supervision';
import { T0, chat, supervisor } from './builders';

const sam = { id: 'sup-1', name: 'Sam Carter' };
const dana = { id: 'sup-2', name: 'Dana Reyes' };

describe('rule 12: digital monitor locks', () => {
  it('acquire on a free conversation takes the lock and records the supervisor as involved', () => {
    const before = chat();
    const result = acquireMonitorLock(before, sam, T0);
    expect(result.ok).toBe(true);
    expect(result.interaction.monitorLock).toEqual({ supervisorId: 'sup-1', supervisorName: 'Sam Carter', mode: 'monitor', since: T0 });
    expect(result.interaction.supervisorsInvolved).toEqual([sam]);
    // Pure: the input is untouched.
    expect(before.monitorLock).toBeUndefined();
    expect(before.supervisorsInvolved).toEqual([]);
  });

  it('acquire is refused with the holder name when another supervisor holds it', () => {
    const held = acquireMonitorLock(chat(), dana, T0).interaction;
    const result = acquireMonitorLock(held, sam, T0 + 5);
    expect(result).toEqual({ ok: false, reason: 'Monitored by Dana Reyes', interaction: held });
    // And the UI says the same thing.
    expect(digitalActions(supervisor(), held).monitor).toEqual({ allowed: false, reason: 'Monitored by Dana Reyes' });
  });

  it('acquire again by the holder keeps the original time and does not duplicate involvement', () => {
    const first = acquireMonitorLock(chat(), sam, T0).interaction;
    const again = acquireMonitorLock(first, sam, T0 + 100);
    expect(again).toEqual({ ok: true, interaction: first });
  });

  it('the holder can change the lock mode (e.g. monitor to participate) without losing it', () => {
    const first = acquireMonitorLock(chat(), sam, T0).interaction;
    const changed = acquireMonitorLock(first, sam, T0 + 100, 'barge');
    expect(changed.ok).toBe(true);
    expect(changed.interaction.monitorLock).toMatchObject({ mode: 'barge', since: T0 });
    expect(changed.interaction.supervisorsInvolved).toEqual([sam]);
  });

  it('acquire is refused on an ended conversation', () => {
    expect(acquireMonitorLock(chat({ state: 'ended', endedAt: T0 }), sam, T0)).toMatchObject({ ok: false, reason: 'The conversation has ended' });
  });

  it('release on stop: only the holder releases', () => {
    const held = acquireMonitorLock(chat(), dana, T0).interaction;
    expect(releaseMonitorLock(held, 'sup-1')).toBe(held);
    const released = releaseMonitorLock(held, 'sup-2');
    expect(released.monitorLock).toBeUndefined();
    expect('monitorLock' in released).toBe(false);
    // Who took part is kept for the details view.
    expect(released.supervisorsInvolved).toEqual([dana]);
    // Then another supervisor may monitor.
    expect(acquireMonitorLock(released, sam, T0 + 1).ok).toBe(true);
  });

  it('release when the conversation ends', () => {
    const held = acquireMonitorLock(chat(), dana, T0).interaction;
    expect(releaseLockIfEnded(held)).toBe(held);
    const ended = releaseLockIfEnded({ ...held, state: 'ended', endedAt: T0 + 1 });
    expect(ended.monitorLock).toBeUndefined();
    const free = chat({ state: 'ended', endedAt: T0 });
    expect(releaseLockIfEnded(free)).toBe(free);
  });

  it('release every lock of a supervisor who disconnected; others keep theirs', () => {
    const a = acquireMonitorLock(chat({ id: 'a' }), dana, T0).interaction;
    const b = acquireMonitorLock(chat({ id: 'b' }), sam, T0).interaction;
    const c = acquireMonitorLock(chat({ id: 'c' }), dana, T0).interaction;
    const d = chat({ id: 'd' });
    const changed = releaseLocksOf('sup-2', [a, b, c, d]);
    expect(changed.map((i) => i.id)).toEqual(['a', 'c']);
    expect(changed.every((i) => i.monitorLock === undefined)).toBe(true);
    expect(b.monitorLock?.supervisorId).toBe('sup-1');
    expect(releaseLocksOf('sup-9', [a, b, c, d])).toEqual([]);
  });

  it('accepts any iterable, e.g. a Map of interactions', () => {
    const a = acquireMonitorLock(chat({ id: 'a' }), dana, T0).interaction;
    expect(releaseLocksOf('sup-2', new Map([['a', a]]).values())).toHaveLength(1);
  });
});
