import type { Database, Statement } from '../sqlite';

/**
 * Rows of one INSERT … ON CONFLICT statement sent ROWS_PER_STATEMENT at a time, as one
 * multi-row VALUES statement (issue 15: timeline events and participants are most of the
 * cache worker's rows; one statement per row cost ~1.6 us against ~1.0 us per row in
 * statements of 16, measured on the cache's own tables). SQLite applies the rows of a
 * VALUES list one after another, so a row that conflicts with an earlier one of the same
 * statement is upserted onto it exactly as two statements would.
 *
 * Rows wait in memory until flush(), which the writer calls at the end of every
 * transaction (CacheWriter.finishTransaction), so a commit holds all of them; discard()
 * drops them when the transaction rolls back. An error in a held row surfaces at the
 * statement that carries it, inside the same transaction (the worker then retries each
 * write alone, where flush() runs with that write's own rows only).
 */
export const ROWS_PER_STATEMENT = 16;

export class BatchedUpsert {
  private readonly many: Statement;
  private readonly one: Statement;
  private readonly args: unknown[];
  private held = 0;

  constructor(
    db: Database,
    /** `INSERT INTO table (columns)`. */
    head: string,
    /** Values per row (the columns' count). */
    private readonly width: 3 | 5 | 6,
    /** `ON CONFLICT … DO UPDATE …`. */
    tail: string,
  ) {
    const row = `(${new Array(width).fill('?').join(', ')})`;
    this.one = db.prepare(`${head} VALUES ${row} ${tail}`);
    this.many = db.prepare(`${head} VALUES ${new Array(ROWS_PER_STATEMENT).fill(row).join(', ')} ${tail}`);
    this.args = new Array(width * ROWS_PER_STATEMENT);
  }

  /** Holds one row: its first `width` values (up to six; no list made per row). */
  add(v0: unknown, v1: unknown, v2: unknown, v3?: unknown, v4?: unknown, v5?: unknown): void {
    const a = this.args;
    const width = this.width;
    const at = this.held * width;
    a[at] = v0;
    a[at + 1] = v1;
    a[at + 2] = v2;
    if (width > 3) {
      a[at + 3] = v3;
      a[at + 4] = v4;
      if (width > 5) a[at + 5] = v5;
    }
    if (++this.held === ROWS_PER_STATEMENT) {
      this.held = 0;
      this.many.run(this.args);
    }
  }

  /** Writes the rows held (fewer than a statement's worth), one statement each. */
  flush(): void {
    const rows = this.held;
    this.held = 0;
    for (let r = 0; r < rows; r++) this.one.run(this.args.slice(r * this.width, (r + 1) * this.width));
  }

  /** Forgets the rows held (their transaction rolled back). */
  discard(): void {
    this.held = 0;
  }
}
