import type { Message } from '../../../../preload/contract';
import { emptyTyping, type DigitalState, type TranscriptState, type TypingState } from './initialState';

const noMessages: Message[] = [];

export const selectTranscript = (id: string) => (s: DigitalState): TranscriptState | undefined => s.transcripts[id];
export const selectMessages = (id: string) => (s: DigitalState): Message[] => s.transcripts[id]?.messages ?? noMessages;
export const selectTyping = (id: string) => (s: DigitalState): TypingState => s.transcripts[id]?.typing ?? emptyTyping;
export const selectTranscriptLoaded = (id: string) => (s: DigitalState): boolean => s.transcripts[id]?.loaded ?? false;
export const selectDropped = (id: string) => (s: DigitalState): number => s.transcripts[id]?.dropped ?? 0;
export const selectSelectedId = (s: DigitalState): string | undefined => s.selectedId;
