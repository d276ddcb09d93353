import { memo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Availability, InteractionView } from '../../../../preload/contract';
import { useStore } from '../../store';
import { dispatchVoice, useVoiceUi } from '../../store/voice';
import { participantOfAgent } from '../../store/voice/selectors';
import { ActionButton } from './ActionButton';
import { binocularFor, liveSessionInteractionId } from './binocular';
import { openDetails } from './commands';
import { agentNames, channelLabel, customerName, formatElapsed, interactionStateLabel, interactionSummary } from './format';
import { BinocularsIcon, CollapseIcon, ExpandIcon } from '../../components/icons';
import { useSecondTick } from './useSecondTick';
import { QueueMetricsTable } from '../metrics/QueueMetricsTable';
import './voice.css';

const PAGE = 50;

/** Queue activity (issues 4, 12): per-queue metrics from main, the Interacting section, and the On Queue agents. */
export function QueueActivityView() {
  return (
    <section aria-labelledby="queues-title" className="view voice-view queue-activity">
      <h1 id="queues-title">Queue activity</h1>
      <QueueMetricsTable />
      <PlatformCounters />
      <Interacting />
      <OnQueueAgents />
    </section>
  );
}

/** Counters the platform itself keeps (Asterisk: since its queue statistics were last reset); shown only when reported. */
function PlatformCounters() {
  const queues = useStore(useShallow((s) => Object.values(s.live.queues).filter((q) => q.completed !== undefined || q.serviceLevelPercent !== undefined)));
  if (queues.length === 0) return null;
  return (
    <section aria-labelledby="platform-counters-title" className="panel">
      <h2 id="platform-counters-title">As the contact center counts them</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col">Completed</th>
            <th scope="col">Abandoned</th>
            <th scope="col">Service level</th>
          </tr>
        </thead>
        <tbody>
          {queues.map((q) => (
            <tr key={q.id}>
              <th scope="row">{q.name}</th>
              <td className="tabular">{q.completed ?? '—'}</td>
              <td className="tabular">{q.abandoned ?? '—'}</td>
              <td className="tabular">{q.serviceLevelPercent !== undefined ? `${q.serviceLevelPercent}%` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The agent participant a binocular acts on, and whether main allows monitoring it. */
function monitorTargetOf(ix: InteractionView): { participantId: string | undefined; monitor: Availability } {
  if (ix.channel !== 'voice') {
    return { participantId: undefined, monitor: ix.digitalActions?.monitor ?? { allowed: false, reason: 'Not monitorable' } };
  }
  const agent = ix.participants.find((p) => p.kind === 'internal' && p.role !== 'supervisor' && p.state !== 'disconnected');
  const target = agent ?? ix.participants.find((p) => p.role !== 'supervisor' && p.state !== 'disconnected');
  const monitor = target ? ix.participantActions[target.id]?.monitor : undefined;
  return { participantId: target?.id, monitor: monitor ?? { allowed: false, reason: 'Nobody on this call can be monitored' } };
}

function Interacting() {
  const [showAll, setShowAll] = useState(false);
  const ids = useStore(
    useShallow((s) =>
      Object.values(s.live.interactions)
        .filter((i) => i.state !== 'ended' && i.state !== 'pending' && i.participants.some((p) => p.kind === 'internal' && p.role !== 'supervisor'))
        .sort((a, b) => a.startedAt - b.startedAt)
        .map((i) => i.id),
    ),
  );
  const shown = showAll ? ids : ids.slice(0, PAGE);
  return (
    <section aria-labelledby="interacting-title" className="panel">
      <h2 id="interacting-title">Interacting ({ids.length})</h2>
      <table className="data" aria-label="In-progress interactions">
        <thead>
          <tr>
            <th scope="col">Interaction</th>
            <th scope="col">Agents</th>
            <th scope="col">Queue</th>
            <th scope="col">State</th>
            <th scope="col">Duration</th>
            <th scope="col">Monitor</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((id) => (
            <InteractingRow key={id} id={id} />
          ))}
        </tbody>
      </table>
      {ids.length > PAGE ? (
        <button type="button" title={showAll ? 'Show only the first 50' : 'Show every in-progress interaction'} onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${ids.length}`}
        </button>
      ) : null}
    </section>
  );
}

const InteractingRow = memo(function InteractingRow({ id }: { id: string }) {
  const ix = useStore((s) => s.live.interactions[id]);
  const queue = useStore((s) => (ix?.queueId ? (s.live.queues[ix.queueId]?.name ?? ix.queueId) : '—'));
  const mySessionOn = useStore((s) => liveSessionInteractionId(s.live.voiceSession));
  const now = useSecondTick();
  if (!ix) return null;
  const { participantId, monitor } = monitorTargetOf(ix);
  const who = `${channelLabel[ix.channel]} with ${customerName(ix)}`;
  const binocular = binocularFor(monitor, id, mySessionOn, `Monitor ${who}: open its details`);
  const agents = agentNames(ix);
  return (
    <tr data-interaction-id={id}>
      <th scope="row">{who}</th>
      <td>{agents || '—'}</td>
      <td>{queue}</td>
      <td>{interactionStateLabel(ix.state)}</td>
      <td className="tabular">{formatElapsed(now - ix.startedAt)}</td>
      <td>
        <ActionButton
          availability={binocular.availability}
          className="icon-button binocular"
          label={`Monitor ${who}${agents ? ` (${agents})` : ''}`}
          title={binocular.title}
          onClick={() => openDetails(id, participantId)}
        >
          <BinocularsIcon />
        </ActionButton>
      </td>
    </tr>
  );
});

function OnQueueAgents() {
  const [showAll, setShowAll] = useState(false);
  const ids = useStore(useShallow((s) => s.live.agentOrder.filter((id) => s.live.agents[id]?.status === 'On Queue')));
  const shown = showAll ? ids : ids.slice(0, PAGE);
  return (
    <section aria-labelledby="onqueue-title" className="panel">
      <h2 id="onqueue-title">On Queue agents ({ids.length})</h2>
      <ul className="onqueue-list">
        {shown.map((id) => (
          <OnQueueAgent key={id} id={id} />
        ))}
      </ul>
      {ids.length > PAGE ? (
        <button type="button" title={showAll ? 'Show only the first 50' : 'Show every On Queue agent'} onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${ids.length}`}
        </button>
      ) : null}
    </section>
  );
}

const OnQueueAgent = memo(function OnQueueAgent({ id }: { id: string }) {
  const agent = useStore((s) => s.live.agents[id]);
  const expanded = useVoiceUi((s) => s.expanded[id] === true);
  const ixId = agent?.monitorInteractionId ?? agent?.interactionIds[0];
  const ix = useStore((s) => (ixId ? s.live.interactions[ixId] : undefined));
  if (!agent) return null;
  const panelId = `onqueue-${id}`;
  return (
    <li className="onqueue-item">
      <button
        type="button"
        className="icon-button expander"
        aria-expanded={expanded}
        aria-controls={panelId}
        aria-label={`${expanded ? 'Collapse' : 'Expand'} ${agent.name}`}
        title={expanded ? `Hide ${agent.name}'s interaction` : `Show ${agent.name}'s current interaction`}
        onClick={() => dispatchVoice({ type: 'voice/toggleExpanded', agentId: id })}
      >
        {expanded ? <CollapseIcon /> : <ExpandIcon />}
      </button>
      <span className="agent-name">{agent.name}</span>
      {expanded ? (
        <div id={panelId} className="onqueue-detail">
          <span>{interactionSummary(ix)}</span>
          <ActionButton
            availability={ix ? { allowed: true } : { allowed: false, reason: 'Not on an interaction' }}
            label={`View details of ${agent.name}'s interaction`}
            title={`View the details of ${agent.name}'s current interaction`}
            onClick={() => ixId && openDetails(ixId, participantOfAgent(ix, id))}
          >
            View details
          </ActionButton>
        </div>
      ) : null}
    </li>
  );
});
