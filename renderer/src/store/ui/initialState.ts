export const views = ['agents', 'queues', 'chats', 'transcripts', 'audit', 'settings'] as const;
export type ViewName = (typeof views)[number];

export interface UiState {
  view: ViewName;
  /** The interaction whose details are open, if any. */
  detailsId: string | undefined;
  helpOpen: boolean;
  connection: 'connecting' | 'open' | 'closed';
}

export const initialUiState: UiState = { view: 'agents', detailsId: undefined, helpOpen: false, connection: 'connecting' };
