import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentStatuses, type AgentStatus, type AgentView } from '../../../preload/contract';
import { agentColumns, type AgentColumn } from '../../../renderer/src/store/agents/initialState';
import { agentTable, filterAgents, groupRows, sortAgents, sortKey, type AgentTableFilter, type TableContext } from '../../../renderer/src/views/agents/agentTable';

const NOW = 1_800_000_000_000;
const min = (n: number) => n * 60_000;
const anyFilter: AgentTableFilter = { query: '', status: 'all', queueId: 'all', skill: 'all', minMinutesInState: 0 };

function agent(id: string, name: string, extra: Partial<AgentView> = {}): AgentView {
  return {
    id,
    name,
    status: 'On Queue',
    statusSince: NOW - min(1),
    queueIds: ['sales'],
    extension: '2001',
    interactionIds: [],
    monitor: { allowed: true },
    ...extra,
  };
}

function ctxOf(list: AgentView[]): TableContext {
  return {
    agents: Object.fromEntries(list.map((a) => [a.id, a])),
    queueName: (q) => ({ sales: 'Sales', billing: 'Billing', tech: 'Tech support' })[q] ?? q,
    currentOf: (a) => (a.interactionIds.length ? `Call (${a.interactionIds[0]})` : '—'),
    now: NOW,
  };
}

const team = [
  agent('a1', 'Alex Kim', { status: 'Busy', statusSince: NOW - min(20), extension: '2003', skills: ['English', 'Spanish'] }),
  agent('a2', 'Chloé Dubois', { status: 'Away', statusSince: NOW - min(3), extension: '2010', queueIds: ['billing'] }),
  agent('a3', 'Maria González', { status: 'On Queue', statusSince: NOW - min(40), extension: '2002', queueIds: ['sales', 'billing'] }),
  agent('a4', 'Zoe Young', { status: 'Available', statusSince: NOW - min(7), extension: '2001', queueIds: [], skills: ['Billing'] }),
];
const order = team.map((a) => a.id);
const ctx = ctxOf(team);

describe('Agents table: filter', () => {
  it('search matches a name (accents and case folded) or an extension', () => {
    expect(filterAgents(order, { ...anyFilter, query: 'gonza' }, ctx)).toEqual(['a3']);
    expect(filterAgents(order, { ...anyFilter, query: '2010' }, ctx)).toEqual(['a2']);
    expect(filterAgents(order, anyFilter, ctx)).toBe(order);
  });

  it('by status, queue, skill and time in state, all together', () => {
    expect(filterAgents(order, { ...anyFilter, queueId: 'billing' }, ctx)).toEqual(['a2', 'a3']);
    expect(filterAgents(order, { ...anyFilter, skill: 'Spanish' }, ctx)).toEqual(['a1']);
    expect(filterAgents(order, { ...anyFilter, minMinutesInState: 15 }, ctx)).toEqual(['a1', 'a3']);
    expect(filterAgents(order, { ...anyFilter, minMinutesInState: 15, queueId: 'billing', status: 'On Queue' }, ctx)).toEqual(['a3']);
  });
});

describe('Agents table: sort', () => {
  it('by status in the statuses’ order, by time in state longest first when descending, by extension as numbers', () => {
    expect(sortAgents(order, { column: 'status', direction: 'asc' }, ctx)).toEqual(['a4', 'a3', 'a1', 'a2']);
    expect(sortAgents(order, { column: 'timeInState', direction: 'desc' }, ctx)).toEqual(['a3', 'a1', 'a4', 'a2']);
    expect(sortAgents(order, { column: 'extension', direction: 'asc' }, ctx)).toEqual(['a4', 'a3', 'a1', 'a2']);
    expect(sortAgents(order, { column: 'name', direction: 'desc' }, ctx)).toEqual(['a4', 'a3', 'a2', 'a1']);
    expect(sortAgents(order, { column: 'queues', direction: 'asc' }, ctx)).toEqual(['a4', 'a2', 'a1', 'a3']);
  });
});

