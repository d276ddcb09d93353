import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../preload/contract';
import { initialNoticesState, type NoticesState } from '../../../renderer/src/store/notices/initialState';
import { noticesReducer } from '../../../renderer/src/store/notices/reducer';
import { MAX_TOASTS, selectToasts, selectUnreadCount, toastLifetimeMs } from '../../../renderer/src/store/notices/selectors';

const notice = (id: string, level: Notice['level']): Notice => ({ id, level, text: `text ${id}`, at: 0 });
const add = (s: NoticesState, n: Notice) => noticesReducer(s, { type: 'notices/add', notice: n });

describe('toasts and the notice count', () => {
  it('never shows more than three toasts, the newest; the others wait in the count', () => {
    let s = initialNoticesState;
    for (let i = 0; i < 7; i++) s = add(s, notice(`w${i}`, 'warning'));
    expect(selectToasts(s).map((n) => n.id)).toEqual(['w4', 'w5', 'w6']);
    expect(MAX_TOASTS).toBe(3);
    expect(selectUnreadCount(s)).toBe(7);
  });

  it('a warning folds into the count and stays unread until read there; reading removes it', () => {
    let s = add(initialNoticesState, notice('w1', 'warning'));
    s = noticesReducer(s, { type: 'notices/collapse', id: 'w1' });
    expect(selectToasts(s)).toEqual([]);
    expect(selectUnreadCount(s)).toBe(1);
    s = noticesReducer(s, { type: 'notices/dismiss', id: 'w1' });
    expect(selectUnreadCount(s)).toBe(0);
    expect(s.collapsed).toEqual([]);
  });

  it('information goes by itself and is never counted; errors stay until dismissed', () => {
    let s = add(initialNoticesState, notice('i1', 'info'));
    s = add(s, notice('e1', 'error'));
    expect(selectUnreadCount(s)).toBe(1);
    expect(toastLifetimeMs.info).toBeGreaterThan(0);
    expect(toastLifetimeMs.warning).toBeGreaterThan(0);
    expect(toastLifetimeMs.error).toBeUndefined();
  });

  it('dismiss all reads everything; collapsing an unknown id changes nothing', () => {
    let s = add(add(initialNoticesState, notice('w1', 'warning')), notice('e1', 'error'));
    expect(noticesReducer(s, { type: 'notices/collapse', id: 'nope' })).toBe(s);
    s = noticesReducer(s, { type: 'notices/dismissAll' });
    expect(selectUnreadCount(s)).toBe(0);
  });
});

describe('notices when a window opens', () => {
  it('a notice another window showed goes straight into the count (no second toast); shown information is dropped', () => {
    let s = add(initialNoticesState, notice('n9', 'error'));
    const shown = (n: Notice): Notice => ({ ...n, shown: true });
    s = noticesReducer(s, { type: 'notices/replay', notices: [shown(notice('n1', 'warning')), shown(notice('n2', 'info')), notice('n9', 'error')] });
    expect(s.items.map((n) => n.id)).toEqual(['n1', 'n9']);
    expect(selectToasts(s).map((n) => n.id)).toEqual(['n9']);
    expect(selectUnreadCount(s)).toBe(2);
  });

  it('a notice no window has shown yet (start-up, during a reload) is a toast in the window that opens', () => {
    const s = noticesReducer(initialNoticesState, { type: 'notices/replay', notices: [notice('n1', 'warning'), notice('n2', 'info')] });
    expect(selectToasts(s).map((n) => n.id)).toEqual(['n1', 'n2']);
  });
});
