// The cache's SQLite: better-sqlite3-multiple-ciphers is better-sqlite3's own
// API and release line with SQLite3 Multiple Ciphers compiled in, so the whole
// database file (pages, FTS5 index, WAL) can be encrypted (issue 11 item 1).
// Its bundled typings lag better-sqlite3's; the code is typed with
// @types/better-sqlite3 through this one module, so nothing else names either package.
import type BetterSqlite3 from 'better-sqlite3';
import MultipleCiphers from 'better-sqlite3-multiple-ciphers';

export type { Database, Statement } from 'better-sqlite3';

const Sqlite = MultipleCiphers as unknown as typeof BetterSqlite3;
export default Sqlite;
