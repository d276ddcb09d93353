import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';

/**
 * Standing facts the supervisor hears once, not at every start (where the cache
 * key is kept when there is no OS secret store): after the first telling they
 * live in Settings. Remembered per user in `told.json` next to settings.json.
 * A missing, unreadable or malformed file only means a fact is told again.
 */
// Entries are read as a Map, not an object: a fact named "__proto__" stays a name.
const toldEntrySchema = z.tuple([z.string().max(100), z.number()]);

export function toldFile(userDataDir: string): string {
  return path.join(userDataDir, 'told.json');
}

function readTold(file: string): Map<string, number> {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return new Map();
    return new Map(Object.entries(raw).flatMap((e) => (toldEntrySchema.safeParse(e).success ? [e as [string, number]] : [])));
  } catch {
    return new Map();
  }
}

/** True the first time `fact` is asked about for this user (and remembers it was told at `now`). */
export function firstTelling(userDataDir: string, fact: string, now: number, warn: (message: string) => void = () => {}): boolean {
  const file = toldFile(userDataDir);
  const told = readTold(file);
  if (told.has(fact)) return false;
  told.set(fact, now);
  try {
    mkdirSync(userDataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(Object.fromEntries(told), null, 2)}\n`, { mode: 0o600 });
  } catch (e) {
    warn(`Could not remember that a notice was shown (${(e as Error).message}); it may be shown again.`);
  }
  return true;
}
