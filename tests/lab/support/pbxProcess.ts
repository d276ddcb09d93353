/**
 * The PBX side of the network lab, inside the "pbx" namespace: the
 * ChanSpy-like lab feature server (werift, agent 500 Hz + customer 1200 Hz)
 * registered at the Kamailio that runs next to it. Its media candidates are
 * the PBX namespace's own address; the seat reaches it only through the NAT
 * (or, with direct UDP blocked, only through TURN).
 */
import { startChanSpyServer, type ChanSpyServer } from './chanSpyServer';
import { serveParent } from './nsChild';

let server: ChanSpyServer | undefined;

serveParent({
  ping: () => 'pong',
  async start(wsUrl: string, dialled: string) {
    server = await startChanSpyServer(wsUrl, dialled, 'agent');
    return true;
  },
  mode: () => server!.mode(),
  measureEars: (ms: number) => server!.measureEars(ms),
  sessions: () => server!.sessions.length,
  async stop() {
    await server?.stop().catch(() => undefined);
    setImmediate(() => process.exit(0));
  },
});
