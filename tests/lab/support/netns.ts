/**
 * A small real network made of Linux network namespaces, for the network lab
 * (issue 17 items 5-6). Everything lives in namespaces this run creates, with
 * names unique to the run; nothing is added to the host's own namespace (its
 * interfaces, routes and iptables rules are never touched), and `destroy()`
 * deletes the namespaces, which takes their veths and rules with them.
 *
 *   seat 10.77.1.2 ──veth── 10.77.1.1 [nat: router, MASQUERADE] 10.77.2.1 ──veth── 10.77.2.2 pbx (Kamailio, feature server)
 *                                                               10.77.3.1 ──veth── 10.77.3.2 turn (coturn)
 *
 * The seat sits behind the NAT: the PBX and the TURN server see only the
 * router's address. Needs root (ip netns), iproute2, iptables and tc.
 */
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { isCi } from './labTools';
import { toolPath } from './processes';

export const LAB_IPS = {
  seat: '10.77.1.2',
  routerSeatSide: '10.77.1.1',
  routerPbxSide: '10.77.2.1',
  pbx: '10.77.2.2',
  routerTurnSide: '10.77.3.1',
  turn: '10.77.3.2',
} as const;

export type LabNs = 'seat' | 'nat' | 'pbx' | 'turn';

const IP = () => toolPath('ip') ?? '/usr/sbin/ip';

/** Runs a command; a failure throws with the command's own error output (e.g. tc's "Specified qdisc kind is unknown."). */
function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? '').trim();
    throw new Error(`${[cmd, ...args].join(' ')}: ${stderr || (e as Error).message}`);
  }
}

/**
 * Why the network lab cannot run here, or null. Namespaces need root; the
 * tools come from Debian (iproute2, iptables, coturn). Like every lab suite:
 * a skip on a developer's machine, a failure with CI=true.
 */
export function netnsUnavailableReason(): string | null {
  const missing: string[] = [];
  for (const [tool, pkg] of [
    ['ip', 'iproute2'],
    ['tc', 'iproute2'],
    ['iptables', 'iptables'],
    ['turnserver', 'coturn'],
  ] as const) {
    if (!toolPath(tool)) missing.push(pkg);
  }
  let reason: string | null = missing.length ? `${[...new Set(missing)].join(', ')} not installed (apt-get install ${[...new Set(missing)].join(' ')})` : null;
  if (!reason) {
    const probe = `sgprobe-${randomBytes(3).toString('hex')}`;
    try {
      run(IP(), ['netns', 'add', probe]);
      run(IP(), ['netns', 'del', probe]);
    } catch (e) {
      reason = `network namespaces cannot be made here (${process.getuid?.() === 0 ? 'root, but' : 'not root:'} ${(e as Error).message.slice(0, 200)})`;
    }
  }
  if (!reason) return null;
  // Like every lab suite (labTools.labVerdict): a skip on a developer's machine, a failure on CI.
  const text = `network lab: ${reason}`;
  if (isCi(process.env)) throw new Error(`${text}; failing instead of skipping (CI=true)`);
  return `${text}; skipped`;
}

export interface LabNetwork {
  /** Namespace names of this run. */
  ns: Record<LabNs, string>;
  /** Run a command in a namespace and return its stdout (throws with stderr on failure). */
  exec(where: LabNs, cmd: string, args: string[]): string;
  /** Start a long-running process in a namespace; stopped by PID (stopPid) before destroy. */
  spawnIn(where: LabNs, cmd: string, args: string[], options?: SpawnOptions): ChildProcess;
  /** The router drops UDP from the seat except to the TURN server's port (`turnUdp`), or all of it. */
  blockDirectUdp(options: { turnUdpPort?: number }): void;
  /** Remove what blockDirectUdp added. */
  allowUdp(): void;
  /** tc netem on the router's link towards the seat: what the seat receives (e.g. 'loss 5% delay 30ms 30ms'). */
  impairSeatDownlink(netem: string): void;
  clearSeatDownlink(): void;
  /** The seat's link goes down (its address and routes with it), as when a laptop's Wi-Fi drops. */
  cutSeatLink(): void;
  /** The link comes back and the default route is set again (what DHCP would do). */
  restoreSeatLink(): void;
  destroy(): void;
}

