import type { CacheErrorShape } from '../errors';
import type { CacheNotice } from '../notices';
import type { RedactionPatternConfig } from '../redaction';
import type { EncodedWrites } from './writeCodec';

/** Passed to the worker at start. The key is copied, never written anywhere by the worker. */
export interface CacheWorkerData {
  path: string;
  key: Uint8Array;
  now: number;
  redactionPatterns: RedactionPatternConfig[];
  maxPageCount?: number;
  pageEncryption?: boolean;
  /** 'checkpointer': the same entry runs checkpointer.ts instead of the cache worker. */
  role?: 'checkpointer';
}

export type CallMethod =
  | 'search'
  | 'openInteraction'
  | 'addNote'
  | 'exportInteraction'
  | 'purge'
  | 'stats'
  | 'setRedactionPatterns'
  | 'close';

/** One record*() or recordWrites() call: its writes, encoded (writeCodec.ts). */
export interface WriteOp {
  opId: number;
  writes: EncodedWrites;
}

/**
 * The outcome of one op once its commit returned: null when every write of it is
 * committed, else one entry per write (null = committed). A single entry for an op of
 * several writes is the error of all of them (the op could not be decoded).
 */
export interface OpResult {
  opId: number;
  errors: (CacheErrorShape | null)[] | null;
}

export type ToWorker =
  | { type: 'write'; ops: WriteOp[]; now: number }
  | { type: 'call'; callId: number; method: CallMethod; args: unknown[] };

export type FromWorker =
  | { type: 'ready'; notices: CacheNotice[] }
  | { type: 'fatal'; error: CacheErrorShape }
  | { type: 'acks'; results: OpResult[] }
  | { type: 'result'; callId: number; ok: true; value: unknown }
  | { type: 'result'; callId: number; ok: false; error: CacheErrorShape };
