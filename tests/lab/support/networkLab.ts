/**
 * The network lab's parts, started together (lab test and bench:softphone):
 * the namespaces (netns.ts), coturn in "turn", Kamailio on the PBX
 * namespace's address, the PBX process and the seat process. `stop()` stops
 * every process by PID, then deletes the namespaces.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IceConfig } from '../../../preload/contract/ice';
import { createLabNetwork, LAB_IPS, type LabNetwork } from './netns';
import { startNsChild, type NsChild } from './nsChild';
import { stopPid, toolPath } from './processes';
import type { PhoneStatus } from '../../../preload/contract/phone';

export const TURN_USER = 'seat';
export const TURN_PASSWORD = 'lab-turn-secret';
export const TURN_PORT = 3478;
export const WS_PORT = 5066;
export const PBX_WS_URL = `ws://${LAB_IPS.pbx}:${WS_PORT}`;
/** The PBX's STUN server: the lab's coturn (there is no DNS in the namespaces for werift's default). */
export const PBX_STUN = `stun:${LAB_IPS.turn}:${TURN_PORT}`;

export type SeatEvent = { at: number; status?: PhoneStatus; network?: string; log?: string };

export interface NetworkLab {
  net: LabNetwork;
  pbx: NsChild;
  seat: NsChild<SeatEvent>;
  /** Other lab processes started later (e.g. the impairing relay), stopped with the rest. */
  extra: NsChild[];
  stop(): Promise<void>;
}

/** Relay-only ICE through the lab's coturn (or another TURN address, e.g. the impairing relay). */
export function turnIce(transport: 'udp' | 'tcp', host: string = LAB_IPS.turn, port = TURN_PORT): IceConfig {
  return {
    iceServers: [{ urls: [`turn:${host}:${port}?transport=${transport}`], username: TURN_USER, credential: TURN_PASSWORD }],
    iceTransportPolicy: 'relay',
  };
}

async function until(cond: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startNetworkLab(): Promise<NetworkLab> {
  const net = createLabNetwork();
  const procs: ChildProcess[] = [];
  const children: NsChild[] = [];
  const extra: NsChild[] = [];
  const stop = async () => {
    for (const c of [...extra, ...children].reverse()) {
      await c.call('stop').catch(() => undefined);
      await c.stop();
    }
    for (const p of procs.reverse()) await stopPid(p);
    net.destroy();
  };
  try {
    const run = mkdtempSync(join(tmpdir(), 'spyglass-netlab-'));
    procs.push(
      net.spawnIn('turn', toolPath('turnserver') ?? 'turnserver', [
        '-n', '--no-cli', '--no-tls', '--no-dtls', '--simple-log', '--log-file=stdout', `--pidfile=${join(run, 'turn.pid')}`,
        `--listening-ip=${LAB_IPS.turn}`, `--relay-ip=${LAB_IPS.turn}`, `--listening-port=${TURN_PORT}`, '--min-port=49160', '--max-port=49400',
        '--lt-cred-mech', `--user=${TURN_USER}:${TURN_PASSWORD}`, '--realm=lab.spyglass', '--fingerprint', ...(process.env.SPYGLASS_TURN_LOG ? ['--verbose', `--log-file=${process.env.SPYGLASS_TURN_LOG}`] : []),
      ], { stdio: 'ignore' }),
    );
    const kamailio = net.spawnIn('pbx', toolPath('kamailio') ?? 'kamailio', [
        '-f', join(__dirname, '..', 'kamailio.cfg'), '-DD', '-E', '-Y', run, '-P', join(run, 'kamailio.pid'), '-m', '64', '-M', '8',
        '-A', `LISTEN_IP=${LAB_IPS.pbx}`, '-A', `WS_PORT=${WS_PORT}`, '-A', 'UDP_PORT=5060',
      ], { stdio: ['ignore', 'pipe', 'pipe'] });
    procs.push(kamailio);
    let kamailioLog = '';
    const keep = (d: Buffer) => (kamailioLog = (kamailioLog + d.toString()).slice(-4000));
    kamailio.stdout!.on('data', keep);
    kamailio.stderr!.on('data', keep);
    const listening = (where: 'pbx' | 'turn', host: string, port: number) => {
      try {
        const script = `const s=require('net').connect(${port},'${host}');s.on('connect',()=>{console.log('up');process.exit(0)});s.on('error',()=>process.exit(0))`;
        return net.exec(where, process.execPath, ['-e', script]).includes('up');
      } catch {
        return false;
      }
    };
    await until(() => listening('pbx', LAB_IPS.pbx, WS_PORT), 'Kamailio listening').catch((e: Error) => {
      throw new Error(`${e.message}\n${kamailioLog}`);
    });
    await until(() => listening('turn', LAB_IPS.turn, TURN_PORT), 'coturn listening');
    const pbx = await startNsChild(net, 'pbx', 'pbxProcess.ts');
    children.push(pbx);
    const seat = await startNsChild<SeatEvent>(net, 'seat', 'seatProcess.ts');
    children.push(seat);
    await seat.call('start');
    return { net, pbx, seat, extra, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
