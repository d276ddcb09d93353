import { agentStatuses, type AgentStatus, type AgentView } from '../../../../preload/contract';
import type { AgentColumn, AgentGrouping, AgentsUiState } from '../../store/agents';
import { fold } from '../../store/voice/selectors';

/**
 * The Agents table as pure functions (issue 12 item 3): filter, sort, group.
 * The input order is the agents by name (live.agentOrder); every step keeps
 * it for ties, so equal keys never swap places between two updates.
 */

/** Every filter of the table: the search and status (voice store) and this view's own (agents store). */
export interface AgentTableFilter {
  /** Name or extension contains this (case- and accent-insensitive). */
  query: string;
  status: AgentStatus | 'all';
  queueId: string | 'all';
  skill: string | 'all';
  /** In their current state for at least this many minutes (0 = any time). */
  minMinutesInState: number;
}

export interface TableContext {
  agents: Readonly<Record<string, AgentView>>;
  /** A queue's name (its id when the platform did not name it). */
  queueName: (queueId: string) => string;
  /** The text of the agent's current interaction (the "Current interaction" column). */
  currentOf: (agent: AgentView) => string;
  /** The core's time now (time in state). */
  now: number;
}

export type AgentTableRow =
  | { kind: 'group'; key: string; label: string; count: number; collapsed: boolean }
  | { kind: 'agent'; key: string; id: string };

/** Agents whose name or extension contains the query and who pass every filter, in input order. */
export function filterAgents(order: readonly string[], filter: AgentTableFilter, ctx: TableContext): readonly string[] {
  const q = fold(filter.query.trim());
  const minMs = Math.max(0, filter.minMinutesInState) * 60_000;
  if (!q && filter.status === 'all' && filter.queueId === 'all' && filter.skill === 'all' && minMs === 0) return order;
  return order.filter((id) => {
    const a = ctx.agents[id];
    if (!a) return false;
    if (filter.status !== 'all' && a.status !== filter.status) return false;
    if (filter.queueId !== 'all' && !a.queueIds.includes(filter.queueId)) return false;
    if (filter.skill !== 'all' && !(a.skills ?? []).includes(filter.skill)) return false;
    if (minMs > 0 && ctx.now - a.statusSince < minMs) return false;
    return !q || fold(a.name).includes(q) || a.extension.includes(q);
  });
}

const statusRank = new Map<string, number>(agentStatuses.map((s, i) => [s, i]));

/** A column's sort key: numbers compare as numbers, text as folded text. */
export function sortKey(column: AgentColumn, a: AgentView, ctx: TableContext): number | string {
  switch (column) {
    case 'name':
      return fold(a.name);
    case 'extension':
      return /^\d+$/.test(a.extension) ? Number(a.extension) : fold(a.extension);
    case 'status':
      return statusRank.get(a.status) ?? agentStatuses.length;
    case 'timeInState':
      // Longer in state = earlier statusSince: independent of the clock, so the order does not churn every second.
      return -a.statusSince;
    case 'queues':
      return fold(a.queueIds.map(ctx.queueName).join(', '));
    case 'current':
      return fold(ctx.currentOf(a));
    case 'monitor':
      return a.monitor.allowed ? 0 : 1;
  }
}

function compareKeys(x: number | string, y: number | string): number {
  if (typeof x === typeof y) return x < y ? -1 : x > y ? 1 : 0;
  // Numbers (numeric extensions) before text.
  return typeof x === 'number' ? -1 : 1;
}

/** Columns with a handful of small integer keys: sorted by buckets in one pass instead of a comparison sort. */
const fewKeys: Partial<Record<AgentColumn, number>> = { status: agentStatuses.length + 1, monitor: 2 };

/** Sorted by a column; ties keep the input order in both directions (a stable sort). */
export function sortAgents(ids: readonly string[], sort: AgentsUiState['sort'], ctx: TableContext): readonly string[] {
  if (sort.column === 'name' && sort.direction === 'asc') return ids;
  const buckets = fewKeys[sort.column];
  // Sorted by status (the column 200 changes a second reorder most) this runs for every delta: O(n), not O(n log n).
  if (buckets !== undefined) return bucketSort(ids, buckets, sort, ctx);
  const sign = sort.direction === 'asc' ? 1 : -1;
  // The input is in name order (the locale's collation): for the name column its position is the key.
  const decorated = ids.map((id, pos) => {
    const a = ctx.agents[id];
    return { id, pos, key: sort.column === 'name' ? pos : a ? sortKey(sort.column, a, ctx) : '' };
  });
  decorated.sort((x, y) => sign * compareKeys(x.key, y.key) || x.pos - y.pos);
  return decorated.map((d) => d.id);
}

