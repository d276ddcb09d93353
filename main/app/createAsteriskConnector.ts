import type { ConfigService } from '../config/ConfigService';
import { secretOrEnv, type SecretStore } from '../config/secretStore';
import { AsteriskConnector } from '../contact-center/asterisk';
import type { Logger } from '../core/logger';

/** "sip:7001@pbx.example.com" (or "7001") -> "7001": our own endpoint's extension. */
export function supervisorExtension(phoneUser: string): string | undefined {
  const m = /^(?:sips?:)?([^@;:]+)/.exec(phoneUser.trim());
  return m?.[1] || undefined;
}

/**
 * The Asterisk connector from settings / IT policy (`asterisk.*`, and
 * `phone.user` for who we are). The AMI secret comes from the OS secret
 * store, else from SPYGLASS_AMI_SECRET; it is read at every connection, so
 * a newly provisioned secret is used at the next retry.
 */
export function createAsteriskConnector(config: ConfigService, log: Logger, secrets: SecretStore | undefined): AsteriskConnector {
  const extension = supervisorExtension(config.get('phone.user'));
  return new AsteriskConnector({
    host: config.get('asterisk.host'),
    port: config.get('asterisk.port'),
    tls: config.get('asterisk.tls'),
    username: config.get('asterisk.user'),
    secret: () => secretOrEnv(secrets, 'asterisk.secret', 'SPYGLASS_AMI_SECRET'),
    supervisor: { id: `supervisor:${extension ?? 'me'}`, name: extension ? `Supervisor ${extension}` : 'Supervisor', ...(extension ? { extension } : {}) },
    featureCode: config.get('phone.featureCode'),
    log: { info: (m) => log.info(m), warn: (m) => log.warn(m) },
  });
}
