import type { SupervisionMode } from '../../../../preload/contract';

/** Words for cached data (never the codes it is stored with); channel names are the app's one map. */
export { channelNames as channelLabels } from '../../../../preload/contract';

/** "Morgan Lee coached Priya Shah …" */
export const modeDone: Record<SupervisionMode, string> = { monitor: 'monitored', coach: 'coached', barge: 'barged into' };
