import { withoutRetiredSettings } from './retiredSettings';
import { isSettingKey, settingsShape, type SettingKey, type Settings } from './settingsSchema';

/** One entry of the user's file that was not applied, and why (shown to the user as is). */
export interface IgnoredSetting {
  key: string;
  reason: string;
}

export type UserSettingsRead =
  /**
   * `values`: every entry that is valid on its own. `ignored`: the others, with
   * their raw values kept in `kept` so a save writes them back unchanged.
   */
  | { readable: true; values: Partial<Settings>; ignored: IgnoredSetting[]; kept: Record<string, unknown> }
  /** Not JSON, or JSON that is not an object: nothing in it can be applied. */
  | { readable: false; reason: string };

/**
 * Reads the user's settings file key by key. Unlike the IT policy (all or
 * nothing, so half a policy cannot unlock what IT meant to lock), the user's
 * own file keeps every valid value: one typo must not reset the rest.
 * Retired keys are dropped silently (an older version wrote them; see retiredSettings.ts).
 */
export function readUserSettings(text: string): UserSettingsRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { readable: false, reason: `not valid JSON (${(e as Error).message})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { readable: false, reason: `not a JSON object (it is ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : `a ${typeof raw}`})` };
  }
  const { values: current } = withoutRetiredSettings(raw);
  const values: Partial<Record<SettingKey, unknown>> = {};
  const ignored: IgnoredSetting[] = [];
  // Null prototype: a "__proto__" key in the file is kept as data, never as this object's prototype.
  const kept: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(current as Record<string, unknown>)) {
    if (!isSettingKey(key)) {
      ignored.push({ key, reason: 'not a Spyglass setting' });
      kept[key] = value;
      continue;
    }
    const parsed = settingsShape[key].safeParse(value);
    if (parsed.success) {
      values[key] = parsed.data;
    } else {
      ignored.push({ key, reason: parsed.error.issues[0]?.message ?? 'wrong type' });
      kept[key] = value;
    }
  }
  return { readable: true, values: values as Partial<Settings>, ignored, kept };
}

/** What the user is told about their file; undefined when everything in it applied. */
export function describeUserSettingsProblem(file: string, read: UserSettingsRead, keptAsidePath?: string): string | undefined {
  if (!read.readable) {
    return keptAsidePath
      ? `Your settings file ${file} was ${read.reason}; it was kept as ${keptAsidePath} and a new one was started.`
      : `Your settings file ${file} is ${read.reason}; defaults are used. The file is left as it is until you change a setting, then it is kept aside as ${file}.bad-<time>.`;
  }
  if (read.ignored.length === 0) return undefined;
  const list = read.ignored.map((i) => `“${i.key}” (${i.reason})`).join('; ');
  return (
    `Your settings file ${file} has ${read.ignored.length === 1 ? 'a value' : `${read.ignored.length} values`} Spyglass cannot use: ${list}. ` +
    'Every other setting in it applies. The file is not changed; saving a new value for such a setting, or resetting it, replaces it.'
  );
}

/** `settings.json.bad-2026-12-01T15-29-27-123Z`: sortable, and valid on every file system (no colons). */
export function keptAsideName(file: string, now: number): string {
  return `${file}.bad-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
}
