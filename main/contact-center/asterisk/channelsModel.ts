import type { AmiFields } from './amiFrameParser';
import { channelBlock, durationSeconds, endpointOf, type ChannelBlock } from './amiFields';

/**
 * The live channels as AMI reports them (Newchannel, Newstate, caller id
 * changes, BridgeEnter/Leave, Hold/Unhold, Hangup; CoreShowChannel on
 * resync) and who spies on whom (ChanSpyStart/Stop). Bounded by
 * `maxChannels`: beyond it new channels are ignored with a warning, so a
 * flood of channels cannot grow memory without limit. Pure: time is an
 * argument.
 */

export interface SpyState {
  /** The spied channel, while spying (ChanSpyStart .. ChanSpyStop). */
  spyeeUniqueid?: string;
  since: number;
}

export interface ChannelRecord {
  uniqueid: string;
  linkedid: string;
  name: string;
  /** "PJSIP/1001" for "PJSIP/1001-0000002a". */
  endpoint: string;
  callerNum?: string;
  callerName?: string;
  connectedNum?: string;
  connectedName?: string;
  /** ChannelStateDesc: Down, Ring, Ringing, Up, Busy, … */
  state: string;
  held: boolean;
  heldSince?: number;
  bridgeId?: string;
  createdAt: number;
  exten?: string;
  /** The dialplan application, when known (CoreShowChannel, Newexten). */
  application?: string;
  applicationData?: string;
  /** Set on a channel that runs ChanSpy (the spyer). */
  spy?: SpyState;
}

export type ChannelChange =
  | { kind: 'created'; channel: ChannelRecord }
  | { kind: 'hungup'; channel: ChannelRecord }
  | { kind: 'held' | 'unheld'; channel: ChannelRecord }
  | { kind: 'spy-start' | 'spy-stop'; spyer: ChannelRecord; spyeeUniqueid: string | undefined };

export class ChannelsModel {
  readonly byId = new Map<string, ChannelRecord>();
  /** Bridge uniqueid -> the channels in it (for grouping channels into calls). */
  readonly bridges = new Map<string, Set<ChannelRecord>>();
  private warnedFull = false;

  constructor(
    private readonly maxChannels: number,
    private readonly warn: (message: string) => void,
  ) {}

  clear(): void {
    this.byId.clear();
    this.bridges.clear();
    this.warnedFull = false;
  }

  /** Creates or refreshes the channel a block describes; undefined when full or malformed. */
  upsert(block: ChannelBlock, now: number): ChannelRecord | undefined {
    let ch = this.byId.get(block.Uniqueid);
    if (!ch) {
      if (this.byId.size >= this.maxChannels) {
        if (!this.warnedFull) this.warn(`More than ${this.maxChannels} live channels: new ones are not shown until some end.`);
        this.warnedFull = true;
        return undefined;
      }
      ch = {
        uniqueid: block.Uniqueid,
        linkedid: block.Linkedid ?? block.Uniqueid,
        name: block.Channel,
        endpoint: endpointOf(block.Channel),
        state: block.ChannelStateDesc ?? 'Down',
        held: false,
        createdAt: now,
      };
      this.byId.set(ch.uniqueid, ch);
    }
    // Every event carries the channel's current facts (linkedid changes when calls are joined).
    if (block.Linkedid) ch.linkedid = block.Linkedid;
    if (block.Channel !== ch.name) {
      ch.name = block.Channel;
      ch.endpoint = endpointOf(block.Channel);
    }
    if (block.ChannelStateDesc) ch.state = block.ChannelStateDesc;
    if (block.CallerIDNum !== undefined) ch.callerNum = block.CallerIDNum;
    if (block.CallerIDName !== undefined) ch.callerName = block.CallerIDName;
    if (block.ConnectedLineNum !== undefined) ch.connectedNum = block.ConnectedLineNum;
    if (block.ConnectedLineName !== undefined) ch.connectedName = block.ConnectedLineName;
    if (block.Exten !== undefined && ch.exten === undefined) ch.exten = block.Exten;
    return ch;
  }

