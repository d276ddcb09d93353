import { describe, expect, it } from 'vitest';
import { initialRootState, rootReducer } from '../../../renderer/src/store';
import { initialNoticesState, type NoticesState } from '../../../renderer/src/store/notices/initialState';
import { NOTICES_KEPT, noticesReducer } from '../../../renderer/src/store/notices/reducer';

describe('root reducer', () => {
  it('switching views closes interaction details', () => {
    const opened = rootReducer(initialRootState, { type: 'ui/openDetails', interactionId: 'c1' });
    expect(opened.ui.detailsId).toBe('c1');
    const chats = rootReducer(opened, { type: 'ui/show', view: 'chats' });
    expect(chats.ui).toMatchObject({ view: 'chats', detailsId: undefined });
    expect(chats.live).toBe(opened.live);
  });

  it('returns the same state for an action nobody handles', () => {
    expect(rootReducer(initialRootState, { type: 'nothing' } as never)).toBe(initialRootState);
  });

  it('notices: de-duplicated, bounded, dismissable', () => {
    let s: NoticesState = initialNoticesState;
    for (let i = 0; i < NOTICES_KEPT + 2; i++) s = noticesReducer(s, { type: 'notices/add', notice: { id: `n${i}`, level: 'warning', text: `t${i}`, at: i } });
    s = noticesReducer(s, { type: 'notices/add', notice: { id: 'n6', level: 'info', text: 'again', at: 9 } });
    expect(s.items).toHaveLength(NOTICES_KEPT);
    expect(s.items[0]?.id).toBe('n2');
    expect(noticesReducer(s, { type: 'notices/dismiss', id: 'n3' }).items).toHaveLength(NOTICES_KEPT - 1);
  });
});
