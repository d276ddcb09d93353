import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AgentView } from '../../../../preload/contract';
import { useStore, type RootState } from '../../store';
import { useAgentsUi } from '../../store/agents';
import { useVoiceUi } from '../../store/voice';
import { coreNow } from '../voice/useSecondTick';
import { interactionSummary } from '../voice/format';
import { agentTable, type AgentTable, type AgentTableChoices, type TableContext } from './agentTable';

type TableUi = AgentTableChoices;

/** What of an agent can move its row under these choices (anything else changing leaves the row list as it is). */
function rowSignature(a: AgentView, ui: TableUi): string {
  const column = ui.sort.column;
  const parts: unknown[] = [a.name, a.extension, a.status];
  if (column === 'timeInState' || ui.filter.minMinutesInState > 0) parts.push(a.statusSince);
  if (column === 'queues' || ui.groupBy === 'queue' || ui.filter.queueId !== 'all') parts.push(a.queueIds.join('\u0000'));
  if (ui.filter.skill !== 'all') parts.push((a.skills ?? []).join('\u0000'));
  if (column === 'monitor') parts.push(a.monitor.allowed);
  if (column === 'current') parts.push(a.monitorInteractionId, a.interactionIds.join('\u0000'));
  return parts.join('\u0001');
}

function anyRowMoved(before: RootState['live']['agents'], after: RootState['live']['agents'], ui: TableUi): boolean {
  for (const id in after) {
    const b = before[id];
    const a = after[id];
    if (b === a) continue;
    if (!b || !a || rowSignature(b, ui) !== rowSignature(a, ui)) return true;
  }
  return false;
}

/** The core's time, ticking once a second only while a filter needs it (time in state); else fixed. */
function useTimeFilterClock(enabled: boolean): number {
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!enabled) return () => undefined;
      const timer = setInterval(listener, 1000);
      return () => clearInterval(timer);
    },
    [enabled],
  );
  const last = useRef(0);
  return useSyncExternalStore(subscribe, () => {
    // A new number only when the tick fired (same value between renders keeps the selector's memo).
    if (!enabled) return 0;
    const now = Math.floor(coreNow() / 1000) * 1000;
    if (now !== last.current) last.current = now;
    return last.current;
  });
}

const queueNamesOf = (queues: RootState['live']['queues']): string =>
  Object.values(queues)
    .map((q) => `${q.id}\u0000${q.name}`)
    .join('\u0001');

interface Memo {
  table: AgentTable;
  order: readonly string[];
  agents: RootState['live']['agents'];
  queues: RootState['live']['queues'];
  /** Queue ids and names: the queues change with every waiting count, the rows only with a name. */
  queueNames: string;
  interactions: RootState['live']['interactions'] | undefined;
  ui: TableUi;
  now: number;
}

/**
 * The rows of the Agents table (filtered, sorted, grouped: agentTable.ts).
 * Recomputed only when something that can move a row changed: at 200 agent
 * changes a second most deltas change a time or an interaction, not the
 * order, and then the same array comes back and the table does not render.
 */
export function useAgentTable(): AgentTable {
  const query = useVoiceUi((s) => s.agentQuery);
  const status = useVoiceUi((s) => s.agentStatus);
  const own = useAgentsUi(useShallow((s) => ({ filter: s.filter, sort: s.sort, groupBy: s.groupBy, collapsed: s.collapsed })));
  const ui = useMemo((): TableUi => ({ ...own, filter: { ...own.filter, query, status } }), [own, query, status]);
  const now = useTimeFilterClock(ui.filter.minMinutesInState > 0);
  const memo = useRef<Memo | undefined>(undefined);
  const select = useCallback(
    (s: RootState): AgentTable => {
      const live = s.live;
      const needsInteractions = ui.sort.column === 'current';
      const interactions = needsInteractions ? live.interactions : undefined;
      const m = memo.current;
      // The queues change with every delta (waiting counts): their names are read again only then, not per store update.
      const queueNames = m && m.queues === live.queues ? m.queueNames : queueNamesOf(live.queues);
      if (m && m.order === live.agentOrder && m.queueNames === queueNames && m.interactions === interactions && m.ui === ui && m.now === now) {
        m.queues = live.queues;
        if (m.agents === live.agents) return m.table;
        if (!anyRowMoved(m.agents, live.agents, ui)) {
          m.agents = live.agents;
          return m.table;
        }
      }
      const ctx: TableContext = {
        agents: live.agents,
        queueName: (q) => live.queues[q]?.name ?? q,
        currentOf: (a) => {
          const ixId = a.monitorInteractionId ?? a.interactionIds[0];
          return interactionSummary(ixId ? live.interactions[ixId] : undefined);
        },
        now: now || coreNow(),
      };
      const table = agentTable(live.agentOrder, ui, ctx);
      memo.current = { table, order: live.agentOrder, agents: live.agents, queues: live.queues, queueNames, interactions, ui, now };
      return table;
    },
    [ui, now],
  );
  return useStore(select);
}
