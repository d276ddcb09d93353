/**
 * The lab Kamailio (kamailio.cfg) with its TLS module on: a wss:// listener on
 * 127.0.0.1 serving a certificate the test made. Needs Debian's
 * kamailio-tls-modules; stopped by PID.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasOpenssl, type ServerCertificate } from '../../support/testCertificates';
import { isCi } from './labTools';
import { freeTcpPort, freeUdpPort, stopPid, toolPath, waitForTcp } from './processes';

export const KAMAILIO_TLS_MODULE = '/usr/lib/x86_64-linux-gnu/kamailio/modules/tls.so';
export const hasKamailioTls = (): boolean => toolPath('kamailio') !== null && existsSync(KAMAILIO_TLS_MODULE);

/**
 * Why the wss:// lab cannot run here (it then skips), or null. Like every lab
 * suite (labTools.labVerdict): with CI=true a missing part throws instead.
 */
export function wssLabUnavailableReason(): string | null {
  if (hasKamailioTls() && hasOpenssl) return null;
  const reason = 'wss lab: kamailio with its TLS module and openssl are needed (apt-get install kamailio kamailio-websocket-modules kamailio-tls-modules openssl)';
  if (isCi(process.env)) throw new Error(`${reason}; failing instead of skipping`);
  console.warn(`${reason}; skipped`);
  return reason;
}

export interface KamailioTls {
  wssUrl: string;
  log(): string;
  stop(): Promise<void>;
}

export async function startKamailioTls(certificate: ServerCertificate): Promise<KamailioTls> {
  const runDir = mkdtempSync(join(tmpdir(), 'spyglass-kamtls-'));
  const tlsCfg = join(runDir, 'tls.cfg');
  writeFileSync(
    tlsCfg,
    ['[server:default]', 'method = TLSv1.2+', 'verify_certificate = no', 'require_certificate = no', `private_key = ${certificate.keyFile}`, `certificate = ${certificate.certFile}`, ''].join('\n'),
  );
  const [wsPort, wssPort, udpPort] = [await freeTcpPort(), await freeTcpPort(), await freeUdpPort()];
  let out = '';
  const child = spawn(
    toolPath('kamailio') ?? 'kamailio',
    [
      ...['-f', join(__dirname, '..', 'kamailio.cfg'), '-DD', '-E', '-Y', runDir, '-P', join(runDir, 'kamailio.pid'), '-m', '64', '-M', '8'],
      ...['-A', `WS_PORT=${wsPort}`, '-A', `UDP_PORT=${udpPort}`, '-A', 'WITH_TLS', '-A', `WSS_PORT=${wssPort}`, '-A', `TLS_CFG="${tlsCfg}"`],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await waitForTcp(wssPort).catch((e) => {
    throw new Error(`${(e as Error).message}\n${out.slice(-2000)}`);
  });
  return { wssUrl: `wss://127.0.0.1:${wssPort}/ws`, log: () => out, stop: () => stopPid(child) };
}
