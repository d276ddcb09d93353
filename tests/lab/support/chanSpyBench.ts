import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { DialPlanProfile } from '../../../main/phone/pbxProfiles';
import { JsSipSoftphone } from '../../../main/phone/softphone';
import { startChanSpyServer, type ChanSpyOptions, type ChanSpyServer } from './chanSpyServer';
import { startChromiumMediaHost, type ChromiumMediaHost } from './chromiumMediaHost';
import { startKamailio, type Kamailio } from './processes';

/** Polls `cond` every 20 ms; throws naming `what` once `ms` have passed. */
export const until = async (cond: () => boolean | Promise<boolean>, what: string, ms = 8000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A party's ear level (0..1 RMS) above which it counts as hearing the supervisor. */
export const HEARD = 0.02;

export interface ChanSpyBench {
  /** The Chromium supervisor's media (mic state, tones heard); set once the describe block's beforeAll ran. */
  readonly media: ChromiumMediaHost;
  /**
   * A fresh lab server answering `dialled(extension)` on the next extension and
   * a supervisor phone registered with `profile`; both are ended after the test.
   */
  setup(dialled: (extension: string) => string, opts: ChanSpyOptions, profile: DialPlanProfile): Promise<{ extension: string; server: ChanSpyServer; phone: JsSipSoftphone }>;
}

/**
 * Kamailio and the Chromium supervisor once for the describe block this is
 * called in, a lab server and a registered phone per test (from `firstExtension` + 1 up).
 */
export function useChanSpyBench(firstExtension: number): ChanSpyBench {
  let kam: Kamailio;
  let media: ChromiumMediaHost;
  let phone: JsSipSoftphone | undefined;
  let server: ChanSpyServer | undefined;
  let ext = firstExtension;

  beforeAll(async () => {
    kam = await startKamailio();
    media = await startChromiumMediaHost();
  });
  afterEach(async () => {
    await phone?.unregister();
    await server?.stop();
    phone = undefined;
    server = undefined;
  });
  afterAll(async () => {
    await media?.close();
    await kam?.stop();
  });

  return {
    get media() {
      return media;
    },
    async setup(dialled, opts, profile) {
      const extension = String(++ext);
      server = await startChanSpyServer(kam.wsUrl, dialled(extension), 'agent', opts);
      phone = new JsSipSoftphone({ mediaHost: media.host });
      const s = await phone.register({ wsUrl: kam.wsUrl, uri: 'sip:sup1@127.0.0.1', password: 'secret', profile });
      expect(s.registration).toBe('registered');
      return { extension, server, phone };
    },
  };
}
