// Softphone and media-bridge channels (issue 3).
//
// Signaling lives in main (JsSIP), media in the renderer (DESIGN.md "Media
// lives in the renderer, signaling in main"). Main drives the renderer's real
// RTCPeerConnections with `media:request` events; the renderer answers each
// with the `media:response` command and reports peer-connection events with
// `media:event`. Every SDP and id is size-limited so a broken or hostile peer
// cannot push unbounded data through the bridge.
import { z } from 'zod';
import { supervisionModeSchema } from './domain';
import { command, event } from './define';
import { callQualityPeriodSchema, callQualitySchema } from './quality';

const MAX_SDP = 64_000;
const shortText = z.string().max(500);
export const pcIdSchema = z.string().min(1).max(80).regex(/^[A-Za-z0-9._:-]+$/);

export const sessionDescriptionSchema = z.object({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z.string().max(MAX_SDP),
});
export type SessionDescriptionInit = z.infer<typeof sessionDescriptionSchema>;

export const senderSnapshotSchema = z.object({
  kind: z.enum(['audio', 'video']).nullable(),
  enabled: z.boolean(),
  hasDtmf: z.boolean(),
});

/** Everything JsSIP reads synchronously from a peer connection, refreshed with every result and event. */
export const pcSnapshotSchema = z.object({
  seq: z.number().int().nonnegative(),
  signalingState: z.enum(['stable', 'have-local-offer', 'have-remote-offer', 'have-local-pranswer', 'have-remote-pranswer', 'closed']),
  iceGatheringState: z.enum(['new', 'gathering', 'complete']),
  iceConnectionState: z.enum(['new', 'checking', 'connected', 'completed', 'failed', 'disconnected', 'closed']),
  connectionState: z.enum(['new', 'connecting', 'connected', 'disconnected', 'failed', 'closed']),
  localDescription: sessionDescriptionSchema.nullable(),
  remoteDescription: sessionDescriptionSchema.nullable(),
  senders: z.array(senderSnapshotSchema).max(8),
});
export type PcSnapshot = z.infer<typeof pcSnapshotSchema>;

export const mediaMethods = [
  'create',
  'createOffer',
  'createAnswer',
  'setLocalDescription',
  'setRemoteDescription',
  'setTrackEnabled',
  /** Silence (true) or restore the peer's remote audio: Spyglass' own privacy mute for a held customer. */
  'setPlaybackMuted',
  'insertDTMF',
  'close',
  /** Demo PBX far end: a second, renderer-local peer that plays the demo conversation. */
  'demoAnswer',
  'demoSetMode',
  /** Which recorded voices the demo far end plays (the audibility rules: hold, transfer, picked participant). */
  'demoSetVoices',
  'demoClose',
] as const;
export const mediaMethodSchema = z.enum(mediaMethods);
export type MediaMethod = z.infer<typeof mediaMethodSchema>;

/** main -> renderer: call `method` on peer connection `pcId`. */
export const mediaRequestSchema = z.object({
  seq: z.number().int().nonnegative(),
  pcId: pcIdSchema,
  method: mediaMethodSchema,
  args: z.array(z.unknown()).max(6),
});
export type MediaRequest = z.infer<typeof mediaRequestSchema>;

export const mediaResultSchema = z.object({
  snapshot: pcSnapshotSchema.optional(),
  desc: sessionDescriptionSchema.optional(),
});
export type MediaResult = z.infer<typeof mediaResultSchema>;

/** renderer -> main: the answer to one media:request. */
export const mediaResponseSchema = z.object({
  seq: z.number().int().nonnegative(),
  ok: z.boolean(),
  result: mediaResultSchema.optional(),
  error: shortText.optional(),
});
export type MediaResponse = z.infer<typeof mediaResponseSchema>;

export const iceCandidateSchema = z
  .object({
    candidate: z.string().max(1000),
    sdpMid: z.string().max(100).nullable().optional(),
    sdpMLineIndex: z.number().int().nonnegative().nullable().optional(),
  })
  .nullable();

export const pcEventTypes = [
  'icecandidate',
  'icegatheringstatechange',
  'iceconnectionstatechange',
  'signalingstatechange',
  'connectionstatechange',
] as const;

/**
 * What the renderer measured of the audio arriving from the PBX on one peer
 * (RTCRtpReceiver stats, cumulative since the peer started). Main turns the
 * series into "spying has begun" and "no audio from the PBX" (main/phone/legAudio.ts).
 */
