import type { Database, Statement } from './sqlite';
import { BodyCipher } from './encryption';
import { CacheError, toCacheError, type CacheErrorShape } from './errors';
import { exportPdf } from './export/exportPdf';
import { exportFileName, exportText, type ExportOptions } from './export/exportText';
import type { CacheNotice } from './notices';
import { openCacheDatabase } from './openDatabase';
import type { ConversionStep } from './plaintextCache';
import { createRedactor, type RedactionPatternConfig, type RedactionProblem, type Redactor } from './redaction';
import { upgradeLegacyMessages } from './legacyMessages';
import { MessageIndex } from './messageIndex';
import { CacheReader } from './repositories/cacheReader';
import { CacheWriter } from './repositories/cacheWriter';
import { NotesRepository } from './repositories/notesRepository';
import { removeMovedAsideOlderThan } from './movedAside';
import { databaseBytes, purgeExpired, retentionCutoff } from './retention';
import { searchCache } from './search';
import { readEncoded, replayEncoded } from './worker/writeCodec';
import type {
  CacheStats,
  CacheWrite,
  ExportResult,
  InteractionDetail,
  Note,
  NoteInput,
  PurgeResult,
  SearchQuery,
  SearchResult,
} from './types';

export interface CacheDatabaseOptions {
  path: string;
  key: Buffer;
  now: number;
  redactionPatterns?: RedactionPatternConfig[];
  /** Test hook to simulate a full disk. */
  maxPageCount?: number;
  /** Bench hook only: false leaves the file unencrypted (see openDatabase.ts). */
  pageEncryption?: boolean;
  /** Test hook: runs after each step of converting a plaintext cache. */
  afterConversionStep?: (step: ConversionStep) => void;
}

export type ExportFormat = 'text' | 'pdf';

/**
 * The whole cache, synchronous, on one connection. The worker thread owns one
 * of these; tests use it directly. Not safe to share across threads.
 */
export class CacheDatabase {
  private readonly writer: CacheWriter;
  private readonly reader: CacheReader;
  private readonly notesRepo: NotesRepository;
  private readonly index: MessageIndex;
  private redactor: Redactor;
  private readonly foreignKeysOff: Statement;
  private readonly foreignKeysOn: Statement;

  private constructor(
    readonly db: Database,
    private readonly cipher: BodyCipher,
    redactor: Redactor,
  ) {
    this.redactor = redactor;
    this.index = new MessageIndex(db, cipher);
    this.writer = new CacheWriter(db, cipher, redactor, this.index);
    this.reader = new CacheReader(db, cipher);
    this.notesRepo = new NotesRepository(db, cipher);
    this.foreignKeysOff = db.prepare('PRAGMA foreign_keys = OFF');
    this.foreignKeysOn = db.prepare('PRAGMA foreign_keys = ON');
  }

  static open(options: CacheDatabaseOptions): { cache: CacheDatabase; notices: CacheNotice[] } {
    const cipher = new BodyCipher(options.key);
    const opened = openCacheDatabase({
      path: options.path,
      key: options.key,
      now: options.now,
      ...(options.maxPageCount !== undefined ? { maxPageCount: options.maxPageCount } : {}),
      ...(options.pageEncryption !== undefined ? { pageEncryption: options.pageEncryption } : {}),
      ...(options.afterConversionStep !== undefined ? { afterConversionStep: options.afterConversionStep } : {}),
    });
    const redactor = createRedactor(options.redactionPatterns);
    const notices = [...opened.notices, ...redactionNotices(redactor.problems)];
    const cache = new CacheDatabase(opened.db, cipher, redactor);
    try {
      upgradeLegacyMessages(opened.db, cipher, cache.writer);
    } catch (err) {
      opened.db.close();
      throw err;
    }
    return { cache, notices };
  }

  setRedactionPatterns(patterns: RedactionPatternConfig[]): RedactionProblem[] {
    this.redactor = createRedactor(patterns);
    this.writer.setRedactor(this.redactor);
    return [...this.redactor.problems];
  }

  /** All writes in one transaction: all commit or none do. */
  applyWrites(writes: readonly CacheWrite[], now: number): void {
    this.writeTransaction(() => {
      for (const w of writes) this.writer.apply(w);
    }, now);
  }

  /**
   * One write transaction. Foreign-key checks are off while it runs and on again after,
   * for everything else (purge's cascades, notes, migrations). A write never deletes, and
   * every key a child row names comes from CacheWriter.interactionKey(), which looks the
   * conversation up in this transaction or remembers one it found, and forgets them all on
   * rollback and purge; so the check could never fail here, and it cost ~0.4 us of each of
   * ~560k child rows per 100k event-shaped messages (5-8% of the worker, issue 15).
   * tests/unit/cache/writesKeepForeignKeys.test.ts runs foreign_key_check after hostile mixes.
   * The pragma cannot change inside a transaction, hence around it.
   */
  private writeTransaction(apply: () => void, now: number): void {
    this.foreignKeysOff.run();
    try {
      this.db.transaction(() => {
        apply();
        this.writer.finishTransaction();
        this.writer.markWritten(now);
      })();
    } catch (err) {
      this.writer.rolledBack();
      throw err;
    } finally {
      this.foreignKeysOn.run();
    }
  }

