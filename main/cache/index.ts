// Public surface of the session cache for the rest of main (IPC handlers,
// composition root). Everything else in this folder is internal.
export { openSessionCache } from './SessionCache';
export type { SessionCache, OpenSessionCacheOptions, OpenSessionCacheResult, ExportFormat } from './SessionCache';
export type { WorkerFactory } from './WorkerSessionCache';
export type { CacheWorkerData } from './worker/protocol';
export { FileKeyStore, CACHE_KEY_BYTES } from './keyStore';
export type { KeyStore } from './keyStore';
export { cacheDatabasePath, cacheDirectory, CACHE_FILE_NAME } from './paths';
export { CacheError, DatabaseFromFutureError } from './errors';
export type { CacheErrorCode, CacheErrorShape } from './errors';
export type { CacheNotice } from './notices';
export type { RedactionPatternConfig, RedactionProblem } from './redaction';
export * from './types';