export const inboundAudioSchema = z.object({
  packetsReceived: z.number().int().nonnegative().max(2 ** 40),
  /** Sum of squared sample levels x seconds (WebRTC totalAudioEnergy); 0 when not reported. */
  totalAudioEnergy: z.number().nonnegative().max(1e9),
  totalSamplesDuration: z.number().nonnegative().max(1e9),
  /** The selected ICE candidate pair's local candidate type (RTCIceCandidateStats.candidateType); absent before ICE chose one. */
  localCandidateType: z.enum(['host', 'srflx', 'prflx', 'relay']).optional(),
  /** Call quality inputs (issue 17 item 4), cumulative like the rest; absent where the browser does not report them. */
  packetsLost: z.number().int().min(-(2 ** 31)).max(2 ** 40).optional(),
  /** RTP interarrival jitter, seconds (the receiver's current estimate). */
  jitterSeconds: z.number().nonnegative().max(1e4).optional(),
  /** Round-trip time, seconds: RTCP (remote-inbound-rtp) or else the ICE pair's consent checks. */
  roundTripTimeSeconds: z.number().nonnegative().max(1e4).optional(),
  /** Samples the receiver made up for lost or late packets (not counting concealed silence). */
  concealedSamples: z.number().int().nonnegative().max(2 ** 48).optional(),
  totalSamplesReceived: z.number().int().nonnegative().max(2 ** 48).optional(),
});
export type InboundAudio = z.infer<typeof inboundAudioSchema>;

/** Not an RTCPeerConnection event: the periodic inbound-audio report (carries `inbound`). */
export const inboundAudioEventType = 'inboundaudio' as const;

/** renderer -> main: a peer-connection event with the snapshot taken right after it. */
export const mediaEventSchema = z.object({
  pcId: pcIdSchema,
  type: z.enum([...pcEventTypes, inboundAudioEventType]),
  snapshot: pcSnapshotSchema,
  candidate: iceCandidateSchema.optional(),
  inbound: inboundAudioSchema.optional(),
});
export type MediaEvent = z.infer<typeof mediaEventSchema>;

/** Who can hear the supervisor right now (demo PBX and lab meters). */
export const audibilitySchema = z.object({ agent: z.boolean(), customer: z.boolean() });

// ---------------------------------------------------------------- status

export const registrationStates = ['unregistered', 'connecting', 'registered', 'reconnecting', 'failed'] as const;
export const phoneProblemSchema = z.object({
  code: z.enum([
    'WRONG_PASSWORD',
    'SERVER_UNREACHABLE',
    'CERTIFICATE_REFUSED',
    'REGISTRATION_REFUSED',
    'BUSY',
    'REFUSED',
    'NOT_FOUND',
    'UNAVAILABLE',
    'MEDIA_FAILED',
    'CONNECTION_LOST',
    'BAD_SIP',
    /** The leg is up but nothing (or only silence) arrives from the PBX. */
    'NO_AUDIO',
    /** Mode-change digits could not be delivered: the mode did not change. */
    'DTMF_FAILED',
    'INTERNAL',
  ]),
  /** What happened, in words a supervisor understands. */
  message: shortText,
  /** What to do next. */
  action: shortText,
});
export type PhoneProblem = z.infer<typeof phoneProblemSchema>;

export const monitorStates = ['connecting', 'active', 'switching', 'held', 'ended', 'failed'] as const;
export const monitorStatusSchema = z.object({
  id: z.string().max(80),
  target: z.string().max(200),
  profileId: z.string().max(80),
  state: z.enum(monitorStates),
  mode: supervisionModeSchema,
  /** True only while coaching or barging on an established leg. */
  micLive: z.boolean(),
  /** While connecting: the PBX sent early media (183) but has not answered, so nothing is heard yet. */
  earlyMedia: z.boolean().optional(),
  endedBy: z.enum(['supervisor', 'far-end', 'connection-lost', 'error']).optional(),
  problem: phoneProblemSchema.optional(),
  /**
   * Audio from the PBX on this leg, as measured: 'waiting' (just connected),
   * 'flowing', 'none' (no packets for 2 s) or 'silent' (packets, but only digital silence for 10 s).
   */
  audio: z.enum(['waiting', 'flowing', 'none', 'silent']).optional(),
  /** Set while audio is 'none' or 'silent': what it likely means and what to check. */
  audioProblem: phoneProblemSchema.optional(),
  /** Known once ICE selected a path: true when this leg's media goes through a TURN relay. */
  relayed: z.boolean().optional(),
  /**
   * The page (or window) playing this leg's audio went away (a reload): the dialog is kept and the
   * audio is being moved to the page that attaches next (re-INVITE). Microphone off, nothing heard,
   * until audio arrives there; the leg ends with the reason if it does not.
   */
  reattaching: z.boolean().optional(),
  /** The SIP connection dropped with this leg up: paused, microphone off, until the phone reconnects and moves it (ICE restart) or ends it. */
  recovering: z.boolean().optional(),
  /** The last measured window's call quality (every few seconds once audio flows); absent before the first. */
  quality: callQualitySchema.optional(),
  /** Quality over the leg so far (the timeline records it when the leg ends). */
  qualityPeriod: callQualityPeriodSchema.optional(),
});
export type MonitorStatus = z.infer<typeof monitorStatusSchema>;