  /**
   * The cache worker's writes, still packed as they crossed (writeCodec.EncodedWrites), all
   * in one transaction: all commit or none do. Each is read back only when its turn comes
   * and dropped after, so a commit keeps one op's values alive at a time, not its whole
   * batch's (issue 15: held for the commit's 100-300 ms, a batch's values were copied by
   * every young-generation GC meanwhile and promoted, ~10 MB a scavenge). An encoding that
   * cannot be read is skipped, nothing of it written, and its error returned in its place
   * (null for the others). Each record is validated as applyWrites() validates it; on any
   * other failure this throws, and the caller commits each write alone with applyEachAlone().
   */
  applyEncodedWrites(encodings: readonly unknown[], now: number): (CacheError | null)[] {
    const results: (CacheError | null)[] = new Array(encodings.length).fill(null);
    this.writeTransaction(() => {
      for (let n = 0; n < encodings.length; n++) {
        const flat = readEncoded(encodings[n]);
        if (flat instanceof CacheError) results[n] = flat;
        else replayEncoded(flat, this.writer.sink);
      }
    }, now);
    return results;
  }

  /**
   * Commits the batch in one transaction; if that fails, retries each write
   * alone so one bad record does not sink the others. Returns one result per
   * write: null = committed, else the error.
   */
  applyWritesIsolated(writes: readonly CacheWrite[], now: number): (CacheErrorShape | null)[] {
    try {
      this.applyWrites(writes, now);
      return writes.map(() => null);
    } catch (err) {
      if (writes.length === 1) return [toCacheError(err).toJSON()];
    }
    return this.applyEachAlone(writes, now);
  }

  /** Each write in a transaction of its own: one result per write, null = committed, else the error. */
  applyEachAlone(writes: readonly CacheWrite[], now: number): (CacheErrorShape | null)[] {
    return writes.map((w) => {
      try {
        this.applyWrites([w], now);
        return null;
      } catch (err) {
        return toCacheError(err).toJSON();
      }
    });
  }

  addNote(input: NoteInput, now: number = input.at): Note {
    return this.db.transaction(() => {
      const note = this.notesRepo.add(input, this.redactor);
      this.writer.markWritten(now);
      return note;
    })();
  }

  search(query: SearchQuery): SearchResult {
    return searchCache(this.db, this.reader, query ?? {});
  }

  openInteraction(interactionId: string): InteractionDetail | null {
    return this.reader.detail(interactionId);
  }

  /**
   * Text or PDF of one cached interaction. Any failure (a time zone the
   * platform does not know, a PDF that cannot be drawn) rejects with
   * CacheError EXPORT_FAILED saying why; the cache keeps working.
   */
  async exportInteraction(interactionId: string, format: ExportFormat, options: ExportOptions): Promise<ExportResult> {
    const detail = this.reader.detail(interactionId);
    if (!detail) throw new CacheError('NOT_FOUND', `Interaction ${interactionId} is not in the session cache.`);
    try {
      if (format === 'pdf') {
        return {
          filename: exportFileName(detail, 'pdf'),
          mimeType: 'application/pdf',
          data: await exportPdf(detail, options),
        };
      }
      return {
        filename: exportFileName(detail, 'txt'),
        mimeType: 'text/plain; charset=utf-8',
        data: Buffer.from(exportText(detail, options), 'utf8'),
      };
    } catch (err) {
      if (err instanceof CacheError) throw err;
      const why = err instanceof Error ? err.message : String(err);
      throw new CacheError('EXPORT_FAILED', `The ${format === 'pdf' ? 'PDF' : 'text'} export could not be made: ${why.slice(0, 200)}`);
    }
  }

  purge(retentionDays: number, now: number): PurgeResult {
    this.writer.rolledBack(); // pruned search terms must be re-recorded when seen again
    const result = purgeExpired(this.db, this.index, retentionDays, now);
    removeMovedAsideOlderThan(this.db.name, retentionCutoff(retentionDays, now));
    return result;
  }

  stats(): CacheStats {
    const count = (table: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const range = this.db
      .prepare('SELECT min(started_at) AS oldest, max(last_seen_at) AS newest FROM interactions')
      .get() as { oldest: number | null; newest: number | null };
    const lastWrite = this.db.prepare("SELECT value FROM cache_meta WHERE key = 'last_write_at'").get() as
      | { value: number }
      | undefined;
    return {
      interactions: count('interactions'),
      messages: (this.db.prepare('SELECT coalesce(sum(message_count), 0) AS n FROM message_blocks').get() as { n: number }).n,
      notes: count('notes'),
      bytes: databaseBytes(this.db),
      lastWriteAt: lastWrite?.value ?? null,
      oldestStartedAt: range.oldest,
      newestSeenAt: range.newest,
    };
  }

  close(): void {
    if (!this.db.open) return;
    try {
      this.db.pragma('optimize');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
    }
  }
}

function redactionNotices(problems: readonly RedactionProblem[]): CacheNotice[] {
  return problems.map((p) => ({ code: 'REDACTION_PATTERN_SKIPPED', severity: 'warning', message: p.message }));
}
