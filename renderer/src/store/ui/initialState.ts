export const views = ['agents', 'queues', 'chats', 'transcripts', 'audit', 'settings', 'alerts'] as const;
export type ViewName = (typeof views)[number];

export interface UiState {
  view: ViewName;
  /** The interaction whose details are open, if any. */
  detailsId: string | undefined;
  helpOpen: boolean;
  /** 'refused': the web host does not accept this tab's token (from an earlier run); reconnecting cannot help. */
  connection: 'connecting' | 'open' | 'closed' | 'refused';
}

export const initialUiState: UiState = { view: 'agents', detailsId: undefined, helpOpen: false, connection: 'connecting' };
