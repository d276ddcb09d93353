import type { Interaction, SupervisionMode } from '../../preload/contract';
import type { PbxMixing } from '../supervision';

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
  /**
   * Resolves once the leg is answered and its first mode was taken by the PBX;
   * rejects with a message saying what to do next. If the leg is up but the
   * PBX did not take the mode's digits, resolves with the mode really in
   * effect (monitor, mic off) and the reason to show.
   */
  startMonitor(target: string, mode: SupervisionMode): Promise<void | { mode: SupervisionMode; notice?: string }>;
  /** The mode the leg is really in (after a refused mode change it is monitor), if a leg exists. */
  currentMode?(): SupervisionMode | undefined;
  setMode(mode: SupervisionMode): Promise<void>;
  /** The handset: the supervisor's own leg only. */
  end(): Promise<void>;
  /**
   * The monitored call or the picked participant changed (hold, transfer,
   * consult): a PBX that plays the call itself (the demo PBX) follows who the
   * audibility rules say the supervisor hears. Real PBXes mix on their own.
   */
  followCall?(interaction: Interaction, pickedParticipantId: string): void;
  /**
   * How the PBX mixes the leg (from the profile): the demo PBX and auto-answer
   * platforms play what the rules say ('as-rules'); a dial-plan spy hears the
   * agent's channel ('spied-channel'). Absent = 'as-rules'.
   */
  pbxMixing?(): PbxMixing;
  /**
   * Silence (or restore) the leg's playback in the media host: Spyglass' own
   * enforcement of rule 2 where the PBX still sends a held customer
   * (VoiceSession.mutedOnHold). Applies to a leg that is still being set up, too.
   */
  mutePlayback?(muted: boolean): void;
  /** The leg ended without the supervisor hanging up (far end, lost connection, media gone). */
  onLegEnded(listener: (reason: string) => void): () => void;
}
