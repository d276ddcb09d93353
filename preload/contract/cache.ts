// Offline review channels (issue 6). Owned by the cache work; filled in when it lands.
export const cacheCommands = {};
export const cacheEvents = {};
