/**
 * A bad link in user space, for kernels without tc netem (Firecracker's:
 * "Specified qdisc kind is unknown"). Runs in the lab's router namespace: UDP
 * from the seat to `listen` goes on to `target` and back, each packet dropped
 * with probability `loss` and otherwise delayed `delayMs ± jitterMs`
 * (uniform), in both directions, like `netem loss 5% delay 30ms 30ms`.
 * One upstream socket per seat address, as a NAT keeps one mapping each.
 */
import { createSocket, type Socket } from 'node:dgram';
import { serveParent } from './nsChild';

let down: Socket | undefined;
const ups = new Map<string, Socket>();
let counts = { forwarded: 0, dropped: 0 };

serveParent({
  ping: () => 'pong',
  async start(listenHost: string, listenPort: number, targetHost: string, targetPort: number, loss: number, delayMs: number, jitterMs: number) {
    const impair = (send: () => void) => {
      if (Math.random() < loss) {
        counts.dropped++;
        return;
      }
      counts.forwarded++;
      setTimeout(send, Math.max(0, delayMs + (Math.random() * 2 - 1) * jitterMs));
    };
    down = createSocket('udp4');
    down.on('message', (msg, from) => {
      const key = `${from.address}:${from.port}`;
      let up = ups.get(key);
      if (!up) {
        const u = createSocket('udp4');
        u.on('message', (back) => impair(() => down?.send(back, from.port, from.address)));
        u.bind(0);
        ups.set(key, u);
        up = u;
      }
      const sock = up;
      impair(() => sock.send(msg, targetPort, targetHost));
    });
    await new Promise<void>((r) => down!.bind(listenPort, listenHost, () => r()));
    return true;
  },
  counts: () => counts,
  reset: () => (counts = { forwarded: 0, dropped: 0 }),
  stop() {
    down?.close();
    for (const u of ups.values()) u.close();
    setImmediate(() => process.exit(0));
  },
});
