/**
 * The demo PBX's media: a second, renderer-local RTCPeerConnection that
 * answers the supervisor leg's offer (so audio really flows through the
 * supervisor's RTCPeerConnection, ICE and all, over loopback) and plays the
 * demo conversation — two distinct voices, agent and customer — as its
 * outgoing track. It also receives the supervisor's audio and feeds the
 * "who hears the supervisor" meters, gated by the mode the demo PBX got by
 * DTMF: agent in coach and barge, customer in barge only. Which voices it
 * plays follows the call (demoSetVoices from the demo PBX: hold, transfer, the
 * picked participant), each metered as sent ('agentVoice', 'customerVoice').
 */
import type { MediaResult, SessionDescriptionInit } from '../../../preload/contract/phone';
import { audioContext, type MediaLevels } from './levelMeter';

export interface DemoClips {
  agentUrl: string;
  customerUrl: string;
}

type Mode = 'monitor' | 'coach' | 'barge';

interface Voices {
  agent: boolean;
  customer: boolean;
}

interface FarEnd {
  pc: RTCPeerConnection;
  mode: Mode;
  stopPlayback: () => void;
  /** One gain per voice, before the mix: 1 plays it, 0 keeps it from the supervisor. */
  gains: { agent: GainNode; customer: GainNode };
}

const isVoices = (v: unknown): v is Voices =>
  typeof v === 'object' && v !== null && typeof (v as Voices).agent === 'boolean' && typeof (v as Voices).customer === 'boolean';

async function loadClip(ctx: AudioContext, url: string): Promise<AudioBuffer | null> {
  try {
    const res = await fetch(url);
    if (!res.ok) return null;
    return await ctx.decodeAudioData(await res.arrayBuffer());
  } catch {
    return null;
  }
}

/** A short beep pattern standing in for a voice when a clip cannot be loaded. */
function toneClip(ctx: AudioContext, hz: number): AudioBuffer {
  const buf = ctx.createBuffer(1, ctx.sampleRate * 2, ctx.sampleRate);
  const d = buf.getChannelData(0);
  for (let i = 0; i < d.length; i++) d[i] = i < ctx.sampleRate ? 0.2 * Math.sin((2 * Math.PI * hz * i) / ctx.sampleRate) : 0;
  return buf;
}

/** Agent line, customer line, agent line... on a loop, each voice into its own node. */
function playConversation(ctx: AudioContext, agent: AudioBuffer, customer: AudioBuffer, dest: { agent: AudioNode; customer: AudioNode }): () => void {
  let stopped = false;
  let current: AudioBufferSourceNode | null = null;
  let turn = 0;
  const next = () => {
    if (stopped) return;
    const src = ctx.createBufferSource();
    const agentTurn = turn++ % 2 === 0;
    src.buffer = agentTurn ? agent : customer;
    src.connect(agentTurn ? dest.agent : dest.customer);
    src.onended = () => setTimeout(next, 300);
    src.start();
    current = src;
  };
  next();
  return () => {
    stopped = true;
    current?.stop();
  };
}

export function createDemoFarEnd(levels: MediaLevels, clips: DemoClips) {
  const ends = new Map<string, FarEnd>();
  const setVoices = (end: FarEnd, voices: Voices) => {
    end.gains.agent.gain.value = voices.agent ? 1 : 0;
    end.gains.customer.gain.value = voices.customer ? 1 : 0;
  };

  const waitForIce = (pc: RTCPeerConnection) =>
    new Promise<void>((resolve) => {
      if (pc.iceGatheringState === 'complete') return resolve();
      const t = setTimeout(resolve, 2000);
      pc.addEventListener('icegatheringstatechange', () => {
        if (pc.iceGatheringState === 'complete') {
          clearTimeout(t);
          resolve();
        }
      });
    });

  return {
    /** args: [offerSdp, voices?] -> the far end's answer, with candidates. */
    async demoAnswer(id: string, [offer, voices]: unknown[]): Promise<MediaResult> {
      const ctx = audioContext();
      await ctx.resume().catch(() => undefined);
      const [agent, customer] = await Promise.all([loadClip(ctx, clips.agentUrl), loadClip(ctx, clips.customerUrl)]);
      const dest = ctx.createMediaStreamDestination();
      const gains = { agent: ctx.createGain(), customer: ctx.createGain() };
      // Each voice as sent to the supervisor, metered on its own (the mix cannot tell them apart).
      const agentOut = ctx.createMediaStreamDestination();
      const customerOut = ctx.createMediaStreamDestination();
      gains.agent.connect(dest);
      gains.agent.connect(agentOut);
      gains.customer.connect(dest);
      gains.customer.connect(customerOut);
      const stopPlayback = playConversation(ctx, agent ?? toneClip(ctx, 440), customer ?? toneClip(ctx, 660), gains);
      const pc = new RTCPeerConnection({ iceServers: [] });
      const end: FarEnd = { pc, mode: 'monitor', stopPlayback, gains };
      setVoices(end, isVoices(voices) ? voices : { agent: true, customer: true });
      levels.set('agentVoice', agentOut.stream);
      levels.set('customerVoice', customerOut.stream);
      ends.set(id, end);
      for (const t of dest.stream.getTracks()) pc.addTrack(t, dest.stream);
      pc.ontrack = (e) => {
        const stream = e.streams[0] ?? new MediaStream([e.track]);
        // Ungated: what actually arrives from the supervisor (silence while the mic is disabled).
        levels.set('supervisorAtPbx', stream);
        levels.set('agentHearsSupervisor', stream, () => end.mode !== 'monitor');
        levels.set('customerHearsSupervisor', stream, () => end.mode === 'barge');
      };
      await pc.setRemoteDescription({ type: 'offer', sdp: String(offer) });
      await pc.setLocalDescription(await pc.createAnswer());
      await waitForIce(pc);
      const sdp = pc.localDescription?.sdp ?? '';
      return { desc: { type: 'answer' as SessionDescriptionInit['type'], sdp } };
    },
    async demoSetMode(id: string, [mode]: unknown[]): Promise<MediaResult> {
      const end = ends.get(id);
      if (end && (mode === 'monitor' || mode === 'coach' || mode === 'barge')) end.mode = mode;
      return {};
    },
    /** args: [{ agent, customer }]: the voices the audibility rules let the supervisor hear. */
    async demoSetVoices(id: string, [voices]: unknown[]): Promise<MediaResult> {
      const end = ends.get(id);
      if (end && isVoices(voices)) setVoices(end, voices);
      return {};
    },
    async demoClose(id: string): Promise<MediaResult> {
      const end = ends.get(id);
      if (end) {
        end.stopPlayback();
        end.pc.close();
        ends.delete(id);
        levels.set('supervisorAtPbx', null);
        levels.set('agentHearsSupervisor', null);
        levels.set('customerHearsSupervisor', null);
        levels.set('agentVoice', null);
        levels.set('customerVoice', null);
      }
      return {};
    },
  };
}