/** A stable sort for keys 0..buckets-1 (a missing agent, keyed '' by the comparison sort, goes after every number: last bucket). */
function bucketSort(ids: readonly string[], buckets: number, sort: AgentsUiState['sort'], ctx: TableContext): readonly string[] {
  const byKey: string[][] = Array.from({ length: buckets + 1 }, () => []);
  for (const id of ids) {
    const a = ctx.agents[id];
    const key = a ? sortKey(sort.column, a, ctx) : buckets;
    byKey[typeof key === 'number' && key >= 0 && key < buckets ? key : buckets]!.push(id);
  }
  if (sort.direction === 'desc') byKey.reverse();
  return byKey.flat();
}

export const NO_QUEUE = 'No queue';

/**
 * Rows to show: without grouping, one per agent. Grouped by status (in the
 * statuses' order) or by queue (by queue name; an agent in two queues is in
 * both groups, one in none under "No queue"), each group a header row with its
 * count and, unless collapsed, its agents in the sorted order.
 */
export function groupRows(
  ids: readonly string[],
  groupBy: AgentGrouping,
  collapsed: Readonly<Record<string, true>>,
  ctx: TableContext,
): AgentTableRow[] {
  if (groupBy === 'none') return ids.map((id) => ({ kind: 'agent', key: id, id }));
  const groups = new Map<string, { label: string; ids: string[] }>();
  const add = (key: string, label: string, id: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { label, ids: [] }));
    g.ids.push(id);
  };
  for (const id of ids) {
    const a = ctx.agents[id];
    if (!a) continue;
    if (groupBy === 'status') add(`status:${a.status}`, a.status, id);
    else if (a.queueIds.length === 0) add('queue:', NO_QUEUE, id);
    else for (const q of new Set(a.queueIds)) add(`queue:${q}`, ctx.queueName(q), id);
  }
  const keys = [...groups.keys()];
  if (groupBy === 'status') keys.sort((x, y) => (statusRank.get(x.slice(7)) ?? 99) - (statusRank.get(y.slice(7)) ?? 99));
  else keys.sort((x, y) => (x === 'queue:' ? 1 : y === 'queue:' ? -1 : compareKeys(fold(groups.get(x)?.label ?? ''), fold(groups.get(y)?.label ?? ''))));
  const rows: AgentTableRow[] = [];
  for (const key of keys) {
    const g = groups.get(key);
    if (!g) continue;
    const isCollapsed = collapsed[key] === true;
    rows.push({ kind: 'group', key, label: g.label, count: g.ids.length, collapsed: isCollapsed });
    if (!isCollapsed) for (const id of g.ids) rows.push({ kind: 'agent', key: groupBy === 'queue' ? `${key}/${id}` : id, id });
  }
  return rows;
}

export interface AgentTable {
  rows: AgentTableRow[];
  /** Agents that passed the filter (each once, even when in two queue groups). */
  shown: number;
}

/** The whole table: filter, then sort, then group. */
export interface AgentTableChoices {
  filter: AgentTableFilter;
  sort: AgentsUiState['sort'];
  groupBy: AgentGrouping;
  collapsed: Readonly<Record<string, true>>;
}

export function agentTable(order: readonly string[], ui: AgentTableChoices, ctx: TableContext): AgentTable {
  const ids = filterAgents(order, ui.filter, ctx);
  return { rows: groupRows(sortAgents(ids, ui.sort, ctx), ui.groupBy, ui.collapsed, ctx), shown: ids.length };
}

/** Skills the agents have, for the skill filter (sorted, each once). */
export function skillsOf(agents: Iterable<AgentView>): string[] {
  const all = new Set<string>();
  for (const a of agents) for (const s of a.skills ?? []) all.add(s);
  return [...all].sort((x, y) => x.localeCompare(y));
}