  /**
   * Folds one channel-related event. Returns what changed that a timeline
   * cares about, or undefined. Unknown and malformed events change nothing.
   */
  apply(event: AmiFields, now: number): ChannelChange | undefined {
    switch (event.Event) {
      case 'Newchannel': {
        const block = channelBlock(event);
        const existed = block ? this.byId.has(block.Uniqueid) : true;
        const ch = block && this.upsert(block, now);
        return ch && !existed ? { kind: 'created', channel: ch } : undefined;
      }
      case 'Newstate':
      case 'NewCallerid':
      case 'NewConnectedLine':
      case 'NewAccountCode':
      case 'DialState':
      case 'VarSet': {
        const block = channelBlock(event);
        // VarSet is very frequent: only refresh channels we already know.
        if (block && (event.Event !== 'VarSet' || this.byId.has(block.Uniqueid))) this.upsert(block, now);
        return undefined;
      }
      case 'DialBegin':
      case 'DialEnd': {
        for (const prefix of ['', 'Dest']) {
          const block = channelBlock(event, prefix);
          if (block) this.upsert(block, now);
        }
        return undefined;
      }
      case 'Newexten': {
        const block = channelBlock(event);
        const ch = block && this.upsert(block, now);
        if (ch && event.Application !== undefined && event.Application.length <= 80) {
          ch.application = event.Application;
          ch.applicationData = (event.AppData ?? '').slice(0, 200);
        }
        return undefined;
      }
      case 'CoreShowChannel': {
        const block = channelBlock(event);
        const ch = block && this.upsert(block, now);
        if (!ch) return undefined;
        const age = durationSeconds(event.Duration);
        if (age !== undefined) ch.createdAt = now - age * 1000;
        if (event.Application !== undefined && event.Application.length <= 80) ch.application = event.Application;
        if (event.ApplicationData !== undefined) ch.applicationData = event.ApplicationData.slice(0, 200);
        if (event.BridgeId) this.setBridge(ch, event.BridgeId.slice(0, 150));
        return undefined;
      }
      case 'Hangup': {
        const block = channelBlock(event);
        const ch = block ? this.byId.get(block.Uniqueid) : undefined;
        if (!ch) return undefined;
        if (block?.Linkedid) ch.linkedid = block.Linkedid;
        this.byId.delete(ch.uniqueid);
        this.setBridge(ch, undefined);
        return { kind: 'hungup', channel: ch };
      }
      case 'BridgeEnter': {
        const block = channelBlock(event);
        const ch = block && this.upsert(block, now);
        if (ch && event.BridgeUniqueid) this.setBridge(ch, event.BridgeUniqueid.slice(0, 150));
        return undefined;
      }
      case 'BridgeLeave': {
        const block = channelBlock(event);
        const ch = block && this.upsert(block, now);
        if (ch && ch.bridgeId === event.BridgeUniqueid) this.setBridge(ch, undefined);
        return undefined;
      }
      case 'Hold':
      case 'Unhold': {
        const block = channelBlock(event);
        const ch = block && this.upsert(block, now);
        if (!ch) return undefined;
        const held = event.Event === 'Hold';
        if (ch.held === held) return undefined;
        ch.held = held;
        if (held) ch.heldSince = now;
        else delete ch.heldSince;
        return { kind: held ? 'held' : 'unheld', channel: ch };
      }
      case 'ChanSpyStart':
      case 'ChanSpyStop': {
        const spyerBlock = channelBlock(event, 'Spyer');
        const spyer = spyerBlock && this.upsert(spyerBlock, now);
        if (!spyer) return undefined;
        const spyee = channelBlock(event, 'Spyee');
        if (spyee) this.upsert(spyee, now);
        if (event.Event === 'ChanSpyStart') {
          spyer.spy = { since: now, ...(spyee ? { spyeeUniqueid: spyee.Uniqueid } : {}) };
          return { kind: 'spy-start', spyer, spyeeUniqueid: spyee?.Uniqueid };
        }
        const was = spyer.spy?.spyeeUniqueid ?? spyee?.Uniqueid;
        spyer.spy = { since: now };
        return { kind: 'spy-stop', spyer, spyeeUniqueid: was };
      }
      default:
        return undefined;
    }
  }

  private setBridge(ch: ChannelRecord, bridgeId: string | undefined): void {
    if (ch.bridgeId === bridgeId) return;
    if (ch.bridgeId !== undefined) {
      const members = this.bridges.get(ch.bridgeId);
      members?.delete(ch);
      if (members?.size === 0) this.bridges.delete(ch.bridgeId);
    }
    if (bridgeId === undefined) {
      delete ch.bridgeId;
      return;
    }
    ch.bridgeId = bridgeId;
    let members = this.bridges.get(bridgeId);
    if (!members) {
      members = new Set();
      this.bridges.set(bridgeId, members);
    }
    members.add(ch);
  }

  /** A spyer whose spyee is not known from ChanSpyStart (a resync): the channel its ChanSpy prefix names. */
  inferredSpyee(spyer: ChannelRecord): ChannelRecord | undefined {
    if (spyer.application !== 'ChanSpy' || !spyer.applicationData) return undefined;
    const prefix = spyer.applicationData.split(',')[0]?.trim() ?? '';
    if (prefix.length < 3) return undefined;
    for (const ch of this.byId.values()) {
      if (ch !== spyer && ch.name.startsWith(prefix) && ch.application !== 'ChanSpy') return ch;
    }
    return undefined;
  }
}
