import { expect, test } from '@playwright/test';
import { startChanSpyServer, type ChanSpyServer } from '../lab/support/chanSpyServer';
import { labUnavailableReason, startKamailio, type Kamailio } from '../lab/support/processes';
import { monitorAlexKim } from './fixtures';
import { startWebHostProcess, type WebHostProcess } from './webHost';

/**
 * Issue 13 found 2 on a real SIP path: real Chromium, the web host's JsSIP, a
 * real Kamailio and the ChanSpy-like lab server (JsSIP on werift). After a
 * reload the leg's dialog is re-INVITEd with the new page's offer. This PBX's
 * media stack (werift) answers 200 OK but never re-runs ICE for the new
 * endpoint (measured: it stays 'checking'), so no audio comes back: the leg
 * must end cleanly — mic off throughout, a notice, the ended toolbar — never
 * sit there looking live. (The success path is audio.spec.ts on the demo PBX.)
 */
const skip = labUnavailableReason(['kamailio'], 'reload e2e');

test('reload while coaching on a PBX that cannot move the media: one re-INVITE of the same dialog, then a clean end with the reason', async ({ page }) => {
  test.skip(!!skip, skip ?? '');
  let kam: Kamailio | undefined;
  let server: ChanSpyServer | undefined;
  let host: WebHostProcess | undefined;
  try {
    kam = await startKamailio();
    server = await startChanSpyServer(kam.wsUrl, '*2222001', 'agent', {});
    host = await startWebHostProcess([], { SPYGLASS_SIP_PASSWORD: 'secret' }, { 'phone.profile': 'asterisk-chanspy', 'phone.server': kam.wsUrl, 'phone.user': 'sip:sup1@127.0.0.1' });
    await page.goto(host.url);
    await expect(page.getByText(/Phone: ready/)).toBeVisible({ timeout: 30_000 });
    const toolbar = await monitorAlexKim(page);
    await expect(page.getByText('Dialing…')).toHaveCount(0);
    await page.keyboard.press('Alt+C');
    await expect(page.getByTestId('hot-mic')).toBeVisible({ timeout: 15_000 });
    await expect.poll(async () => (await server!.measureEars(1000)).agent, { timeout: 15_000 }).toBeGreaterThan(0.01);
    const session = server.sessions[0]!;
    const offers: string[] = [];
    session.on('sdp', (e: { originator: string; type: string; sdp: string }) => {
      if (e.originator === 'remote' && e.type === 'offer') offers.push(e.sdp);
    });
    const firstOffer = session.connection.remoteDescription!.sdp;

    await page.reload();
    await expect(page.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
    // While the audio is being moved nothing claims a mode or a live mic, and nobody hears the supervisor.
    await expect(toolbar).toContainText('Reconnecting your audio — Alex Kim');
    await expect(page.getByTestId('hot-mic')).toHaveCount(0);
    expect((await server.measureEars(1000)).fromSupervisor).toBeLessThan(0.005);

    // The same dialog was re-INVITEd once through Kamailio with the new page's peer: new DTLS
    // fingerprint and ICE credentials, the dialog's SDP session id with a higher version.
    expect(offers).toHaveLength(1);
    expect(server.sessions).toHaveLength(1);
    const line = (sdp: string, prefix: string) => sdp.split(/\r?\n/).find((l) => l.startsWith(prefix)) ?? '';
    expect(line(offers[0]!, 'a=fingerprint:')).not.toBe(line(firstOffer, 'a=fingerprint:'));
    expect(line(offers[0]!, 'a=ice-ufrag:')).not.toBe(line(firstOffer, 'a=ice-ufrag:'));
    const origin = (sdp: string) => line(sdp, 'o=').split(' ');
    expect(origin(offers[0]!)[1]).toBe(origin(firstOffer)[1]);
    expect(BigInt(origin(offers[0]!)[2]!)).toBeGreaterThan(BigInt(origin(firstOffer)[2]!));

    // No audio on the new peer within the bound: the leg ends (BYE) with the reason, the toolbar stays as a wrap-up.
    await expect(toolbar).toContainText('Coaching Alex Kim ended', { timeout: 20_000 });
    await expect(toolbar).toContainText('did not come back within 10 s after the window reloaded');
    await expect(page.getByTestId('hot-mic')).toHaveCount(0);
    await expect.poll(() => session.isEnded(), { timeout: 5_000 }).toBe(true);
    expect((await server.measureEars(500)).fromSupervisor).toBe(0);
  } finally {
    await host?.stop();
    await server?.stop();
    await kam?.stop();
  }
});