export const phoneStatusSchema = z.object({
  registration: z.enum(registrationStates),
  server: z.string().max(500).optional(),
  user: z.string().max(200).optional(),
  reconnectAttempt: z.number().int().nonnegative().optional(),
  /** While reconnecting: when the next attempt is made (epoch ms; absent while one is under way). */
  retryAt: z.number().int().nonnegative().optional(),
  /** While reconnecting: why the connection went. */
  lostBecause: z.enum(['connection', 'network-change', 'sleep', 'offline']).optional(),
  /** The machine says it has no network. */
  offline: z.boolean().optional(),
  /** When the phone registered again after losing its connection (epoch ms; until the next loss). */
  reRegisteredAt: z.number().int().nonnegative().optional(),
  problem: phoneProblemSchema.optional(),
  monitor: monitorStatusSchema.nullable(),
});
export type PhoneStatus = z.infer<typeof phoneStatusSchema>;

// ---------------------------------------------------------------- devices

const deviceId = z.string().max(300);
export const audioDevicesSchema = z.object({
  /** '' = system default. */
  inputId: deviceId,
  outputId: deviceId,
});
export type AudioDevices = z.infer<typeof audioDevicesSchema>;

// ---------------------------------------------------------------- network

export const networkHintSchema = z.object({ kind: z.enum(['online', 'offline', 'network-changed', 'visible-after-gap']) }).strict();
export type NetworkHint = z.infer<typeof networkHintSchema>;

// ---------------------------------------------------------------- channels

/** What wss:// trusts (Settings › SIP account): names, counts and expiry only, never the certificates. */
export const wssTrustSchema = z.object({
  sources: z.array(z.object({ kind: z.enum(['bundled', 'system', 'policy']), from: shortText, count: z.number().int().nonnegative() })).max(5),
  policyCertificates: z.array(z.object({ subject: shortText, validTo: shortText })).max(20),
  policyCaProblem: shortText.optional(),
  systemProblem: shortText.optional(),
});
export type WssTrust = z.infer<typeof wssTrustSchema>;

export const phoneCommands = {
  /** Which CAs the SIP WebSocket trusts now (issue 17 item 2). */
  'phone:trust': command(z.object({}).strict(), wssTrustSchema),
  'phone:status': command(z.object({}).strict(), phoneStatusSchema),
  /** (Re-)register with the SIP account from settings. */
  'phone:register': command(z.object({}).strict(), phoneStatusSchema),
  'phone:unregister': command(z.object({}).strict(), phoneStatusSchema),
  /** Remember the chosen microphone and speaker; main re-broadcasts them as `media:devices`. */
  'phone:setDevices': command(audioDevicesSchema.strict(), audioDevicesSchema),
  'media:response': command(mediaResponseSchema, z.object({})),
  'media:event': command(mediaEventSchema, z.object({})),
  /** The renderer's media host (re)started: main re-creates nothing, but ends any leg whose media died. */
  'media:hostReady': command(z.object({ pcIds: z.array(pcIdSchema).max(16) }).strict(), z.object({})),
  /**
   * What the page sees of the network (issue 17 item 3): `online`/`offline`, a
   * `navigator.connection` change, or visible again after a long hidden gap
   * (the laptop may have slept). Main reconnects the phone at once on all but offline.
   */
  'phone:networkHint': command(networkHintSchema, z.object({})),
};

export const phoneEvents = {
  'phone:status': event(phoneStatusSchema),
  'media:request': event(mediaRequestSchema),
  'media:devices': event(audioDevicesSchema),
};
