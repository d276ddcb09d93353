import type { Message } from '../../../../preload/contract';

/** The agent's typing indicator and unsent draft for one conversation (seed 003). */
export interface TypingState {
  agentTyping: boolean;
  draft: string;
}

/** One open conversation's live transcript. */
export interface TranscriptState {
  /** Oldest first, at most `maxMessagesPerConversation`. */
  messages: Message[];
  /** How many older messages were dropped to stay bounded. */
  dropped: number;
  typing: TypingState;
  /** The transcript was loaded from main (digital:transcript) at least once. */
  loaded: boolean;
}

/**
 * Transcripts of the conversations this supervisor opened. Only opened
 * conversations are kept (events for others are ignored), each bounded, and
 * the least recently opened are forgotten beyond `maxConversations`.
 */
export interface DigitalState {
  transcripts: Record<string, TranscriptState>;
  /** Least recently opened first. */
  openOrder: string[];
  /** The conversation open beside the Chats list. */
  selectedId: string | undefined;
}

export const maxMessagesPerConversation = 500;
export const maxConversations = 20;

export const emptyTyping: TypingState = { agentTyping: false, draft: '' };

export const initialDigitalState: DigitalState = { transcripts: {}, openOrder: [], selectedId: undefined };
