/**
 * Live audio levels (0..1) from a MediaStream via an AnalyserNode. Framework
 * free; `useMediaLevels` wraps it for React.
 */

export interface LevelMeter {
  /** Current level 0..1 (RMS of the last analyser frame, scaled). */
  level(): number;
  stop(): void;
}

let sharedContext: AudioContext | null = null;
export const audioContext = (): AudioContext => (sharedContext ??= new AudioContext());

export function createLevelMeter(stream: MediaStream, ctx: AudioContext = audioContext()): LevelMeter {
  const source = ctx.createMediaStreamSource(stream);
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const buf = new Float32Array(analyser.fftSize);
  return {
    level() {
      analyser.getFloatTimeDomainData(buf);
      let sum = 0;
      for (const v of buf) sum += v * v;
      // RMS of speech sits around 0.05-0.2; scale so normal speech fills most of a meter.
      return Math.min(1, Math.sqrt(sum / buf.length) * 4);
    },
    stop() {
      source.disconnect();
      analyser.disconnect();
    },
  };
}

/** The named streams whose levels the UI shows: 'input' (mic), 'output' (what plays), and any extras (demo: 'agentHears'...). */
export class MediaLevels {
  private readonly meters = new Map<string, LevelMeter>();
  private readonly gates = new Map<string, () => boolean>();

  set(name: string, stream: MediaStream | null, gate?: () => boolean): void {
    this.meters.get(name)?.stop();
    this.meters.delete(name);
    this.gates.delete(name);
    if (stream && stream.getAudioTracks().length) this.meters.set(name, createLevelMeter(stream));
    if (gate) this.gates.set(name, gate);
  }

  /** A level that is forced to 0 while `gate()` is false (e.g. "agent hears supervisor" only in coach/barge). */
  read(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, m] of this.meters) out[name] = this.gates.get(name)?.() === false ? 0 : m.level();
    return out;
  }

  names(): string[] {
    return [...this.meters.keys()];
  }

  clear(): void {
    for (const m of this.meters.values()) m.stop();
    this.meters.clear();
    this.gates.clear();
  }
}

/** The app-wide levels registry the media host and the demo far end feed. */
export const mediaLevels = new MediaLevels();
