import type { Database } from '../sqlite';

/** One schema step. Versions only go up; never edit a shipped migration, add a new one. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
