import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import { dispatchAgents, useAgentsUi, type AgentColumn } from '../../store/agents';
import { selectAriaSort } from '../../store/agents/selectors';
import { SortAscendingIcon, SortDescendingIcon } from '../../components/icons';
import type { AgentTableRow } from './agentTable';
import { AgentRow, GroupRow } from './AgentRow';
import { requestRowFocus } from './rowFocus';

const ROW_HEIGHT = 40;
const PAGE = 10;

const columns: ReadonlyArray<readonly [AgentColumn, string]> = [
  ['name', 'Agent'],
  ['status', 'Status'],
  ['timeInState', 'Time in state'],
  ['extension', 'Extension'],
  ['queues', 'Queues'],
  ['current', 'Current interaction'],
  ['monitor', 'Monitor'],
];

/**
 * The agents as a grid: sortable headers (buttons, aria-sort), then the rows,
 * virtualized. One row at a time is in the Tab order; the arrows, Page Up/Down,
 * Home and End move it, Enter opens the agent (or a group), Escape closes.
 */
export function AgentsGrid({ rows }: { rows: readonly AgentTableRow[] }) {
  const grouped = rows[0]?.kind === 'group';
  const activeRow = useAgentsUi((s) => s.activeRow);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const activeIndex = activeRow === undefined ? -1 : rows.findIndex((r) => r.key === activeRow);
  const items = virtualizer.getVirtualItems();
  const activeShown = activeIndex >= 0 && items.some((i) => i.index === activeIndex);

  const moveTo = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    requestRowFocus(row.key);
    dispatchAgents({ type: 'agents/activeRow', key: row.key });
    virtualizer.scrollToIndex(rows.indexOf(row), { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys on the binocular inside a row are the button's own.
    if (!(e.target instanceof HTMLElement) || e.target.getAttribute('role') !== 'row') return;
    const at = activeIndex >= 0 ? activeIndex : 0;
    const row = rows[at];
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(at + 1),
      ArrowUp: () => moveTo(at - 1),
      PageDown: () => moveTo(at + PAGE),
      PageUp: () => moveTo(at - PAGE),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      Enter: () => {
        if (row?.kind === 'agent') dispatchAgents({ type: 'agents/open', agentId: row.id });
        else if (row) toggle(row.key);
      },
      ' ': () => {
        if (row?.kind === 'group') toggle(row.key);
      },
      ArrowLeft: () => {
        if (row?.kind === 'group' && !row.collapsed) toggle(row.key);
      },
      ArrowRight: () => {
        if (row?.kind === 'group' && row.collapsed) toggle(row.key);
      },
    };
    const run = keys[e.key];
    if (!run || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    run();
  };
  // A row focused by Tab or a click becomes the active one.
  const onFocus = (e: { target: EventTarget }) => {
    const key = e.target instanceof HTMLElement && e.target.getAttribute('role') === 'row' ? e.target.dataset.rowKey : undefined;
    if (key !== undefined && key !== activeRow) dispatchAgents({ type: 'agents/activeRow', key });
  };
  const toggle = (key: string) => {
    requestRowFocus(key);
    dispatchAgents({ type: 'agents/toggleGroup', key });
  };

  return (
    // Grouped, the rows form a tree (group headers expand), so it is a treegrid; otherwise a grid.
    <div role={grouped ? 'treegrid' : 'grid'} aria-label="Agents" aria-readonly="true" aria-rowcount={rows.length + 1} className="agents-table">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="agents-row agents-head">
          {columns.map(([column, label]) => (
            <SortHeader key={column} column={column} label={label} />
          ))}
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className="agents-scroll" onKeyDown={onKeyDown} onFocus={onFocus}>
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            // Tab reaches the grid on the active row, or on the first one shown when that one is scrolled away.
            const tabStop = !activeShown && item === items[0];
            return row.kind === 'agent' ? (
              <AgentRow key={row.key} rowKey={row.key} id={row.id} index={item.index} top={item.start} tabStop={tabStop} level={grouped ? 2 : undefined} />
            ) : (
              <GroupRow key={row.key} rowKey={row.key} label={row.label} count={row.count} collapsed={row.collapsed} index={item.index} top={item.start} tabStop={tabStop} />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** A column header: a button that sorts by it (again: the other way); aria-sort says how the rows are sorted. */
function SortHeader({ column, label }: { column: AgentColumn; label: string }) {
  const ariaSort = useAgentsUi(selectAriaSort(column));
  const arrow = ariaSort === 'ascending' ? <SortAscendingIcon /> : ariaSort === 'descending' ? <SortDescendingIcon /> : null;
  const next = ariaSort === 'ascending' ? 'descending' : 'ascending';
  return (
    <span role="columnheader" aria-sort={ariaSort}>
      <button type="button" className="sort-button" title={`Sort by ${label.toLowerCase()}, ${next}`} onClick={() => dispatchAgents({ type: 'agents/sort', column })}>
        {label}
        <span className="sort-arrow">{arrow}</span>
      </button>
    </span>
  );
}
