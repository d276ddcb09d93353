// How SQL finds an interaction by its text id (schema 7). The unique index is
// interactions_id ON (substr(id, -13), id): the last 13 characters of a
// cached id are its epoch in milliseconds (cachedInteractionId ends in
// "@<epoch>"), so new conversations land at the right edge of the index
// instead of on a random page (ids themselves do not sort by time; see
// migrations/0007-interaction-key-everywhere.ts). A prefix that is a function
// of the id keeps the index exactly as unique as the id.
//
// SQLite only uses that index when a query names the same expression, so a
// plain `WHERE id = ?` scans the whole table. Every lookup by id goes through
// these fragments; tests/unit/cache/interactionLookups.test.ts checks the plan
// of every statement the cache prepares.

/** Scalar subquery: the key of the interaction whose id is bound to its one `?`; NULL if there is none. */
export const KEY_OF_ID =
  '(SELECT ik.key FROM (SELECT ? AS v) iq JOIN interactions ik ON substr(ik.id, -13) = substr(iq.v, -13) AND ik.id = iq.v)';

/** FROM item: the interaction (as `alias`) whose id is bound to its one `?`. */
export function interactionWithId(alias: string): string {
  return `(SELECT ? AS v) iq JOIN interactions ${alias} ON substr(${alias}.id, -13) = substr(iq.v, -13) AND ${alias}.id = iq.v`;
}

/** FROM item: the interactions (as `alias`) whose ids are in the JSON array bound to its one `?`. */
export function interactionsWithIdsIn(alias: string): string {
  return `json_each(?) ids JOIN interactions ${alias} ON substr(${alias}.id, -13) = substr(ids.value, -13) AND ${alias}.id = ids.value`;
}
