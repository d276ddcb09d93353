import { useCallback, useRef } from 'react';
import { useShortcut } from '../../components/shortcuts';
import { dispatch, useStore } from '../../store';
import { useVoiceUi } from '../../store/voice';
import { monitorConnecting, monitorTrouble } from '../../store/phone/selectors';
import { pickedParticipantId } from '../../store/voice/selectors';
import { ActionButton } from './ActionButton';
import { CallMeters } from './CallMeters';
import { CallQualityIndicator } from './CallQualityIndicator';
import { endMyLeg, openDetails, supervise, toggleCoach, toggleMic } from './commands';
import { CoachIcon, HandsetIcon, MicIcon } from '../../components/icons';
import { toolbarModel } from './toolbarModel';
import { endedToolbarModel } from './endedToolbarModel';
import { EndedMonitoringToolbar } from './EndedMonitoringToolbar';
import { useSecondTick } from './useSecondTick';
import './voice.css';

const note = (text: string) =>
  dispatch({ type: 'notices/add', notice: { id: `voice-${Date.now()}`, level: 'info', text, at: Date.now() } });

/**
 * The voice shortcuts, live whenever the app is: Alt+M monitor, Alt+C coach,
 * Alt+B barge (the mic toggle), Alt+H the handset. With no session, Monitor
 * and Coach act on the participant picked in the open call details.
 */
function useVoiceShortcuts(): void {
  const start = useCallback((mode: 'monitor' | 'coach') => {
    const s = useStore.getState();
    const session = s.live.voiceSession;
    if (session && session.state !== 'ended' && session.state !== 'failed') {
      if (mode === 'coach') void toggleCoach();
      else void supervise(session.interactionId, session.participantId, 'monitor');
      return;
    }
    const ix = s.ui.detailsId ? s.live.interactions[s.ui.detailsId] : undefined;
    if (!ix || ix.channel !== 'voice') {
      note('Open a call’s details and pick a participant first.');
      return;
    }
    const participantId = pickedParticipantId(ix, useVoiceUi.getState().picked[ix.id], undefined);
    if (participantId) void supervise(ix.id, participantId, mode);
  }, []);
  const monitor = useCallback(() => start('monitor'), [start]);
  const coach = useCallback(() => start('coach'), [start]);
  const ifSession = useCallback((fn: () => Promise<void>) => {
    const session = useStore.getState().live.voiceSession;
    if (!session || session.state === 'ended' || session.state === 'failed') note('You are not monitoring a call.');
    else void fn();
  }, []);
  const barge = useCallback(() => ifSession(toggleMic), [ifSession]);
  const end = useCallback(() => ifSession(endMyLeg), [ifSession]);
  useShortcut('Alt+M', 'Monitor the picked participant (or go back to silent monitoring)', monitor);
  useShortcut('Alt+C', 'Coach toggle (only the agent hears you)', coach);
  useShortcut('Alt+B', 'Barge toggle: unmute / mute your microphone', barge);
  useShortcut('Alt+H', 'Handset: end your monitoring leg (the call goes on)', end);
}

/** The monitoring toolbar, bottom left, while a voice monitor session exists (seed 002). */
export function MonitoringToolbar() {
  useVoiceShortcuts();
  const session = useStore((s) => s.live.voiceSession);
  const interaction = useStore((s) => (session ? s.live.interactions[session.interactionId] : undefined));
  const now = useSecondTick();
  // What the wire says about the leg (no audio from the PBX, a mode it did not take): shown in the toolbar too.
  const phoneStatus = useStore((s) => s.phone.status);
  const trouble = monitorTrouble(phoneStatus);
  const notAnswered = monitorConnecting(phoneStatus);
  const model = toolbarModel(session, interaction, now, { audio: phoneStatus?.monitor?.audio, reattaching: phoneStatus?.monitor?.reattaching });
  // The ended call leaves the live list: its wrap-up names who was monitored from what was last seen.
  const lastTarget = useRef<{ key: string; name: string } | undefined>(undefined);
  const targetName = session ? interaction?.participants.find((p) => p.id === session.participantId)?.name : undefined;
  const sessionKey = session ? `${session.interactionId}/${session.participantId}/${session.startedAt}` : '';
  if (targetName) lastTarget.current = { key: sessionKey, name: targetName };
  const ended = endedToolbarModel(session, lastTarget.current?.key === sessionKey ? lastTarget.current.name : targetName);
  return (
    <div className="monitoring-toolbar-slot">
      {/* Always mounted so screen readers announce the microphone going live. */}
      <div role="status" aria-live="assertive" className="hot-mic-region">
        {model?.hotMic ? (
          <span className="hot-mic" data-testid="hot-mic">
            <span className="hot-dot" aria-hidden="true" />
            {model.hotMic}
          </span>
        ) : null}
      </div>
      {model && session ? (
        <section className={`monitoring-toolbar mode-${model.mode}${model.hotMic ? ' live' : ''}`} aria-label="Monitoring toolbar">
          {model.phase === 'connecting' ? (
            <span className="dialing" role="status">
              <span className={notAnswered ? 'early-media' : 'visually-hidden'} data-testid="toolbar-connecting">
                {notAnswered ?? 'Dialing…'}
              </span>
              <span className="dots" aria-hidden="true">
                <span />
                <span />
                <span />
              </span>
            </span>
          ) : null}
          <button
            type="button"
            className="toolbar-title link-button"
            title="Open the call's details"
            onClick={() => openDetails(session.interactionId)}
          >
            {model.title}
          </button>
          <span className="tabular elapsed" title="Time since you joined the call">
            <span className="visually-hidden">Elapsed </span>
            {model.elapsed}
          </span>
          <span className="hearing">{model.hearing}</span>
          <CallMeters />
          {/* Only a leg that is up and carrying audio has a current reading (not while paused or moving to a reloaded page). */}
          <CallQualityIndicator quality={phoneStatus?.monitor?.state === 'active' && !phoneStatus.monitor.recovering && !phoneStatus.monitor.reattaching ? phoneStatus.monitor.quality : undefined} />
          {trouble ? (
            <span className="leg-trouble" role="alert" data-testid="toolbar-monitor-trouble">
              {trouble}
            </span>
          ) : null}
          <span className="toolbar-buttons">
            <ActionButton
              availability={model.mic}
              className={`icon-button mic${model.micMuted ? ' muted' : ' unmuted'}`}
              label={model.micMuted ? 'Microphone muted — unmute to barge in' : 'Microphone live — mute to go back to silent monitoring'}
              title={`${model.micLabel} (Alt+B)`}
              pressed={!model.micMuted}
              onClick={() => void toggleMic()}
            >
              <MicIcon muted={model.micMuted} />
            </ActionButton>
            <ActionButton
              availability={model.coach}
              className={`icon-button coach${model.coachOn ? ' on' : ''}`}
              label="Coach"
              title={`${model.coachLabel} (Alt+C)`}
              pressed={model.coachOn}
              onClick={() => void toggleCoach()}
            >
              <CoachIcon />
            </ActionButton>
            <ActionButton
              availability={model.phase === 'ending' ? { allowed: false, reason: 'Ending your monitoring session' } : { allowed: true }}
              className="icon-button handset"
              label="End my monitoring session"
              title="Hang up your leg only: the call goes on for the agent and the customer (Alt+H)"
              onClick={() => void endMyLeg()}
            >
              <HandsetIcon />
            </ActionButton>
          </span>
        </section>
      ) : ended && session ? (
        <EndedMonitoringToolbar model={ended} interactionId={session.interactionId} />
      ) : null}
    </div>
  );
}
