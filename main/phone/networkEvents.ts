/**
 * What the host tells the phone about the machine's network and sleep, and
 * the pure rules that turn raw observations into those events.
 *
 * Sources: Electron's powerMonitor (suspend/resume, lock) in main/electron;
 * the page's `online`/`offline`, `navigator.connection` changes and a long
 * hidden gap (web host, through the `phone:networkHint` command); and, in
 * both hosts, main's own look at the interfaces and its timers (networkWatch.ts).
 */
export const networkEventKinds = ['suspend', 'resume', 'online', 'offline', 'network-changed', 'visible-after-gap'] as const;
export type NetworkEventKind = (typeof networkEventKinds)[number];

export interface NetworkEvent {
  kind: NetworkEventKind;
  /** Where it came from, for the log ("powerMonitor", "interfaces", "page"). */
  source: string;
}

/** Why the phone lost its connection to the PBX, as the status bar says it. */
export type LostCause = 'connection' | 'network-change' | 'sleep' | 'offline';

/** The cause a network event gives a connection it ends (or is about to). */
export function causeOf(kind: NetworkEventKind): LostCause {
  switch (kind) {
    case 'suspend':
    case 'resume':
    case 'visible-after-gap':
      return 'sleep';
    case 'offline':
      return 'offline';
    default:
      return 'network-change';
  }
}

/** Events after which the current socket cannot be trusted: drop it and connect again at once. */
export const reconnectsNow = (kind: NetworkEventKind): boolean => kind !== 'suspend' && kind !== 'offline';

// ---------------------------------------------------------------- interfaces

/** The shape of os.networkInterfaces() we read. */
export type InterfaceTable = Record<string, readonly { address: string; family: string | number; internal: boolean }[] | undefined>;

/**
 * The machine's external addresses as one comparable string ("" = none).
 * Loopback and link-local IPv6 are left out: they change nothing a PBX sees.
 * Bounded: at most 256 interfaces x 32 addresses are read.
 */
export function interfaceSignature(table: InterfaceTable): string {
  const out: string[] = [];
  for (const name of Object.keys(table).sort().slice(0, 256)) {
    for (const a of (table[name] ?? []).slice(0, 32)) {
      if (a.internal || /^fe80:/i.test(a.address)) continue;
      out.push(`${name}=${a.address}`);
    }
  }
  return out.sort().join(',');
}

/** What changed between two signatures: gone offline, back online, another address, or nothing. */
export function interfaceChange(previous: string, next: string): NetworkEventKind | null {
  if (previous === next) return null;
  if (next === '') return 'offline';
  if (previous === '') return 'online';
  return 'network-changed';
}

/**
 * A timer that should tick every `intervalMs` ticked `gapMs` late: the
 * machine slept (or was frozen) in between. Pure over the two readings.
 */
export function sleptBetween(lastTickAt: number, now: number, intervalMs: number, toleranceMs = 10_000): boolean {
  return now - lastTickAt > intervalMs + toleranceMs;
}

/** A page hidden this long may have slept (browsers freeze hidden tabs; laptops sleep with them). */
export const LONG_HIDDEN_GAP_MS = 60_000;
