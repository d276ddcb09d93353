import type { Message } from '../../../../preload/contract';
import {
  emptyTyping,
  maxConversations,
  maxMessagesPerConversation,
  type DigitalState,
  type TranscriptState,
  type TypingState,
} from './initialState';

export type DigitalAction =
  /** A conversation was opened: start keeping its live events (before the transcript arrives). */
  | { type: 'digital/open'; interactionId: string }
  | { type: 'digital/transcript'; interactionId: string; messages: Message[]; typing?: TypingState }
  | { type: 'digital/messages'; interactionId: string; messages: Message[] }
  | { type: 'digital/typing'; interactionId: string; agentTyping: boolean; draft: string }
  | { type: 'digital/forget'; interactionId: string }
  | { type: 'digital/select'; interactionId: string | undefined };

const emptyTranscript: TranscriptState = { messages: [], dropped: 0, typing: emptyTyping, loaded: false };

/** Merges by id (a message can arrive both in the transcript and as an event), keeps time order, stays bounded. */
function merge(existing: TranscriptState, incoming: readonly Message[]): TranscriptState {
  if (incoming.length === 0) return existing;
  const known = new Set(existing.messages.map((m) => m.id));
  const fresh: Message[] = [];
  for (const m of incoming) {
    if (known.has(m.id)) continue;
    known.add(m.id);
    fresh.push(m);
  }
  if (fresh.length === 0) return existing;
  let messages = [...existing.messages, ...fresh];
  for (let i = 1; i < messages.length; i++) {
    if ((messages[i]?.at ?? 0) < (messages[i - 1]?.at ?? 0)) {
      messages.sort((a, b) => a.at - b.at);
      break;
    }
  }
  let dropped = existing.dropped;
  if (messages.length > maxMessagesPerConversation) {
    dropped += messages.length - maxMessagesPerConversation;
    messages = messages.slice(-maxMessagesPerConversation);
  }
  return { ...existing, messages, dropped };
}

function withOpen(state: DigitalState, id: string): DigitalState {
  const openOrder = [...state.openOrder.filter((x) => x !== id), id];
  const transcripts = { ...state.transcripts, [id]: state.transcripts[id] ?? emptyTranscript };
  while (openOrder.length > maxConversations) {
    const evicted = openOrder.shift();
    if (evicted !== undefined) delete transcripts[evicted];
  }
  return { ...state, transcripts, openOrder };
}

/** Pure. Events for conversations nobody opened return the same state (no re-render anywhere). */
export function digitalReducer(state: DigitalState, action: DigitalAction): DigitalState {
  switch (action.type) {
    case 'digital/open':
      if (state.openOrder[state.openOrder.length - 1] === action.interactionId) return state;
      return withOpen(state, action.interactionId);
    case 'digital/transcript': {
      const base = withOpen(state, action.interactionId);
      const current = base.transcripts[action.interactionId] ?? emptyTranscript;
      // The loaded transcript is the truth; live messages that arrived meanwhile are merged in.
      const merged = merge({ ...current, messages: [], dropped: 0 }, [...action.messages, ...current.messages]);
      const next: TranscriptState = { ...merged, loaded: true, typing: action.typing ? { agentTyping: action.typing.agentTyping, draft: action.typing.draft } : current.typing };
      return { ...base, transcripts: { ...base.transcripts, [action.interactionId]: next } };
    }
    case 'digital/messages': {
      const current = state.transcripts[action.interactionId];
      if (!current) return state;
      const next = merge(current, action.messages);
      return next === current ? state : { ...state, transcripts: { ...state.transcripts, [action.interactionId]: next } };
    }
    case 'digital/typing': {
      const current = state.transcripts[action.interactionId];
      if (!current) return state;
      if (current.typing.agentTyping === action.agentTyping && current.typing.draft === action.draft) return state;
      return {
        ...state,
        transcripts: { ...state.transcripts, [action.interactionId]: { ...current, typing: { agentTyping: action.agentTyping, draft: action.draft } } },
      };
    }
    case 'digital/forget': {
      if (!state.transcripts[action.interactionId]) return state;
      const transcripts = { ...state.transcripts };
      delete transcripts[action.interactionId];
      return { ...state, transcripts, openOrder: state.openOrder.filter((x) => x !== action.interactionId) };
    }
    case 'digital/select':
      return state.selectedId === action.interactionId ? state : { ...state, selectedId: action.interactionId };
    default:
      return state;
  }
}
