/**
 * The lab finds its tools where Debian puts them, and on CI a missing tool
 * fails with the install command instead of skipping (issue 15, item 4).
 */
import { describe, expect, it } from 'vitest';
import { findTool, isCi, labVerdict, toolSearchDirs } from '../../lab/support/labTools';

/** A fake file system: exactly these files exist. */
const only = (...files: string[]) => (f: string) => files.includes(f);

describe('lab tool lookup', () => {
  it('finds kamailio in /usr/sbin when PATH does not name it (a normal user on Debian)', () => {
    const dirs = toolSearchDirs('/home/u/bin:/usr/local/bin:/usr/bin:/bin');
    expect(findTool('kamailio', dirs, only('/usr/sbin/kamailio'))).toBe('/usr/sbin/kamailio');
    expect(findTool('sipp', dirs, only('/usr/bin/sipp', '/usr/sbin/kamailio'))).toBe('/usr/bin/sipp');
  });

  it('prefers PATH order, so a tool the user put first wins over the system one', () => {
    const dirs = toolSearchDirs('/opt/kam/sbin:/usr/bin');
    expect(findTool('kamailio', dirs, only('/usr/sbin/kamailio', '/opt/kam/sbin/kamailio'))).toBe('/opt/kam/sbin/kamailio');
  });

  it('searches the system dirs even with no PATH at all, each dir once', () => {
    const dirs = toolSearchDirs(undefined);
    expect(dirs).toEqual(expect.arrayContaining(['/usr/sbin', '/usr/bin']));
    expect(new Set(toolSearchDirs('/usr/bin:/usr/sbin::/usr/bin')).size).toBe(toolSearchDirs('/usr/bin:/usr/sbin::/usr/bin').length);
  });

  it('returns null when no dir holds the tool, and joins a dir with a trailing slash correctly', () => {
    expect(findTool('sipp', ['/usr/bin', '/usr/sbin'], only('/usr/bin/kamailio'))).toBeNull();
    expect(findTool('sipp', ['/opt/x/'], only('/opt/x/sipp'))).toBe('/opt/x/sipp');
  });
});

describe('what a missing tool means', () => {
  it('runs when nothing is missing', () => {
    expect(labVerdict([], true)).toEqual({ kind: 'run' });
  });

  it('skips on a developer machine, naming the Debian packages to install', () => {
    const v = labVerdict(['kamailio'], false, 'SIP lab');
    expect(v.kind).toBe('skip');
    expect(v.kind !== 'run' && v.reason).toContain('apt-get install kamailio kamailio-websocket-modules');
  });

  it('fails on CI with the install command for every missing tool', () => {
    const v = labVerdict(['sipp', 'chromium'], true, 'audio lab');
    expect(v.kind).toBe('fail');
    expect(v.kind !== 'run' && v.reason).toContain('apt-get install sip-tester chromium');
  });

  it('reads CI the way CI providers set it', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({})).toBe(false);
  });
});
