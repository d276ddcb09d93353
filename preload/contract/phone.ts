// Softphone and media-bridge channels (issue 3). Owned by the phone work; filled in when it lands.
export const phoneCommands = {};
export const phoneEvents = {};
