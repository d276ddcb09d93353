/**
 * A private CA and server certificates made for one test run with Debian's
 * openssl (a company CA in miniature): a valid server certificate for
 * 127.0.0.1/localhost, one that expired, and one for another host name.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasOpenssl = spawnSync('sh', ['-c', 'command -v openssl']).status === 0;

export interface ServerCertificate {
  cert: string;
  key: string;
  certFile: string;
  keyFile: string;
}

export interface TestCa {
  dir: string;
  caCert: string;
  caFile: string;
  /** For 127.0.0.1 and localhost, valid now. */
  valid: ServerCertificate;
  /** For 127.0.0.1 and localhost, expired on 2021-01-01. */
  expired: ServerCertificate;
  /** Valid now, but only for pbx.other.invalid. */
  wrongHost: ServerCertificate;
}

export const TEST_CA_NAME = 'Spyglass Test Root CA';

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
}

export function makeTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'spyglass-ca-'));
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', `/O=Spyglass Tests/CN=${TEST_CA_NAME}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-keyout', 'ca.key', '-out', 'ca.pem'], dir);
  // `openssl ca` can back-date a certificate (-startdate/-enddate); x509 -req cannot on OpenSSL 3.0.
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    ['[ca]', 'default_ca = test', '[test]', `dir = ${dir}`, 'database = $dir/index.txt', 'serial = $dir/serial', 'new_certs_dir = $dir', 'certificate = $dir/ca.pem', 'private_key = $dir/ca.key', 'default_md = sha256', 'policy = any', 'copy_extensions = copy', 'unique_subject = no', '[any]', 'commonName = supplied'].join('\n'),
  );
  const server = (name: string, cn: string, san: string, dates: string[]): ServerCertificate => {
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${cn}`, '-addext', `subjectAltName=${san}`, '-keyout', `${name}.key`, '-out', `${name}.csr`], dir);
    openssl(['ca', '-batch', '-config', 'ca.cnf', '-in', `${name}.csr`, '-out', `${name}.pem`, '-notext', ...dates], dir);
    return { cert: readFileSync(join(dir, `${name}.pem`), 'utf8'), key: readFileSync(join(dir, `${name}.key`), 'utf8'), certFile: join(dir, `${name}.pem`), keyFile: join(dir, `${name}.key`) };
  };
  return {
    dir,
    caCert: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    caFile: join(dir, 'ca.pem'),
    valid: server('valid', 'pbx.lab', 'IP:127.0.0.1,DNS:localhost', ['-days', '10']),
    expired: server('expired', 'pbx.lab', 'IP:127.0.0.1,DNS:localhost', ['-startdate', '20200101000000Z', '-enddate', '20210101000000Z']),
    wrongHost: server('wronghost', 'pbx.other.invalid', 'DNS:pbx.other.invalid', ['-days', '10']),
  };
}
