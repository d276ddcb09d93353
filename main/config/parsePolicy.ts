import { partialSettingsSchema, type Settings } from './settingsSchema';

export type PolicyParse =
  | { ok: true; values: Partial<Settings> }
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
  const parsed = partialSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    return { ok: false, error: `The IT policy file ${file} is invalid (${problems}). No policy was applied; ask IT to fix the file.` };
  }
  return { ok: true, values: parsed.data as Partial<Settings> };
}
