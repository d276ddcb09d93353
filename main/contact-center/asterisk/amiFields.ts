import { z } from 'zod';
import type { AmiFields } from './amiFrameParser';

/**
 * Reading AMI events: the channel block every channel event carries (with
 * an optional prefix such as "Spyer", "Dest", "Transferee"), checked with
 * zod. Values come from the network: lengths are capped and ids must look
 * like Asterisk ids, so nothing odd becomes a map key or an interaction id.
 */

/** Asterisk uniqueids look like "1733060000.42" (or "sysname-1733060000.42"). */
export const uniqueidSchema = z.string().regex(/^[A-Za-z0-9._:@-]{1,150}$/);
const text = z.string().max(200);

export const channelBlockSchema = z.object({
  Channel: z.string().min(1).max(200),
  Uniqueid: uniqueidSchema,
  Linkedid: uniqueidSchema.optional(),
  ChannelStateDesc: text.optional(),
  CallerIDNum: text.optional(),
  CallerIDName: text.optional(),
  ConnectedLineNum: text.optional(),
  ConnectedLineName: text.optional(),
  Context: text.optional(),
  Exten: text.optional(),
});
export type ChannelBlock = z.infer<typeof channelBlockSchema>;

const channelKeys = Object.keys(channelBlockSchema.shape) as (keyof ChannelBlock)[];

/** The channel block under `prefix` (e.g. "Spyee"), or undefined when absent or malformed. */
export function channelBlock(event: AmiFields, prefix = ''): ChannelBlock | undefined {
  const raw: Record<string, string> = {};
  for (const key of channelKeys) {
    const value = event[`${prefix}${key}`];
    if (value !== undefined) raw[key] = value;
  }
  const parsed = channelBlockSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** "PJSIP/1001-0000002a" -> "PJSIP/1001"; "Local/1001@agents-00000003;1" -> "Local/1001@agents". */
export function endpointOf(channelName: string): string {
  const semi = channelName.lastIndexOf(';');
  const base = semi > 0 ? channelName.slice(0, semi) : channelName;
  const dash = base.lastIndexOf('-');
  const slash = base.indexOf('/');
  return dash > slash && slash > 0 ? base.slice(0, dash) : base;
}

/** The extension an endpoint or interface dials: "PJSIP/1001" -> "1001", "Local/1001@agents/n" -> "1001". */
export function extensionOf(endpoint: string): string {
  const slash = endpoint.indexOf('/');
  const rest = slash >= 0 ? endpoint.slice(slash + 1) : endpoint;
  const at = rest.indexOf('@');
  const colon = rest.indexOf(':');
  const end = at >= 0 ? at : rest.indexOf('/') >= 0 ? rest.indexOf('/') : rest.length;
  const start = colon >= 0 && colon < end ? colon + 1 : 0;
  return rest.slice(start, end);
}

/** Caller ID names Asterisk uses for "none". */
export const meaningfulName = (value: string | undefined): string | undefined =>
  value === undefined || value === '' || value === '<unknown>' || value === '<Unknown>' ? undefined : value;

/** A non-negative integer field, or undefined. */
export function intField(event: AmiFields, key: string): number | undefined {
  const value = event[key];
  if (value === undefined || !/^\d{1,12}$/.test(value)) return undefined;
  return Number(value);
}

/** A percentage like "83.3" (0..100), or undefined. */
export function percentField(event: AmiFields, key: string): number | undefined {
  const value = event[key];
  if (value === undefined || !/^\d{1,3}(\.\d{1,6})?$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 100 ? n : undefined;
}

/**
 * The creation time Asterisk wrote into a uniqueid (`[system-]<epoch seconds>.<sequence>`), in ms;
 * undefined when the id does not have that shape or the seconds are not a plausible date
 * (2001–2286). A linkedid's time never changes, so it is the call's stable epoch: after a
 * Spyglass restart the call is re-derived from `CoreShowChannels` with a start time rounded to
 * AMI's whole-second Duration, and without this the cache would store it as a second record.
 */
export function uniqueidEpochMs(uniqueid: string): number | undefined {
  const dot = uniqueid.lastIndexOf('.');
  if (dot <= 0 || dot === uniqueid.length - 1) return undefined;
  const secondsText = uniqueid.slice(uniqueid.lastIndexOf('-', dot) + 1, dot);
  if (!/^\d{1,11}$/.test(secondsText) || !/^\d+$/.test(uniqueid.slice(dot + 1))) return undefined;
  const seconds = Number(secondsText);
  return seconds >= 1_000_000_000 && seconds < 10_000_000_000 ? seconds * 1000 : undefined;
}

/** Age order of two uniqueids ("1733060000.42" < "1733060001.3"): the older one comes first. */
export function compareUniqueids(a: string, b: string): number {
  if (a === b) return 0;
  const da = a.lastIndexOf('.');
  const db = b.lastIndexOf('.');
  if (da > 0 && db > 0) {
    // Seconds, then the sequence number (hot path: no regex, no allocation).
    const sa = Number(a.slice(Math.max(a.lastIndexOf('-', da) + 1, 0), da));
    const sb = Number(b.slice(Math.max(b.lastIndexOf('-', db) + 1, 0), db));
    const qa = Number(a.slice(da + 1));
    const qb = Number(b.slice(db + 1));
    if (Number.isFinite(sa) && Number.isFinite(sb) && Number.isFinite(qa) && Number.isFinite(qb)) return sa - sb || qa - qb;
  }
  return a < b ? -1 : 1;
}

/** "01:02:03" -> 3723 seconds. */
export function durationSeconds(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^(\d{1,6}):(\d{2}):(\d{2})$/.exec(value);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
}
