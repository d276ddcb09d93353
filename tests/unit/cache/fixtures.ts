import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CacheDatabase } from '../../../main/cache/CacheDatabase';
import { keyConnection } from '../../../main/cache/pageEncryption';
import Sqlite, { type Database } from '../../../main/cache/sqlite';
import type { RedactionPatternConfig } from '../../../main/cache/redaction';
import type { InteractionRecord, TranscriptMessageRecord } from '../../../main/cache/types';

export const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);
export const MIN = 60_000;
export const DAY = 86_400_000;

export function interaction(overrides: Partial<InteractionRecord> = {}): InteractionRecord {
  return {
    id: 'int-1',
    channel: 'webMessaging',
    queueId: 'q-sales',
    queueName: 'Sales',
    agents: [{ id: 'agent-ann', name: 'Ann Agent' }],
    customerName: 'Carl Customer',
    state: 'connected',
    startedAt: T0,
    endedAt: null,
    monitoredByMe: false,
    lastSeenAt: T0 + MIN,
    ...overrides,
  };
}

export function message(n: number, overrides: Partial<TranscriptMessageRecord> = {}): TranscriptMessageRecord {
  return {
    interactionId: 'int-1',
    messageId: `m-${n}`,
    senderKind: n % 2 === 0 ? 'customer' : 'agent',
    senderName: n % 2 === 0 ? 'Carl Customer' : 'Ann Agent',
    at: T0 + n * 1000,
    channel: 'webMessaging',
    body: `message number ${n}`,
    ...overrides,
  };
}

export function memoryCache(redactionPatterns: RedactionPatternConfig[] = []): CacheDatabase {
  return CacheDatabase.open({ path: ':memory:', key: randomBytes(32), now: T0, redactionPatterns }).cache;
}

export interface TempDir {
  path: string;
  cleanup(): void;
}

export function tempDir(prefix = 'spyglass-cache-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** A raw connection to an encrypted cache file, keyed as the cache keys it (for tests that edit the file behind its back). */
export function openRawCache(path: string, key: Buffer): Database {
  const db = new Sqlite(path);
  keyConnection(db, key);
  return db;
}
