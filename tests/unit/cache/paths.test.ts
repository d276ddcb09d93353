import { describe, expect, it } from 'vitest';
import { cacheDatabasePath, cacheDirectory } from '../../../main/cache/paths';

describe('cache location', () => {
  it('uses LOCALAPPDATA on Windows, never the roaming APPDATA', () => {
    const env = {
      LOCALAPPDATA: 'C:\\Users\\sue\\AppData\\Local',
      APPDATA: 'C:\\Users\\sue\\AppData\\Roaming',
      USERPROFILE: 'C:\\Users\\sue',
    };
    expect(cacheDatabasePath('win32', env)).toBe('C:\\Users\\sue\\AppData\\Local\\Spyglass\\cache\\session-cache.sqlite');
    expect(cacheDatabasePath('win32', env)).not.toContain('Roaming');
  });

  it('falls back to USERPROFILE\\AppData\\Local on Windows', () => {
    expect(cacheDirectory('win32', { USERPROFILE: 'C:\\Users\\sue', APPDATA: 'C:\\Users\\sue\\AppData\\Roaming' })).toBe(
      'C:\\Users\\sue\\AppData\\Local\\Spyglass\\cache',
    );
  });

  it('uses XDG_CACHE_HOME or ~/.cache on Linux', () => {
    expect(cacheDirectory('linux', { XDG_CACHE_HOME: '/var/cache/sue/', HOME: '/home/sue' })).toBe('/var/cache/sue/spyglass');
    expect(cacheDirectory('linux', { HOME: '/home/sue' })).toBe('/home/sue/.cache/spyglass');
    // Relative XDG values are invalid per the spec.
    expect(cacheDirectory('linux', { XDG_CACHE_HOME: 'cache', HOME: '/home/sue' })).toBe('/home/sue/.cache/spyglass');
  });

  it('uses ~/Library/Caches on macOS', () => {
    expect(cacheDatabasePath('darwin', { HOME: '/Users/sue' })).toBe('/Users/sue/Library/Caches/Spyglass/session-cache.sqlite');
  });

  it('fails clearly without a home directory', () => {
    expect(() => cacheDirectory('linux', {})).toThrow(/HOME/);
    expect(() => cacheDirectory('win32', {})).toThrow(/LOCALAPPDATA/);
  });
});
