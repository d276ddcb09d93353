/**
 * Which certificate authorities the SIP WebSocket (wss://, Node's TLS in
 * main) trusts: Node's bundled roots, the operating system's store, and a CA
 * file IT names in the policy (`phone.caFile`). Node's `ca` option replaces
 * its defaults, so the snapshot always carries all three together.
 *
 * The OS store: `tls.getCACertificates('system')` where the runtime has it
 * (Node ≥ 22.15, so Electron's main process: the macOS keychain, the Windows
 * store, the Linux bundle); on older Node (the web host on Node 22.13/22.14) the
 * distribution's bundle file (SSL_CERT_FILE, then Debian/Ubuntu, RHEL/Fedora,
 * Alpine/macOS paths) — what `--use-openssl-ca` would read.
 */
import * as fs from 'node:fs';
import * as tls from 'node:tls';
import { parsePemBundle, type CaCertificate } from './pemBundle';

/** A CA file in policy is read up to this size (a few hundred CAs); anything bigger is refused, not cut. */
export const MAX_POLICY_CA_FILE_BYTES = 1024 * 1024;
/** The OS bundle (Debian's holds ~150 CAs in ~220 KB). */
export const MAX_SYSTEM_BUNDLE_BYTES = 8 * 1024 * 1024;

export const SYSTEM_BUNDLE_FILES = [
  '/etc/ssl/certs/ca-certificates.crt', // Debian, Ubuntu, Arch
  '/etc/pki/tls/certs/ca-bundle.crt', // RHEL, Fedora, CentOS
  '/etc/ssl/ca-bundle.pem', // openSUSE
  '/etc/ssl/cert.pem', // Alpine, macOS (OpenSSL's copy, not the keychain)
];

export interface TrustSource {
  kind: 'bundled' | 'system' | 'policy';
  /** Where it came from: "Node's bundled roots", "/etc/ssl/certs/ca-certificates.crt", the policy file's path. */
  from: string;
  count: number;
}

export interface TrustSnapshot {
  /** Every trusted CA (PEM), for the TLS `ca` option. */
  ca: string[];
  sources: TrustSource[];
  /** The policy's CA file, parsed (for Settings: subject, expiry). */
  policyCertificates: CaCertificate[];
  /** The policy's CA file could not be used: what is wrong (the OS store still applies). */
  policyCaProblem?: string;
  /** The OS store could not be read on this runtime (still trusts Node's bundled roots and the policy file). */
  systemProblem?: string;
}

export interface TrustStore {
  /** Read when the phone (re)registers over wss://, so a changed policy CA file applies then. */
  snapshot(): Promise<TrustSnapshot>;
}

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

/** Reads at most `maxBytes`; a larger file is an error (never silently cut). */
export async function readBounded(path: string, maxBytes: number): Promise<ReadResult> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(path, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, error: `${path} is not a file.` };
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(0, stat.size) + 1));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) return { ok: false, error: `${path} is larger than ${Math.round(maxBytes / 1024)} KB; a CA file holds a few certificates.` };
    return { ok: true, text: buffer.subarray(0, bytesRead).toString('utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? `${path} does not exist.` : code === 'EACCES' ? `${path} cannot be read (permission denied).` : `${path} cannot be read (${(e as Error).message}).` };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * PEM blocks of a bundle without parsing each (the OS's own bundle is trusted as the OS has it).
 * One indexOf scan, linear in the text even when BEGIN lines have no END (a lazy regex would not be).
 */
export function splitPem(text: string): string[] {
  const BEGIN = '-----BEGIN CERTIFICATE-----';
  const END = '-----END CERTIFICATE-----';
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const begin = text.indexOf(BEGIN, at);
    if (begin < 0) return out;
    const end = text.indexOf(END, begin + BEGIN.length);
    if (end < 0) return out;
    // A BEGIN inside the block (a cut-off one before it): start at the last BEGIN before this END.
    const start = text.lastIndexOf(BEGIN, end);
    out.push(`${text.slice(start, end + END.length)}\n`);
    at = end + END.length;
  }
}

type GetCaCertificates = (type: 'system' | 'bundled') => string[];

/**
 * The OS trust store as this runtime can read it. `getCa` null stands for a
 * runtime without the API (an explicit undefined would take the default).
 */
export async function systemCertificates(
  env: NodeJS.ProcessEnv = process.env,
  getCa: GetCaCertificates | null = (tls as unknown as { getCACertificates?: GetCaCertificates }).getCACertificates ?? null,
  read: (path: string, max: number) => Promise<ReadResult> = readBounded,
): Promise<{ pems: string[]; from: string } | { error: string }> {
  if (getCa) {
    try {
      return { pems: getCa('system'), from: "the operating system's certificate store" };
    } catch (e) {
      // fall through to the bundle files
      void e;
    }
  }
  const candidates = [...(env.SSL_CERT_FILE ? [env.SSL_CERT_FILE] : []), ...SYSTEM_BUNDLE_FILES];
  for (const file of candidates) {
    const r = await read(file, MAX_SYSTEM_BUNDLE_BYTES);
    if (!r.ok) continue;
    const pems = splitPem(r.text);
    if (pems.length) return { pems, from: file };
  }
  return { error: `no operating-system certificate bundle found (looked in ${candidates.join(', ')})` };
}

export interface TrustStoreDeps {
  /** The policy's `phone.caFile` ('' = none). Only the IT policy may set it. */
  policyCaFile(): string;
  system?: () => Promise<{ pems: string[]; from: string } | { error: string }>;
  read?: (path: string, maxBytes: number) => Promise<ReadResult>;
  bundled?: () => readonly string[];
}

export function createTrustStore(deps: TrustStoreDeps): TrustStore {
  const system = deps.system ?? (() => systemCertificates());
  const read = deps.read ?? readBounded;
  const bundled = deps.bundled ?? (() => tls.rootCertificates);
  // The OS store is read once per run (it changes with OS updates, not between calls).
  let systemOnce: ReturnType<typeof system> | undefined;
  return {
    async snapshot() {
      const roots = [...bundled()];
      const out: TrustSnapshot = { ca: roots, sources: [{ kind: 'bundled', from: "Node's bundled root CAs", count: roots.length }], policyCertificates: [] };
      const sys = await (systemOnce ??= system());
      if ('pems' in sys) {
        out.ca.push(...sys.pems);
        out.sources.push({ kind: 'system', from: sys.from, count: sys.pems.length });
      } else {
        out.systemProblem = sys.error;
      }
      const file = deps.policyCaFile();
      if (file) {
        const r = await read(file, MAX_POLICY_CA_FILE_BYTES);
        const parsed = r.ok ? parsePemBundle(r.text, file) : r;
        if (parsed.ok) {
          out.ca.push(...parsed.certificates.map((c) => c.pem));
          out.policyCertificates = parsed.certificates;
          out.sources.push({ kind: 'policy', from: file, count: parsed.certificates.length });
        } else {
          out.policyCaProblem = parsed.error;
        }
      }
      return out;
    },
  };
}
