import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type {
  Availability,
  InteractionDetails,
  InteractionView,
  Participant,
  SupervisionMode,
  VoiceParticipantActions,
  VoiceSession,
} from '../../../../preload/contract';
import { invoke } from '../../services/api';
import { dispatch, useStore } from '../../store';
import { dispatchVoice, useVoiceUi, type DetailsTab } from '../../store/voice';
import { agentParticipants, pickableParticipants, pickedParticipantId } from '../../store/voice/selectors';
import { ActionButton } from './ActionButton';
import { endMyLeg, supervise } from './commands';
import {
  channelLabel,
  customerName,
  formatClock,
  formatElapsed,
  interactionStateLabel,
  modeDoing,
  modeUnknownHint,
  supervisingLabel,
  modeLabel,
} from './format';
import { BackIcon, BinocularsIcon } from '../../components/icons';
import { useSecondTick } from './useSecondTick';
import './voice.css';

/** Interaction details for a voice call (seed 001): participants, actions, who is monitoring, preview, timeline. */
export function VoiceDetails({ interactionId }: { interactionId: string }) {
  const ix = useStore((s) => s.live.interactions[interactionId]);
  const session = useStore((s) => s.live.voiceSession);
  const picked = useVoiceUi((s) => s.picked[interactionId]);
  const tab = useVoiceUi((s) => s.detailsTab);
  const details = useDetails(interactionId, ix, session);
  const now = useSecondTick();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [interactionId]);
  if (!ix) return null;

  const mine = session && session.interactionId === ix.id && session.state !== 'ended' && session.state !== 'failed' ? session : undefined;
  const pickedId = pickedParticipantId(ix, picked, mine);
  const title = `${channelLabel[ix.channel]} with ${customerName(ix)}`;
  const close = () => dispatch({ type: 'ui/openDetails', interactionId: undefined });

  return (
    <section aria-labelledby="details-title" className="view voice-view voice-details">
      <div className="details-head">
        <button type="button" title="Back to the list (closes the details)" onClick={close}>
          <BackIcon /> Back
        </button>
        <h1 id="details-title" ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        <span className="details-meta">
          <span className={`call-state state-${ix.state}`}>{interactionStateLabel(ix.state)}</span>
          <span className="tabular" title="Time since the call started">
            {formatElapsed(now - ix.startedAt)}
          </span>
          {!ix.monitorable ? <span className="warn-text">Monitoring is not allowed on this call's flow</span> : null}
        </span>
      </div>
      <Tabs tab={tab} />
      {tab === 'participants' ? (
        <div role="tabpanel" id="details-panel-participants" aria-labelledby="details-tab-participants" className="details-panel">
          <Participants ix={ix} pickedId={pickedId} mine={mine} />
          <div className="details-side">
            <Preview details={details} ix={ix} pickedId={pickedId} />
            <WhoIsMonitoring ix={ix} mine={mine} details={details} />
          </div>
        </div>
      ) : (
        <div role="tabpanel" id="details-panel-timeline" aria-labelledby="details-tab-timeline" className="details-panel single">
          <Timeline ix={ix} details={details} />
        </div>
      )}
    </section>
  );
}

/** interaction:details (timeline, periods, preview), refreshed when the call or my session changes. */
function useDetails(interactionId: string, ix: InteractionView | undefined, session: VoiceSession | undefined): InteractionDetails | undefined {
  const [details, setDetails] = useState<InteractionDetails | undefined>(undefined);
  const sessionKey = session ? `${session.interactionId}:${session.mode}:${session.state}` : 'none';
  const ixKey = ix ? `${ix.state}:${ix.participants.map((p) => `${p.id}/${p.state}/${p.supervising?.mode ?? ''}`).join(',')}:${ix.monitorLock?.supervisorId ?? ''}` : 'gone';
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void invoke('interaction:details', { interactionId }).then((r) => {
        if (!cancelled && r.ok) setDetails(r.value);
      });
    }, 30);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [interactionId, ixKey, sessionKey]);
  return details?.interaction.id === interactionId ? details : undefined;
}

const tabs: Array<{ id: DetailsTab; label: string }> = [
  { id: 'participants', label: 'Participants' },
  { id: 'timeline', label: 'Timeline' },
];

