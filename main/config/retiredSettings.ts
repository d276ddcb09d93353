/**
 * Settings Spyglass once had and no longer has. Old policy and settings files
 * that still name them keep working: the key is dropped with a warning, never
 * a reason to reject the whole file (bad input loses nothing).
 */
export const retiredSettings: Readonly<Record<string, string>> = {
  'updates.enabled': 'Spyglass has no automatic updater; per-machine installs are updated by IT',
};

/** The object without its retired keys, and which ones it had. Anything that is not a plain object passes through. */
export function withoutRetiredSettings(raw: unknown): { values: unknown; retired: string[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { values: raw, retired: [] };
  // Null prototype: a "__proto__" key in the file stays a key (reported as unknown), not this object's prototype.
  const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const retired: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (Object.prototype.hasOwnProperty.call(retiredSettings, key)) retired.push(key);
    else values[key] = value;
  }
  return { values, retired };
}
