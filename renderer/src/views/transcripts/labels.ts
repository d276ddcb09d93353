import type { Channel, SupervisionMode } from '../../../../preload/contract';

/** Words for cached data (never the codes it is stored with). */
export const channelLabels: Record<Channel, string> = {
  voice: 'Voice',
  webMessaging: 'Web messaging',
  thirdPartyMessaging: 'Messaging',
  sms: 'SMS',
  chat: 'Chat',
};

/** "Morgan Lee coached Priya Shah …" */
export const modeDone: Record<SupervisionMode, string> = { monitor: 'monitored', coach: 'coached', barge: 'barged into' };