function Tabs({ tab }: { tab: DetailsTab }) {
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = tabs.findIndex((t) => t.id === tab);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (!next) return;
    dispatchVoice({ type: 'voice/detailsTab', tab: next.id });
    document.getElementById(`details-tab-${next.id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Call details" className="tabs">
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`details-tab-${t.id}`}
          aria-selected={tab === t.id}
          aria-controls={`details-panel-${t.id}`}
          tabIndex={tab === t.id ? 0 : -1}
          title={t.id === 'timeline' ? 'Monitor, coach and barge periods and call events' : 'Participants and actions'}
          className={`tab${tab === t.id ? ' current' : ''}`}
          onClick={() => dispatchVoice({ type: 'voice/detailsTab', tab: t.id })}
          onKeyDown={onKey}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

function Participants({ ix, pickedId, mine }: { ix: InteractionView; pickedId: string | undefined; mine: VoiceSession | undefined }) {
  const internal = ix.participants.filter((p) => p.kind === 'internal' && p.state !== 'disconnected');
  const external = ix.participants.filter((p) => p.kind === 'external' && p.state !== 'disconnected');
  const agents = agentParticipants(ix);
  const pickable = pickableParticipants(ix);
  const radioName = useId();
  const pick = (participantId: string) => dispatchVoice({ type: 'voice/pick', interactionId: ix.id, participantId });
  return (
    <div className="participants">
      {agents.length > 1 ? (
        <label className="filter-field multiple" title="Several agents are on this call: pick the agent to act on">
          <span>Multiple</span>
          <select value={agents.some((a) => a.id === pickedId) ? pickedId : ''} onChange={(e) => pick(e.target.value)}>
            {agents.some((a) => a.id === pickedId) ? null : <option value="">Choose an agent…</option>}
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.role})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <fieldset className="pick-group">
        <legend>Participant to monitor</legend>
        <ParticipantGroup
          title="Internal"
          list={internal}
          ix={ix}
          pickedId={pickedId}
          mine={mine}
          radioName={radioName}
          pickable={pickable}
          onPick={pick}
        />
        <ParticipantGroup
          title="External"
          list={external}
          ix={ix}
          pickedId={pickedId}
          mine={mine}
          radioName={radioName}
          pickable={pickable}
          onPick={pick}
        />
      </fieldset>
    </div>
  );
}

interface GroupProps {
  title: string;
  list: Participant[];
  ix: InteractionView;
  pickedId: string | undefined;
  mine: VoiceSession | undefined;
  radioName: string;
  pickable: Participant[];
  onPick: (id: string) => void;
}

function ParticipantGroup({ title, list, ix, pickedId, mine, radioName, pickable, onPick }: GroupProps) {
  const bargeActive = mine?.mode === 'barge' && list.some((p) => p.id === mine.participantId);
  return (
    <section className={`participant-group${bargeActive ? ' barging' : ''}`} aria-label={title}>
      <h2>
        {title}
        {bargeActive ? <span className="barge-note"> — you are barged in</span> : null}
      </h2>
      {list.length === 0 ? <p className="muted">Nobody</p> : null}
      <ul className="participant-list">
        {list.map((p) => (
          <ParticipantRow
            key={p.id}
            p={p}
            ix={ix}
            picked={p.id === pickedId}
            mine={mine}
            radioName={radioName}
            canPick={pickable.includes(p)}
            onPick={onPick}
          />
        ))}
      </ul>
    </section>
  );
}

const roleLabel: Record<Participant['role'], string> = {
  agent: 'agent',
  customer: 'customer',
  specialist: 'specialist',
  supervisor: 'supervisor',
  external: 'external',
};

function ParticipantRow({
  p,
  ix,
  picked,
  mine,
  radioName,
  canPick,
  onPick,
}: {
  p: Participant;
  ix: InteractionView;
  picked: boolean;
  mine: VoiceSession | undefined;
  radioName: string;
  canPick: boolean;
  onPick: (id: string) => void;
}) {
  const actions = ix.participantActions[p.id];
  const onMe = mine?.participantId === p.id ? mine : undefined;
  const flags = [p.state === 'held' ? 'on hold' : undefined, p.inConsult ? 'in consult' : undefined, p.inConference ? 'in conference' : undefined].filter(Boolean);
  return (
    <li className={`participant${picked ? ' picked' : ''}`} data-participant-id={p.id}>
      <div className="participant-line">
        {canPick ? (
          <input
            type="radio"
            name={radioName}
            id={`pick-${p.id}`}
            checked={picked}
            onChange={() => onPick(p.id)}
            title={`Monitor ${p.name} (the participant you hear on hold and transfer)`}
          />
        ) : null}
        <label htmlFor={canPick ? `pick-${p.id}` : undefined} className="participant-name">
          {p.supervising ? <BinocularsIcon /> : null}
          {p.name}
        </label>
        <span className={`role-badge role-${p.role}`}>{roleLabel[p.role]}</span>
        {p.supervising ? (
          <span className="supervising-badge" title={p.supervising.modeUnknown ? modeUnknownHint : undefined}>
            {p.supervising.modeUnknown ? 'listening in' : modeDoing[p.supervising.mode]}
          </span>
        ) : null}
        {flags.length ? <span className="muted">({flags.join(', ')})</span> : null}
        {onMe ? <span className="you-badge">You are {modeDoing[onMe.mode]} {p.name}</span> : null}
      </div>
      {actions && p.role !== 'supervisor' ? <ParticipantActions p={p} ix={ix} actions={actions} onMe={onMe} /> : null}
    </li>
  );
}

function ParticipantActions({
  p,
  ix,
  actions,
  onMe,
}: {
  p: Participant;
  ix: InteractionView;
  actions: VoiceParticipantActions;
  onMe: VoiceSession | undefined;
}) {
  const act = (mode: SupervisionMode) => void supervise(ix.id, p.id, mode);
  const barging = onMe?.mode === 'barge';
  const buttons: Array<{ key: string; label: string; availability: Availability; title: string; run: () => void; pressed?: boolean }> = [
    {
      key: 'monitor',
      label: 'Monitor',
      availability: actions.monitor,
      title: `Listen to ${p.name} without being heard`,
      run: () => act('monitor'),
      pressed: onMe?.mode === 'monitor',
    },
    {
      key: 'coach',
      label: 'Coach',
      availability: actions.coach,
      title: `Coach ${p.name}: only the agent hears you`,
      run: () => act('coach'),
      pressed: onMe?.mode === 'coach',
    },
    {
      key: 'barge',
      label: barging ? 'Stop barging' : 'Barge-in',
      availability: actions.barge,
      title: barging ? 'Stop barging: back to silent monitoring' : `Barge in on ${p.name}: the agent and the customer hear you`,
      run: () => act('barge'),
      pressed: barging,
    },
    {
      key: 'stop',
      label: 'Stop',
      availability: actions.stop,
      title: `Stop ${onMe ? modeDoing[onMe.mode] : 'monitoring'} ${p.name}: ends only your leg, the call goes on`,
      run: () => void endMyLeg(),
    },
  ];
  // The visible reasons, one line per distinct reason (the "not monitoring" of Stop is obvious and left out).
  const visible = new Map<string, string[]>();
  for (const b of buttons) {
    if (b.availability.allowed || (b.key === 'stop' && !onMe)) continue;
    visible.set(b.availability.reason, [...(visible.get(b.availability.reason) ?? []), b.label]);
  }
  return (
    <div className="participant-actions">
      <div className="action-row" role="group" aria-label={`Actions for ${p.name}`}>
        {buttons.map((b) => (
          <ActionButton
            key={b.key}
            availability={b.availability}
            label={`${b.label} ${p.name}`}
            title={b.title}
            onClick={b.run}
            pressed={b.key === 'stop' ? undefined : b.pressed}
            className={b.key === 'stop' ? 'danger-outline' : b.key === 'barge' && barging ? 'barge-on' : ''}
          >
            {b.label}
          </ActionButton>
        ))}
      </div>
      {visible.size ? (
        <ul className="reasons" aria-label={`Why some actions for ${p.name} are unavailable`}>
          {[...visible].map(([reason, labels]) => (
            <li key={reason}>
              <span className="reason-labels">{labels.join(', ')}:</span> {reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Preview({ details, ix, pickedId }: { details: InteractionDetails | undefined; ix: InteractionView; pickedId: string | undefined }) {
  const picked = ix.participants.find((p) => p.id === pickedId);
  const rows = pickedId ? details?.audibilityPreview?.[pickedId] : undefined;
  return (
    <section className="panel preview" aria-labelledby="preview-title">
      <h2 id="preview-title">What you will hear{picked ? ` monitoring ${picked.name}` : ''}</h2>
      {rows ? (
        <ul className="preview-list">
          {rows.map((r) => (
            <li key={r.scenario} data-scenario={r.scenario} className={details?.currentScenario === r.scenario ? 'current-scenario' : undefined}>
              {r.sentence}
              {details?.currentScenario === r.scenario ? <strong className="now-badge"> (now)</strong> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{picked ? 'Loading…' : 'Pick a participant to see what you will hear.'}</p>
      )}
      {details?.heardByPreview ? (
        <ul className="preview-list heard-by" aria-label="Who hears you">
          {(['monitor', 'coach', 'barge'] as const).map((m) => (
            <li key={m}>
              <strong>{modeLabel[m]}:</strong> {details.heardByPreview?.[m]}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function WhoIsMonitoring({ ix, mine, details }: { ix: InteractionView; mine: VoiceSession | undefined; details: InteractionDetails | undefined }) {
  const me = useStore((s) => s.live.supervisor);
  const others = ix.participants.filter((p) => p.role === 'supervisor' && p.state !== 'disconnected' && p.supervising && p.supervising.supervisorId !== me?.id);
  const nameOf = (id: string) => ix.participants.find((p) => p.id === id)?.name ?? 'a participant';
  const involved = new Map<string, string>();
  for (const s of ix.supervisorsInvolved) involved.set(s.id, s.name);
  for (const p of details?.periods ?? []) if (!involved.has(p.supervisorId)) involved.set(p.supervisorId, p.supervisorName);
  return (
    <section className="panel" aria-labelledby="who-title">
      <h2 id="who-title">Who is monitoring</h2>
      <ul className="who-list">
        {mine ? (
          <li>
            <BinocularsIcon /> You — {modeDoing[mine.mode]} {nameOf(mine.participantId)}
          </li>
        ) : null}
        {others.map((p) => (
          <li key={p.id}>
            <BinocularsIcon /> {p.name} —{' '}
            <span title={p.supervising?.modeUnknown ? modeUnknownHint : undefined}>
              {p.supervising ? `${supervisingLabel(p.supervising)} ${nameOf(p.supervising.targetParticipantId)}` : ''}
            </span>
          </li>
        ))}
        {!mine && others.length === 0 ? <li className="muted">Nobody is monitoring this call</li> : null}
      </ul>
      {ix.monitorLock ? (
        <p className="lock-line">
          Lock: <strong>{ix.monitorLock.supervisorId === me?.id ? 'you' : ix.monitorLock.supervisorName}</strong> ({ix.monitorLock.supervisorId === me?.id ? modeDoing[ix.monitorLock.mode] : supervisingLabel(ix.monitorLock).replace(/ on$/, '')} since{' '}
          {formatClock(ix.monitorLock.since)})
        </p>
      ) : null}
      <h3>Supervisors who took part</h3>
      {involved.size === 0 ? (
        <p className="muted">None yet</p>
      ) : (
        <ul className="who-list" aria-label="Supervisors who took part">
          {[...involved].map(([id, name]) => (
            <li key={id}>
              <BinocularsIcon /> {id === me?.id ? `${name} (you)` : name}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Timeline({ ix, details }: { ix: InteractionView; details: InteractionDetails | undefined }) {
  const now = useSecondTick();
  if (!details) return <p className="muted">Loading the timeline…</p>;
  const nameOf = (id: string) => ix.participants.find((p) => p.id === id)?.name ?? id;
  const periods = [...details.periods].sort((a, b) => a.startedAt - b.startedAt);
  const events = [...details.timeline].sort((a, b) => a.at - b.at);
  return (
    <>
      <section className="panel" aria-labelledby="periods-title">
        <h2 id="periods-title">Monitor, coach and barge periods</h2>
        {periods.length === 0 ? (
          <p className="muted">No supervisor has monitored, coached or barged into this call yet.</p>
        ) : (
          <table className="data periods">
            <thead>
              <tr>
                <th scope="col">Supervisor</th>
                <th scope="col">Mode</th>
                <th scope="col">Participant</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Duration</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p, i) => (
                <tr key={`${p.supervisorId}-${p.startedAt}-${i}`} data-mode={p.mode}>
                  <th scope="row">
                    <BinocularsIcon /> {p.supervisorName}
                  </th>
                  <td>{modeLabel[p.mode]}</td>
                  <td>{nameOf(p.participantId)}</td>
                  <td className="tabular">{formatClock(p.startedAt)}</td>
                  <td className="tabular">{p.endedAt !== undefined ? formatClock(p.endedAt) : 'ongoing'}</td>
                  <td className="tabular">{formatElapsed((p.endedAt ?? now) - p.startedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="events-title">
        <h2 id="events-title">Events</h2>
        <ol className="events">
          {events.map((e) => (
            <li key={e.id}>
              <span className="tabular event-time">{formatClock(e.at)}</span> <span>{e.text}</span>
              {e.supervisorName && !e.text.includes(e.supervisorName) ? <span className="muted"> — {e.supervisorName}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
