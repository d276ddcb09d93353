/**
 * The core may keep its collections as Maps or as plain records; the rules
 * accept either so that no copy is needed on every recomputation.
 */
export type Lookup<T> = ReadonlyMap<string, T> | Readonly<Record<string, T | undefined>>;

export function lookup<T>(collection: Lookup<T> | undefined, key: string | undefined): T | undefined {
  if (collection === undefined || key === undefined) return undefined;
  if (collection instanceof Map) return collection.get(key);
  const record = collection as Readonly<Record<string, T | undefined>>;
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
