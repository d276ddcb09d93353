/**
 * PBX profiles: how a monitor leg is started and how its mode is switched on a
 * given PBX (DESIGN.md "Voice monitoring on real PBXes"). Pure data + pure
 * functions; every code and digit is configurable per server.
 */
import type { SupervisionMode } from '../../preload/contract/domain';
import type { PbxMixing } from '../supervision/audibility';
import { DEFAULT_MONITOR_TOKEN_TTL_MS } from './monitorToken';

export type DtmfMethod = 'info' | 'rfc2833';

export interface DialPlanProfile {
  kind: 'asterisk-chanspy' | 'freeswitch-eavesdrop';
  id: string;
  label: string;
  /** Prefix dialled before the target extension, e.g. "*222" -> sip:*2221001@pbx. */
  featureCode: string;
  /** Whether the extension is appended to the feature code (ChanSpy) or not (a fixed eavesdrop code). */
  appendExtension: boolean;
  /** Digits that switch the PBX into each mode on the same leg. */
  digits: Record<SupervisionMode, string>;
  dtmfMethod: DtmfMethod;
  /** Tone length and gap (ms) used when sending the digits. */
  dtmfDurationMs: number;
  dtmfGapMs: number;
  /**
   * freeswitch-eavesdrop: the PBX administrator confirmed the Sofia profile sets
   * liberal-dtmf=true (phone.liberalDtmf). Without it INFO digits are refused
   * here, because FreeSWITCH answers them 200 OK and ignores them.
   */
  liberalDtmf?: boolean;
}

export interface AutoAnswerProfile {
  kind: 'auto-answer';
  id: string;
  label: string;
  /**
   * How long the monitor token handed to the platform stays good (ms). Only an
   * INVITE carrying it, on the connection to the configured server, within this
   * time, once, is answered by itself (autoAnswer.ts).
   */
  monitorTokenTtlMs: number;
  /** Modes are switched through the contact-center connector, never by DTMF. */
}

export type PbxProfile = DialPlanProfile | AutoAnswerProfile;

/** Asterisk ChanSpy (options q, d, E): DTMF 4 listen, 5 whisper, 6 barge. */
export const asteriskChanSpy = (overrides: Partial<DialPlanProfile> = {}): DialPlanProfile => ({
  kind: 'asterisk-chanspy',
  id: 'asterisk-chanspy',
  label: 'Asterisk (ChanSpy)',
  featureCode: '*222',
  appendExtension: true,
  digits: { monitor: '4', coach: '5', barge: '6' },
  dtmfMethod: 'info',
  dtmfDurationMs: 100,
  dtmfGapMs: 70,
  ...overrides,
});

/** FreeSWITCH eavesdrop: DTMF 0 listen, 2 talk to the spied leg, 3 three-way. */
export const freeswitchEavesdrop = (overrides: Partial<DialPlanProfile> = {}): DialPlanProfile => ({
  kind: 'freeswitch-eavesdrop',
  id: 'freeswitch-eavesdrop',
  label: 'FreeSWITCH (eavesdrop)',
  featureCode: '88',
  appendExtension: true,
  digits: { monitor: '0', coach: '2', barge: '3' },
  dtmfMethod: 'rfc2833',
  dtmfDurationMs: 100,
  dtmfGapMs: 70,
  ...overrides,
});

export const autoAnswer = (overrides: Partial<AutoAnswerProfile> = {}): AutoAnswerProfile => ({
  kind: 'auto-answer',
  id: 'auto-answer',
  label: 'Platform calls the supervisor (auto-answer)',
  monitorTokenTtlMs: DEFAULT_MONITOR_TOKEN_TTL_MS,
  ...overrides,
});

/**
 * The settings a profile brings with it (issue 18 found 1): they apply unless
 * the user or IT set the key explicitly (ConfigService layers them between the
 * app defaults and user settings, and Settings shows them as "from the profile").
 */
export function profileSettingDefaults(profileName: string): { 'phone.featureCode'?: string; 'phone.dtmfMethod'?: DtmfMethod } {
  switch (profileName) {
    case 'asterisk-chanspy': {
      const p = asteriskChanSpy();
      return { 'phone.featureCode': p.featureCode, 'phone.dtmfMethod': p.dtmfMethod };
    }
    case 'freeswitch-eavesdrop': {
      const p = freeswitchEavesdrop();
      return { 'phone.featureCode': p.featureCode, 'phone.dtmfMethod': p.dtmfMethod };
    }
    default:
      return {};
  }
}

