/**
 * The demo PBX: what the embedded demo dials when the supervisor monitors a
 * demo call. Reached over an in-process JsSIP socket (no network, nothing to
 * install) and driven through the real path: JsSIP in main -> RemotePeer-
 * Connection -> the renderer's RTCPeerConnection. Its media side is a
 * renderer-local far-end peer (renderer/src/media/demoFarEnd.ts, reached via
 * the MediaHost's demo* methods) that plays the agent and customer voices
 * and meters who can hear the supervisor.
 *
 * Behaves like Asterisk ChanSpy: dial <featureCode><extension>, INFO DTMF
 * 4/5/6 (configurable) switches monitor/coach/barge on the same leg.
 */
import type { SupervisionMode } from '../../../preload/contract/domain';
import type { MediaHost } from '../mediaHost';
import { asteriskChanSpy, modeForDigits, type DialPlanProfile } from '../pbxProfiles';
import type { SipAccount } from '../softphone';
import { InProcessSocket } from './inProcessSocket';
import { BOTH_VOICES, type DemoVoices } from './demoVoices';
import { SipUas, type UasCall } from './sipUas';

export const DEMO_PBX_HOST = 'demo-pbx.invalid';

export interface DemoPbxOptions {
  mediaHost: MediaHost;
  profile?: DialPlanProfile;
  /** Extensions that exist in the demo (others get 404). Default: any. */
  isKnownExtension?: (extension: string) => boolean;
  /** Extensions whose calls are already monitored by someone else (486). */
  isBusy?: (extension: string) => boolean;
}

export interface DemoLeg {
  extension: string;
  mode: SupervisionMode;
  farEndId: string;
  call: UasCall;
}

export class DemoPbx {
  readonly profile: DialPlanProfile;
  readonly uas: SipUas;
  private readonly legs = new Map<string, DemoLeg>();
  private counter = 0;
  /** The voices the supervisor hears now (the audibility rules); a leg answered later starts with them. */
  private voices: DemoVoices = BOTH_VOICES;

  constructor(private readonly options: DemoPbxOptions) {
    this.profile = options.profile ?? asteriskChanSpy({ id: 'demo', label: 'Demo PBX' });
    this.uas = new SipUas({
      host: DEMO_PBX_HOST,
      users: null,
      hooks: {
        onInvite: async (call) => {
          const { featureCode } = this.profile;
          if (!call.dialled.startsWith(featureCode)) return { reject: { status: 404, reason: 'Not Found' } };
          const extension = call.dialled.slice(featureCode.length);
          if (options.isKnownExtension && !options.isKnownExtension(extension)) return { reject: { status: 404, reason: 'Not Found' } };
          if (options.isBusy?.(extension)) return { reject: { status: 486, reason: 'Busy Here' } };
          const farEndId = `demo${++this.counter}`;
          const r = await options.mediaHost.request(farEndId, 'demoAnswer', [call.offerSdp, this.voices]);
          if (!r.desc?.sdp) return { reject: { status: 488, reason: 'Not Acceptable Here' } };
          this.legs.set(call.callId, { extension, mode: 'monitor', farEndId, call });
          return { answerSdp: r.desc.sdp };
        },
        // The supervisor's page reloaded and offers a new peer on the same leg (main/phone/reattach.ts):
        // the far end lived in that page too, so a new one answers, in the mode the leg is in.
        onReinvite: async (call, offer) => {
          const leg = this.legs.get(call.callId);
          if (!leg || sameMediaEndpoint(call.offerSdp, offer)) return undefined;
          const farEndId = `demo${++this.counter}`;
          const r = await options.mediaHost.request(farEndId, 'demoAnswer', [offer, this.voices]);
          if (!r.desc?.sdp) return { reject: { status: 488, reason: 'Not Acceptable Here' } };
          if (leg.mode !== 'monitor') await options.mediaHost.request(farEndId, 'demoSetMode', [leg.mode]);
          const previous = leg.farEndId;
          leg.farEndId = farEndId;
          void options.mediaHost.request(previous, 'demoClose', []).catch(() => undefined);
          return { answerSdp: r.desc.sdp };
        },
        onDtmf: (call, tone) => {
          const leg = this.legs.get(call.callId);
          const mode = modeForDigits(this.profile.digits, tone);
          if (!leg || !mode) return;
          leg.mode = mode;
          void options.mediaHost.request(leg.farEndId, 'demoSetMode', [mode]).catch(() => undefined);
        },
        onEnded: (call) => {
          const leg = this.legs.get(call.callId);
          if (!leg) return;
          this.legs.delete(call.callId);
          void options.mediaHost.request(leg.farEndId, 'demoClose', []).catch(() => undefined);
        },
      },
    });
  }

  /** The socket factory to give the softphone (SoftphoneDeps.createSocket). */
  createSocket = (): InProcessSocket => new InProcessSocket(this.uas, DEMO_PBX_HOST);

  /** The SIP account the softphone registers with in demo mode. */
  account(user = 'supervisor'): SipAccount {
    return { wsUrl: `ws://${DEMO_PBX_HOST}`, uri: `sip:${user}@${DEMO_PBX_HOST}`, password: 'demo', profile: this.profile };
  }

  /** Current supervisor legs (for the demo connector and tests). */
  activeLegs(): DemoLeg[] {
    return [...this.legs.values()];
  }

  /** The demo call on `extension` ended: hang up the supervisor leg monitoring it. */
  callEnded(extension: string): void {
    for (const leg of this.legs.values()) if (leg.extension === extension) this.uas.hangUp(leg.call);
  }

  /**
   * The monitored call changed (hold, transfer, consult, the picked
   * participant): play exactly the voices the audibility rules say the
   * supervisor hears. Not a SIP hold of the supervisor's leg: that would
   * silence the picked participant too, and the rule is "hold: hear only the
   * picked one". One supervisor, one leg at a time: it applies to every leg.
   */
  followCall(voices: DemoVoices): void {
    if (voices.agent === this.voices.agent && voices.customer === this.voices.customer) return;
    this.voices = voices;
    for (const leg of this.legs.values()) void this.options.mediaHost.request(leg.farEndId, 'demoSetVoices', [voices]).catch(() => undefined);
  }
}

/**
 * Does a re-offer come from the same media endpoint as the offer before it (a
 * hold or direction change) rather than a new peer connection (new ICE
 * credentials, DTLS fingerprint or transport address)?
 */
export function sameMediaEndpoint(before: string, after: string): boolean {
  const facts = (sdp: string) =>
    ['a=ice-ufrag:', 'a=fingerprint:', 'm=audio ', 'c=']
      .map((prefix) => sdp.split(/\r?\n/).find((line) => line.startsWith(prefix)) ?? '')
      .map((line) => (line.startsWith('m=audio ') ? (line.split(' ')[1] ?? '') : line))
      .join('\n');
  return facts(before) === facts(after);
}