/** Builds the namespaces, veths, addresses, routes and the NAT. Cleans up what it made if any step fails. */
export function createLabNetwork(): LabNetwork {
  const id = randomBytes(3).toString('hex');
  const ns: Record<LabNs, string> = { seat: `sg${id}-seat`, nat: `sg${id}-nat`, pbx: `sg${id}-pbx`, turn: `sg${id}-turn` };
  // veth names (<= 15 chars), unique per run although each lives only inside its namespace.
  const dev = { seat: `s${id}`, natSeat: `ns${id}`, natPbx: `np${id}`, pbx: `p${id}`, natTurn: `nt${id}`, turn: `t${id}` };
  const ip = (where: LabNs, ...args: string[]) => run(IP(), ['-n', ns[where], ...args]);
  const exec = (where: LabNs, cmd: string, args: string[]) => run(IP(), ['netns', 'exec', ns[where], cmd, ...args]);
  const made: LabNs[] = [];
  const destroy = () => {
    for (const n of [...made].reverse()) {
      try {
        run(IP(), ['netns', 'del', ns[n]]);
      } catch {
        /* already gone */
      }
    }
    made.length = 0;
  };
  try {
    for (const n of ['seat', 'nat', 'pbx', 'turn'] as const) {
      run(IP(), ['netns', 'add', ns[n]]);
      made.push(n);
      ip(n, 'link', 'set', 'lo', 'up');
    }
    const pair = (a: LabNs, devA: string, addrA: string, b: LabNs, devB: string, addrB: string) => {
      // Created inside namespace a with its peer moved straight into b: never in the host's namespace.
      ip(a, 'link', 'add', devA, 'type', 'veth', 'peer', 'name', devB, 'netns', ns[b]);
      ip(a, 'addr', 'add', `${addrA}/24`, 'dev', devA);
      ip(b, 'addr', 'add', `${addrB}/24`, 'dev', devB);
      ip(a, 'link', 'set', devA, 'up');
      ip(b, 'link', 'set', devB, 'up');
    };
    pair('seat', dev.seat, LAB_IPS.seat, 'nat', dev.natSeat, LAB_IPS.routerSeatSide);
    pair('nat', dev.natPbx, LAB_IPS.routerPbxSide, 'pbx', dev.pbx, LAB_IPS.pbx);
    pair('nat', dev.natTurn, LAB_IPS.routerTurnSide, 'turn', dev.turn, LAB_IPS.turn);
    ip('seat', 'route', 'add', 'default', 'via', LAB_IPS.routerSeatSide);
    ip('pbx', 'route', 'add', 'default', 'via', LAB_IPS.routerPbxSide);
    ip('turn', 'route', 'add', 'default', 'via', LAB_IPS.routerTurnSide);
    exec('nat', 'sysctl', ['-q', '-w', 'net.ipv4.ip_forward=1']);
    // The seat is behind the NAT: everything it sends out leaves with the router's address.
    exec('nat', 'iptables', ['-t', 'nat', '-A', 'POSTROUTING', '-s', '10.77.1.0/24', '!', '-o', dev.natSeat, '-j', 'MASQUERADE']);
    // Nothing from outside reaches the seat unless the seat opened it (a home or office NAT).
    exec('nat', 'iptables', ['-A', 'FORWARD', '-o', dev.natSeat, '-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT']);
    exec('nat', 'iptables', ['-A', 'FORWARD', '-o', dev.natSeat, '-j', 'DROP']);
  } catch (e) {
    destroy();
    throw e;
  }
  const UDP_CHAIN = 'SGSEATUDP';
  let udpBlocked = false;
  return {
    ns,
    exec,
    spawnIn: (where, cmd, args, options = {}) => spawn(IP(), ['netns', 'exec', ns[where], cmd, ...args], options),
    blockDirectUdp({ turnUdpPort }) {
      if (!udpBlocked) {
        exec('nat', 'iptables', ['-N', UDP_CHAIN]);
        exec('nat', 'iptables', ['-I', 'FORWARD', '1', '-i', dev.natSeat, '-p', 'udp', '-j', UDP_CHAIN]);
        udpBlocked = true;
      }
      exec('nat', 'iptables', ['-F', UDP_CHAIN]);
      if (turnUdpPort) exec('nat', 'iptables', ['-A', UDP_CHAIN, '-d', LAB_IPS.turn, '-p', 'udp', '--dport', String(turnUdpPort), '-j', 'RETURN']);
      exec('nat', 'iptables', ['-A', UDP_CHAIN, '-j', 'DROP']);
    },
    allowUdp() {
      if (!udpBlocked) return;
      exec('nat', 'iptables', ['-D', 'FORWARD', '-i', dev.natSeat, '-p', 'udp', '-j', UDP_CHAIN]);
      exec('nat', 'iptables', ['-F', UDP_CHAIN]);
      exec('nat', 'iptables', ['-X', UDP_CHAIN]);
      udpBlocked = false;
    },
    impairSeatDownlink(netem) {
      exec('nat', 'tc', ['qdisc', 'replace', 'dev', dev.natSeat, 'root', 'netem', ...netem.split(/\s+/)]);
    },
    clearSeatDownlink() {
      try {
        exec('nat', 'tc', ['qdisc', 'del', 'dev', dev.natSeat, 'root']);
      } catch {
        /* none */
      }
    },
    cutSeatLink() {
      ip('seat', 'link', 'set', dev.seat, 'down');
    },
    restoreSeatLink() {
      ip('seat', 'link', 'set', dev.seat, 'up');
      ip('seat', 'route', 'replace', 'default', 'via', LAB_IPS.routerSeatSide);
    },
    destroy,
  };
}