/**
 * How a profile's PBX mixes the supervisor's leg (main/supervision/audibility.ts).
 * The demo PBX and platforms that call the supervisor mix as the rules say.
 * ChanSpy taps the agent's channel: on hold it still carries the held customer
 * (measured, docs/asterisk/proof-2026-12-01.md). FreeSWITCH eavesdrop taps the
 * agent's channel the same way (a media bug on both directions); not measured
 * on hold, so it gets the same, privacy-safe treatment.
 */
export function pbxMixingOf(profileName: string): PbxMixing {
  return profileName === 'asterisk-chanspy' || profileName === 'freeswitch-eavesdrop' ? 'spied-channel' : 'as-rules';
}

/**
 * Why Spyglass will not send SIP INFO digits on this profile, or null when it
 * may. FreeSWITCH ignores INFO DTMF on a call whose SDP carries
 * telephone-event (Chromium always offers it) unless the Sofia profile has
 * liberal-dtmf=true, and still answers 200 OK ("IGNORE INFO DTMF"): nothing on
 * the wire can tell a taken digit from an ignored one, so INFO is used only
 * when the user states liberal-dtmf (issue 18 found 2).
 */
export function infoDigitsRefusal(profile: PbxProfile): string | null {
  if (profile.kind !== 'freeswitch-eavesdrop' || profile.dtmfMethod !== 'info' || profile.liberalDtmf) return null;
  return 'FreeSWITCH ignores SIP INFO digits (and still answers 200 OK) unless its Sofia profile sets liberal-dtmf=true, so Spyglass does not send them';
}

const DIALABLE = /^[0-9A-Za-z*#+._-]+$/;

/**
 * The request-URI user part for a monitor leg on a dial-plan PBX. Refuses
 * anything that is not a plain dial string, so a crafted extension cannot
 * smuggle URI parameters or headers into the INVITE.
 */
export function monitorDialString(profile: DialPlanProfile, extension: string): string {
  if (!DIALABLE.test(profile.featureCode)) throw new Error(`Invalid feature code "${profile.featureCode}"`);
  if (!profile.appendExtension) return profile.featureCode;
  if (!DIALABLE.test(extension)) throw new Error(`Invalid extension "${extension}"`);
  return profile.featureCode + extension;
}

/** sip:<dial string>@<domain> for the monitor INVITE. */
export function monitorTargetUri(profile: DialPlanProfile, extension: string, domain: string): string {
  return `sip:${monitorDialString(profile, extension)}@${domain}`;
}

export interface DtmfStep {
  tones: string;
  transportType: 'INFO' | 'RFC2833';
  duration: number;
  interToneGap: number;
}

/**
 * What to send to move from one mode to another on a live leg. Returns null
 * when nothing is sent: same mode, or starting in monitor (the PBX's leg
 * starts listening by itself).
 */
export function dtmfForModeChange(
  profile: DialPlanProfile,
  from: SupervisionMode | null,
  to: SupervisionMode,
): DtmfStep | null {
  if (from === to) return null;
  if (from === null && to === 'monitor') return null;
  const tones = profile.digits[to];
  if (!tones) return null;
  if (!/^[0-9A-D*#,]+$/i.test(tones)) throw new Error(`Invalid DTMF digits "${tones}" for ${to}`);
  return {
    tones,
    transportType: profile.dtmfMethod === 'rfc2833' ? 'RFC2833' : 'INFO',
    duration: profile.dtmfDurationMs,
    interToneGap: profile.dtmfGapMs,
  };
}

/** The supervisor's microphone is live only while coaching or barging. */
export const micLiveIn = (mode: SupervisionMode): boolean => mode === 'coach' || mode === 'barge';

/** Reverse lookup used by PBX stand-ins (demo PBX, lab): which mode do these digits select? */
export function modeForDigits(digits: Record<SupervisionMode, string>, tones: string): SupervisionMode | null {
  for (const mode of ['monitor', 'coach', 'barge'] as const) if (digits[mode] === tones) return mode;
  return null;
}
