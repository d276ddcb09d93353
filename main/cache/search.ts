import type { Database } from './sqlite';
import { toFtsQuery, type FtsQuery } from './ftsQuery';
import { snippetSegments, wordMatcher } from './highlight';
import { FTS_ROWS_PER_BLOCK, fromFtsRowId } from './messageBlocks';
import type { CacheReader } from './repositories/cacheReader';
import { expandPrefix } from './searchTerms';
import type { SearchHit, SearchQuery, SearchResult, SearchResultItem } from './types';

export const DEFAULT_SEARCH_LIMIT = 50;
export const MAX_SEARCH_LIMIT = 200;
const HITS_PER_INTERACTION = 3;
/** Matching messages scanned per interaction asked for; bounds the work for common words. */
const SCAN_PER_RESULT = 10;

interface FilterSql {
  where: string[];
  params: Record<string, string | number>;
}

function filters(q: SearchQuery): FilterSql {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (q.agentId) {
    where.push('EXISTS (SELECT 1 FROM interaction_agents a WHERE a.interaction_key = i.key AND a.agent_id = @agentId)');
    params.agentId = q.agentId;
  }
  if (q.queueId) {
    where.push('i.queue_id = @queueId');
    params.queueId = q.queueId;
  }
  if (q.channel) {
    where.push('i.channel = @channel');
    params.channel = q.channel;
  }
  // Overlap with [from, to]: an interaction that started before `from` but was still going counts.
  if (q.from !== undefined) {
    where.push('max(i.last_seen_at, coalesce(i.ended_at, 0)) >= @from');
    params.from = q.from;
  }
  if (q.to !== undefined) {
    where.push('i.started_at <= @to');
    params.to = q.to;
  }
  if (q.monitoredByMe !== undefined) {
    where.push('i.monitored_by_me = @monitoredByMe');
    params.monitoredByMe = q.monitoredByMe ? 1 : 0;
  }
  return { where, params };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_SEARCH_LIMIT;
  return Math.max(1, Math.min(MAX_SEARCH_LIMIT, Math.floor(limit)));
}

/**
 * Filters narrow interactions; text narrows to interactions with a matching
 * message. Results are newest first. With text, the FTS index is walked from
 * the newest message (FTS rowid = -message id, so that is ascending order,
 * see migration 0001) and stops after a bounded number of matches, so a
 * common word costs about the same as a rare one.
 */
export function searchCache(db: Database, reader: CacheReader, q: SearchQuery): SearchResult {
  const limit = clampLimit(q.limit);
  const { where, params } = filters(q);
  const fts = q.text ? toFtsQuery(q.text) : null;

  if (!fts) {
    const rows = db
      .prepare(
        `SELECT i.id FROM interactions i ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY i.started_at DESC, i.id LIMIT @limit`,
      )
      .all({ ...params, limit: limit + 1 }) as { id: string }[];
    const ids = rows.slice(0, limit).map((r) => r.id);
    return {
      items: reader.summaries(ids).map((summary) => ({ ...summary, hits: [] })),
      terms: [],
      truncated: rows.length > limit,
    };
  }

  const match = matchExpression(db, fts);
  if (match === null) return { items: [], terms: fts.terms, truncated: false };
  const scan = limit * SCAN_PER_RESULT;
  // One FTS row per message, rowid = -(block id * 32 + slot) (see messageBlocks.ts).
  const hitRows = db
    .prepare(
      `SELECT f.rowid AS rowid, i.id AS interactionId
       FROM message_fts f
       JOIN message_blocks b ON b.id = (-f.rowid) / ${FTS_ROWS_PER_BLOCK}
       JOIN interactions i ON i.key = b.interaction_key
       WHERE message_fts MATCH @match ${where.length ? `AND ${where.join(' AND ')}` : ''}
       ORDER BY f.rowid LIMIT @scan`,
    )
    .all({ ...params, match, scan }) as { rowid: number; interactionId: string }[];

  const isHit = wordMatcher(fts);
  const blocks = reader.blockReader();
  const byInteraction = new Map<string, SearchHit[]>();
  let truncated = hitRows.length === scan;
  for (const row of hitRows) {
    let hits = byInteraction.get(row.interactionId);
    if (!hits) {
      if (byInteraction.size === limit) {
        truncated = true;
        break;
      }
      hits = [];
      byInteraction.set(row.interactionId, hits);
    }
    if (hits.length >= HITS_PER_INTERACTION) continue;
    const { blockId, slot } = fromFtsRowId(row.rowid);
    const message = blocks.message(blockId, slot);
    if (!message) continue;
    hits.push({
      messageId: message.messageId,
      at: message.at,
      senderKind: message.senderKind,
      senderName: message.senderName,
      segments: snippetSegments(message.body, isHit),
    });
  }

  const items: SearchResultItem[] = reader
    .summaries([...byInteraction.keys()])
    .map((summary) => ({ ...summary, hits: byInteraction.get(summary.id) ?? [] }));
  return { items, terms: fts.terms, truncated };
}

/**
 * The MATCH expression actually run: the prefix word is replaced by the
 * indexed words it can complete to (see migration 0002). Null when nothing
 * can match.
 */
function matchExpression(db: Database, fts: FtsQuery): string | null {
  if (!fts.lastIsPrefix) return fts.match;
  const exact = fts.terms.slice(0, -1).map((t) => `"${t}"`);
  const completions = expandPrefix(db, fts.terms.at(-1) ?? '');
  if (completions.length === 0) return null;
  // Terms come from our own table of letters/digits only; quoting keeps FTS5 syntax inert anyway.
  const last = `(${completions.map((t) => `"${t.replaceAll('"', '""')}"`).join(' OR ')})`;
  return [...exact, last].join(' AND ');
}
