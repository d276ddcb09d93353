/**
 * The PBX side of the network lab, inside the "pbx" namespace: the
 * ChanSpy-like lab feature server (werift, agent 500 Hz + customer 1200 Hz)
 * registered at the Kamailio that runs next to it. Its media candidates are
 * the PBX namespace's own address; the seat reaches it only through the NAT
 * (or, with direct UDP blocked, only through TURN). bench:softphone uses
 * the plain werift feature server here instead (startBench).
 */
import { startChanSpyServer, type ChanSpyServer } from './chanSpyServer';
import { serveParent } from './nsChild';
import { startWeriftFeatureServer, type WeriftFeatureServer } from './weriftFeatureServer';

let server: ChanSpyServer | undefined;
/** bench:softphone's feature server: audio as soon as ICE/DTLS connect (click-to-audio over TURN). */
let bench: WeriftFeatureServer | undefined;

serveParent({
  ping: () => 'pong',
  async start(wsUrl: string, dialled: string, stunServer?: string) {
    server = await startChanSpyServer(wsUrl, dialled, 'agent', stunServer ? { stunServer } : {});
    return true;
  },
  async startBench(wsUrl: string, dialled: string, stunServer?: string) {
    bench = await startWeriftFeatureServer(wsUrl, dialled, stunServer ? { stunServer } : {});
    return true;
  },
  mode: () => server!.mode(),
  measureEars: (ms: number) => server!.measureEars(ms),
  sessions: () => server!.sessions.length,
  async stop() {
    await server?.stop().catch(() => undefined);
    await bench?.stop().catch(() => undefined);
    setImmediate(() => process.exit(0));
  },
});
