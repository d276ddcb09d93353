/**
 * The boolean keys of an Apple entitlements plist (a flat <dict> of
 * <key>…</key><true/>|<false/>), enough to check what a build is signed with.
 */
export function plistBooleans(xml: string): Map<string, boolean> {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, '');
  const result = new Map<string, boolean>();
  for (const match of withoutComments.matchAll(/<key>([^<]+)<\/key>\s*<(true|false)\s*\/>/g)) {
    result.set(match[1]!.trim(), match[2] === 'true');
  }
  return result;
}
