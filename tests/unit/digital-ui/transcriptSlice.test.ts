import { describe, expect, it } from 'vitest';
import type { Message } from '../../../preload/contract';
import { initialDigitalState, maxConversations, maxMessagesPerConversation } from '../../../renderer/src/store/digital/initialState';
import { digitalReducer, type DigitalAction } from '../../../renderer/src/store/digital/reducer';
import { selectMessages, selectTranscriptLoaded, selectTyping } from '../../../renderer/src/store/digital/selectors';
import { initialRootState, rootReducer } from '../../../renderer/src/store';

const msg = (id: string, at: number, text = id, interactionId = 'c1'): Message => ({
  id,
  interactionId,
  senderKind: 'customer',
  senderName: 'Sarah',
  at,
  text,
  attachments: [],
});

const reduce = (...actions: DigitalAction[]) => actions.reduce(digitalReducer, initialDigitalState);

describe('digital transcript slice', () => {
  it('keeps nothing for conversations nobody opened (no re-render for background traffic)', () => {
    const s = digitalReducer(initialDigitalState, { type: 'digital/messages', interactionId: 'c9', messages: [msg('m1', 1)] });
    expect(s).toBe(initialDigitalState);
    const t = digitalReducer(initialDigitalState, { type: 'digital/typing', interactionId: 'c9', agentTyping: true, draft: 'x' });
    expect(t).toBe(initialDigitalState);
    // The root keeps its identity too, so zustand notifies nobody.
    expect(rootReducer(initialRootState, { type: 'digital/messages', interactionId: 'c9', messages: [msg('m1', 1)] })).toBe(initialRootState);
  });

  it('loads the transcript when opened and merges live messages that arrived meanwhile, once each, in time order', () => {
    const s = reduce(
      { type: 'digital/open', interactionId: 'c1' },
      { type: 'digital/messages', interactionId: 'c1', messages: [msg('m3', 30)] },
      { type: 'digital/transcript', interactionId: 'c1', messages: [msg('m1', 10), msg('m2', 20), msg('m3', 30)] },
      { type: 'digital/messages', interactionId: 'c1', messages: [msg('m4', 40), msg('m2', 20)] },
    );
    expect(selectMessages('c1')(s).map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(selectTranscriptLoaded('c1')(s)).toBe(true);
  });

  it('puts a late message in time order', () => {
    const s = reduce(
      { type: 'digital/transcript', interactionId: 'c1', messages: [msg('m1', 10), msg('m3', 30)] },
      { type: 'digital/messages', interactionId: 'c1', messages: [msg('m2', 20)] },
    );
    expect(selectMessages('c1')(s).map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('stays bounded per conversation and counts what it dropped', () => {
    const many = Array.from({ length: maxMessagesPerConversation + 25 }, (_, i) => msg(`m${i}`, i));
    const s = reduce({ type: 'digital/transcript', interactionId: 'c1', messages: many });
    const kept = selectMessages('c1')(s);
    expect(kept).toHaveLength(maxMessagesPerConversation);
    expect(kept[0]?.id).toBe('m25');
    expect(s.transcripts.c1?.dropped).toBe(25);
  });

  it('forgets the least recently opened conversations beyond the limit', () => {
    let s = initialDigitalState;
    for (let i = 0; i <= maxConversations; i++) s = digitalReducer(s, { type: 'digital/open', interactionId: `c${i}` });
    expect(Object.keys(s.transcripts)).toHaveLength(maxConversations);
    expect(s.transcripts.c0).toBeUndefined();
    expect(s.transcripts[`c${maxConversations}`]).toBeDefined();
  });

  it('shows the agent typing with their draft and clears it when they stop', () => {
    let s = reduce(
      { type: 'digital/open', interactionId: 'c1' },
      { type: 'digital/typing', interactionId: 'c1', agentTyping: true, draft: 'Let me check' },
    );
    expect(selectTyping('c1')(s)).toEqual({ agentTyping: true, draft: 'Let me check' });
    const same = digitalReducer(s, { type: 'digital/typing', interactionId: 'c1', agentTyping: true, draft: 'Let me check' });
    expect(same).toBe(s);
    s = digitalReducer(s, { type: 'digital/typing', interactionId: 'c1', agentTyping: false, draft: '' });
    expect(selectTyping('c1')(s)).toEqual({ agentTyping: false, draft: '' });
  });

  it('takes the typing state carried by the transcript', () => {
    const s = reduce({ type: 'digital/transcript', interactionId: 'c1', messages: [], typing: { agentTyping: false, draft: 'paused draft' } });
    expect(selectTyping('c1')(s).draft).toBe('paused draft');
  });

  it('selects the conversation shown beside the Chats list', () => {
    const s = reduce({ type: 'digital/select', interactionId: 'c1' });
    expect(s.selectedId).toBe('c1');
    expect(digitalReducer(s, { type: 'digital/select', interactionId: 'c1' })).toBe(s);
    expect(digitalReducer(s, { type: 'digital/select', interactionId: undefined }).selectedId).toBeUndefined();
  });
});
