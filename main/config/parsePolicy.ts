import { retiredSettings, withoutRetiredSettings } from './retiredSettings';
import { partialSettingsSchema, type Settings } from './settingsSchema';

export type PolicyParse =
  /** `warnings`: retired keys the file still sets, ignored (the rest applies). */
  | { ok: true; values: Partial<Settings>; warnings: string[] }
  | { ok: false; error: string };

/**
 * Parses the IT policy file. All or nothing: a policy with one bad value is
 * rejected whole, because half a policy could unlock what IT meant to lock.
 */
export function parsePolicy(text: string, file: string): PolicyParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `The IT policy file ${file} is not valid JSON (${(e as Error).message}). No policy was applied; ask IT to fix the file.` };
  }
  const { values, retired } = withoutRetiredSettings(raw);
  const parsed = partialSettingsSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    return { ok: false, error: `The IT policy file ${file} is invalid (${problems}). No policy was applied; ask IT to fix the file.` };
  }
  const warnings = retired.map(
    (key) => `The IT policy file ${file} sets “${key}”, which Spyglass no longer has (${retiredSettings[key]}). It was ignored; the rest of the policy applies. IT can remove the key.`,
  );
  return { ok: true, values: parsed.data as Partial<Settings>, warnings };
}
