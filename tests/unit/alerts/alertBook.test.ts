import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { desktopNotesFor, MAX_ALERTS_KEPT } from '../../../preload/contract/alerts';
import { acknowledge, CLEAR_AFTER_MS, emptyAlertBook, stepAlerts, unacknowledgedCount, type AlertBook } from '../../../main/alerts/alertBook';
import type { AlertCondition } from '../../../main/alerts/conditions';

const hold = (id: string): AlertCondition => ({ key: `longHold:${id}`, kind: 'longHold', subject: { interactionId: id }, title: `Long hold ${id}`, text: 'on hold' });
const T0 = 1_000_000;

/** Steps the book once a second over `present` (one entry per second: the conditions true then). */
function run(present: ReadonlyArray<readonly AlertCondition[]>, book: AlertBook = emptyAlertBook) {
  const raised: string[] = [];
  present.forEach((conditions, i) => {
    const step = stepAlerts(book, conditions, T0 + i * 1000);
    book = step.book;
    raised.push(...step.raised.map((a) => a.key));
  });
  return { book, raised };
}

describe('one alert per condition until it clears', () => {
  it('a hold that stays long for ten minutes raises one alert, not one a second', () => {
    const { book, raised } = run(Array.from({ length: 600 }, () => [hold('c1')]));
    expect(raised).toEqual(['longHold:c1']);
    expect(book.alerts).toHaveLength(1);
    expect(book.alerts[0]).toMatchObject({ id: 'alert-1', raisedAt: T0, title: 'Long hold c1' });
  });

  it('cleared (false for 30 s) it is marked cleared at the moment it went false, and a later hold alerts again', () => {
    const seconds = [...Array(10).fill([hold('c1')]), ...Array(31).fill([]), ...Array(5).fill([hold('c1')])];
    const { book, raised } = run(seconds);
    expect(raised).toEqual(['longHold:c1', 'longHold:c1']);
    expect(book.alerts.map((a) => [a.id, a.clearedAt])).toEqual([
      ['alert-2', undefined],
      ['alert-1', T0 + 10_000],
    ]);
  });

  it('a condition that flickers off for less than 30 s does not alert again (no storm at a threshold)', () => {
    const flicker = Array.from({ length: 300 }, (_, i) => (i % 20 < 15 ? [hold('c1')] : []));
    expect(run(flicker).raised).toEqual(['longHold:c1']);
  });

  it('different conditions each alert once, in the same step', () => {
    const step = stepAlerts(emptyAlertBook, [hold('a'), hold('b'), hold('a')], T0);
    expect(step.raised.map((a) => a.key)).toEqual(['longHold:a', 'longHold:b']);
    expect(step.book.alerts.map((a) => a.key)).toEqual(['longHold:b', 'longHold:a']);
  });

  it('keeps at most MAX_ALERTS_KEPT alerts, newest first', () => {
    const { book } = run(Array.from({ length: MAX_ALERTS_KEPT + 50 }, (_, i) => [hold(`c${i}`)]));
    expect(book.alerts).toHaveLength(MAX_ALERTS_KEPT);
    expect(book.alerts[0]?.key).toBe(`longHold:c${MAX_ALERTS_KEPT + 49}`);
  });
});

describe('acknowledge', () => {
  it('one, then all: the unacknowledged count goes to zero; acknowledging again changes nothing', () => {
    let { book } = run([[hold('a'), hold('b'), hold('c')]]);
    expect(unacknowledgedCount(book)).toBe(3);
    book = acknowledge(book, new Set(['alert-2']), T0 + 5);
    expect(unacknowledgedCount(book)).toBe(2);
    expect(book.alerts.find((a) => a.id === 'alert-2')?.acknowledgedAt).toBe(T0 + 5);
    book = acknowledge(book, 'all', T0 + 9);
    expect(unacknowledgedCount(book)).toBe(0);
    expect(acknowledge(book, 'all', T0 + 10)).toBe(book);
    expect(acknowledge(book, new Set(['unknown']), T0 + 10)).toBe(book);
  });

  it('an acknowledged condition that stays true does not come back', () => {
    let { book } = run([[hold('a')]]);
    book = acknowledge(book, 'all', T0);
    const again = run(Array(100).fill([hold('a')]), book);
    expect(again.raised).toEqual([]);
    expect(unacknowledgedCount(again.book)).toBe(0);
  });
});

describe('property: no alert storm', () => {
  // Each second, each of three conditions is true or not; sampled runs of on/off stretches.
  const timeline = fc.array(fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 400 });

  it('alerts for a key = its true stretches that follow a gap of at least 30 s (or the start) — never more', () => {
    fc.assert(
      fc.property(timeline, (seconds) => {
        const keys = ['a', 'b', 'c'];
        const { raised } = run(seconds.map((on) => keys.filter((_, k) => on[k]).map(hold)));
        keys.forEach((key, k) => {
          let expected = 0;
          let armed = false;
          let falseFor = 0;
          for (const on of seconds) {
            if (on[k]) {
              if (!armed) expected++;
              armed = true;
              falseFor = 0;
            } else if (armed) {
              falseFor += 1000;
              // It went false a second ago (falseFor - 1000 ms counts from the first false step).
              if (falseFor - 1000 >= CLEAR_AFTER_MS) armed = false;
            }
          }
          expect(raised.filter((r) => r === `longHold:${key}`)).toHaveLength(expected);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a condition true at every step raises exactly one alert, whatever else comes and goes', () => {
    fc.assert(
      fc.property(fc.array(fc.subarray(['x', 'y', 'z']), { minLength: 1, maxLength: 300 }), (others) => {
        const { raised } = run(others.map((o) => [hold('steady'), ...o.map(hold)]));
        expect(raised.filter((r) => r === 'longHold:steady')).toHaveLength(1);
      }),
    );
  });
});

describe('desktop notifications for alerts raised together', () => {
  const raised = (n: number) => {
    const step = stepAlerts(emptyAlertBook, Array.from({ length: n }, (_, i) => hold(`c${i}`)), T0);
    return { alerts: [...step.raised].reverse(), count: step.raised.length };
  };

  it('up to three: one notification each, with the alert they open', () => {
    expect(desktopNotesFor(raised(2))).toEqual([
      { title: 'Long hold c1', body: 'on hold', alertId: 'alert-2' },
      { title: 'Long hold c0', body: 'on hold', alertId: 'alert-1' },
    ]);
  });

  it('more (a start that finds 400 agents Away too long): one summary naming the newest three, opening the panel', () => {
    expect(desktopNotesFor(raised(400))).toEqual([{ title: '400 new alerts', body: 'Long hold c399\nLong hold c398\nLong hold c397\n…and 397 more in Alerts' }]);
  });
});
