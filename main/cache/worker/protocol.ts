import type { CacheErrorShape } from '../errors';
import type { CacheNotice } from '../notices';
import type { RedactionPatternConfig } from '../redaction';
import type { CacheWrite } from '../types';

/** Passed to the worker at start. The key is copied, never written anywhere by the worker. */
export interface CacheWorkerData {
  path: string;
  key: Uint8Array;
  now: number;
  redactionPatterns: RedactionPatternConfig[];
  maxPageCount?: number;
  pageEncryption?: boolean;
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

export interface WriteOp {
  opId: number;
  write: CacheWrite;
}

export type ToWorker =
  | { type: 'write'; ops: WriteOp[]; now: number }
  | { type: 'call'; callId: number; method: CallMethod; args: unknown[] };

export type FromWorker =
  | { type: 'ready'; notices: CacheNotice[] }
  | { type: 'fatal'; error: CacheErrorShape }
  | { type: 'acks'; results: { opId: number; error: CacheErrorShape | null }[] }
  | { type: 'result'; callId: number; ok: true; value: unknown }
  | { type: 'result'; callId: number; ok: false; error: CacheErrorShape };
