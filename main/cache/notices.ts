/** Something the UI should tell the supervisor about the cache, shown once after open. */
export interface CacheNotice {
  code: 'CORRUPT_REPLACED' | 'CACHE_ENCRYPTED' | 'INSECURE_KEY_STORE' | 'REDACTION_PATTERN_SKIPPED';
  severity: 'info' | 'warning';
  message: string;
  /** Where the unusable file was moved, for support. */
  movedTo?: string;
}
