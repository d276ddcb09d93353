export const views = ['agents', 'queues', 'chats', 'transcripts', 'audit', 'settings', 'alerts'] as const;
export type ViewName = (typeof views)[number];

export interface UiState {
  view: ViewName;
  /** The interaction whose details are open, if any. */
  detailsId: string | undefined;
  helpOpen: boolean;
  /** 'refused': the web host does not accept this tab's token (from an earlier run); reconnecting cannot help. */
  connection: 'connecting' | 'open' | 'closed' | 'refused';
  /** The ended interaction whose cached copy was asked for from outside its view (the ended monitoring toolbar). */
  cachedCopyOf?: string | undefined;
}

export const initialUiState: UiState = { view: 'agents', detailsId: undefined, helpOpen: false, connection: 'connecting' };
