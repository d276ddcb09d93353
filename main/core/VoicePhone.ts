import type { SupervisionMode } from '../../preload/contract';

/**
 * The softphone as the voice commands need it: place the supervisor's leg,
 * switch its mode, hang it up, and hear when it ends by itself. Implemented
 * over main/phone's JsSIP softphone (main/app/phoneWiring.ts).
 */
export interface VoicePhone {
  /**
   * Before the connector's startSupervision: on platforms that call the
   * supervisor (auto-answer profile) the single-use token their INVITE must
   * carry, passed on as SupervisionTarget.monitorToken. Empty otherwise.
   */
  prepareMonitor?(mode: SupervisionMode): { monitorToken?: string };
  /** startSupervision failed: the prepared token must answer nothing. */
  withdrawMonitorRequest?(): void;
  /** Resolves once the leg is answered; rejects with a message saying what to do next. */
  startMonitor(target: string, mode: SupervisionMode): Promise<void>;
  setMode(mode: SupervisionMode): Promise<void>;
  /** The handset: the supervisor's own leg only. */
  end(): Promise<void>;
  /** The leg ended without the supervisor hanging up (far end, lost connection, media gone). */
  onLegEnded(listener: (reason: string) => void): () => void;
}