describe('Agents table: group', () => {
  it('by status: a header per status in the statuses’ order with its count; a collapsed group hides its rows', () => {
    const rows = groupRows(order, 'status', { 'status:Busy': true }, ctx);
    expect(rows.map((r) => (r.kind === 'group' ? `[${r.label} ${r.count}${r.collapsed ? ' closed' : ''}]` : r.id))).toEqual([
      '[Available 1]',
      'a4',
      '[On Queue 1]',
      'a3',
      '[Busy 1 closed]',
      '[Away 1]',
      'a2',
    ]);
  });

  it('by queue: by queue name, an agent in two queues in both, none under “No queue” last; row keys unique', () => {
    const rows = groupRows(order, 'queue', {}, ctx);
    expect(rows.map((r) => (r.kind === 'group' ? `[${r.label} ${r.count}]` : r.id))).toEqual(['[Billing 2]', 'a2', 'a3', '[Sales 2]', 'a1', 'a3', '[No queue 1]', 'a4']);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});

const statusArb = fc.constantFrom<AgentStatus>(...agentStatuses);
const teamArb = fc
  .array(
    fc.record({
      name: fc.constantFrom('Ana', 'Ben', 'Chloé', 'Dan', 'ana', 'Émile', 'Zoe'),
      status: statusArb,
      sinceMin: fc.integer({ min: 0, max: 90 }),
      queues: fc.subarray(['sales', 'billing', 'tech']),
      ext: fc.constantFrom('2001', '2002', '10', 'x9', '2001'),
      skills: fc.subarray(['English', 'Spanish', 'Billing']),
      busy: fc.boolean(),
      allowed: fc.boolean(),
    }),
    { maxLength: 40 },
  )
  .map((list) =>
    list.map((r, i) =>
      agent(`a${i}`, r.name, {
        status: r.status,
        statusSince: NOW - min(r.sinceMin),
        queueIds: r.queues,
        extension: r.ext,
        skills: r.skills,
        interactionIds: r.busy ? [`c${i % 3}`] : [],
        monitor: r.allowed ? { allowed: true } : { allowed: false, reason: 'no' },
      }),
    ),
  );
const filterArb = fc.record({
  query: fc.constantFrom('', 'a', 'É', '200', 'zz'),
  status: fc.constantFrom<AgentStatus | 'all'>('all', ...agentStatuses),
  queueId: fc.constantFrom('all', 'sales', 'billing', 'tech'),
  skill: fc.constantFrom('all', 'English', 'Spanish', 'Billing'),
  minMinutesInState: fc.constantFrom(0, 1, 5, 30),
});
const sortArb = fc.record({ column: fc.constantFrom<AgentColumn>(...agentColumns), direction: fc.constantFrom<'asc' | 'desc'>('asc', 'desc') });

describe('Agents table properties (any team, any choices)', () => {
  it('filter: an ordered subset, exactly the agents that pass', () => {
    fc.assert(
      fc.property(teamArb, filterArb, (list, filter) => {
        const c = ctxOf(list);
        const ids = list.map((a) => a.id);
        const out = filterAgents(ids, filter, c);
        // Same relative order as the input, each once.
        expect(out).toEqual(ids.filter((id) => out.includes(id)));
        for (const a of list) {
          const passes =
            (filter.status === 'all' || a.status === filter.status) &&
            (filter.queueId === 'all' || a.queueIds.includes(filter.queueId)) &&
            (filter.skill === 'all' || (a.skills ?? []).includes(filter.skill)) &&
            NOW - a.statusSince >= filter.minMinutesInState * 60_000 &&
            (filter.query === '' || a.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().includes(filter.query.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()) || a.extension.includes(filter.query));
          expect(out.includes(a.id), `${a.name} ${a.status}`).toBe(passes);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('sort: a permutation, ordered by the column, ties in input order (stable) both ways', () => {
    fc.assert(
      fc.property(teamArb, sortArb, (list, sort) => {
        const c = ctxOf(list);
        const ids = list.map((a) => a.id);
        const out = sortAgents(ids, sort, c);
        expect([...out].sort()).toEqual([...ids].sort());
        const pos = new Map(ids.map((id, i) => [id, i]));
        const key = (id: string) => (sort.column === 'name' ? (pos.get(id) ?? 0) : sortKey(sort.column, c.agents[id] as AgentView, c));
        for (let i = 1; i < out.length; i++) {
          const [x, y] = [out[i - 1] as string, out[i] as string];
          const [kx, ky] = [key(x), key(y)];
          if (kx === ky) expect(pos.get(x)).toBeLessThan(pos.get(y) ?? 0);
          else if (typeof kx === typeof ky) expect(sort.direction === 'asc' ? kx < ky : kx > ky, `${String(kx)} then ${String(ky)}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('whole table: every filtered agent is in the rows (in each of its queues when grouped by queue), group counts add up, collapsed groups show no rows', () => {
    fc.assert(
      fc.property(teamArb, filterArb, sortArb, fc.constantFrom('none', 'queue', 'status') as fc.Arbitrary<'none' | 'queue' | 'status'>, fc.boolean(), (list, filter, sort, groupBy, collapseFirst) => {
        const c = ctxOf(list);
        const ids = list.map((a) => a.id);
        const open = agentTable(ids, { filter, sort, groupBy, collapsed: {} }, c);
        const passed = filterAgents(ids, filter, c);
        expect(open.shown).toBe(passed.length);
        const agentRows = open.rows.filter((r) => r.kind === 'agent');
        if (groupBy === 'none') expect(agentRows.map((r) => r.id)).toEqual(sortAgents(passed, sort, c));
        if (groupBy === 'status') expect([...agentRows.map((r) => r.id)].sort()).toEqual([...passed].sort());
        if (groupBy === 'queue') expect(agentRows.length).toBe(passed.reduce((n, id) => n + Math.max(1, new Set(c.agents[id]?.queueIds).size), 0));
        const groups = open.rows.filter((r) => r.kind === 'group');
        if (groupBy !== 'none') expect(groups.reduce((n, g) => n + g.count, 0)).toBe(agentRows.length);
        expect(new Set(open.rows.map((r) => r.key)).size).toBe(open.rows.length);
        const first = groups[0];
        if (collapseFirst && first) {
          const closed = agentTable(ids, { filter, sort, groupBy, collapsed: { [first.key]: true } }, c);
          expect(closed.rows.length).toBe(open.rows.length - first.count);
        }
      }),
      { numRuns: 300 },
    );
  });
});
