import { CommandError } from '../../preload/contract/result';
import type { SecretName, SecretsStatus } from '../../preload/contract/secrets';
import { secretNames, secretSource, type SecretStore } from '../config/secretStore';
import type { Handlers } from '../core/dispatch';
import type { Logger } from '../core/logger';

const labels: Record<SecretName, string> = {
  'phone.password': 'SIP password',
  'asterisk.secret': 'Asterisk AMI secret',
  'phone.turnPassword': 'TURN password',
};

/**
 * `secrets:status` and `secrets:set` (preload/contract/secrets.ts). Write-only:
 * nothing here ever returns, logs or notifies a secret's value, only whether
 * one is set and where it is kept. The dispatcher has already checked the
 * payload (known name, one line, length cap).
 */
export function secretHandlers(store: SecretStore, log: Logger, onChanged: (name: SecretName) => void, env: NodeJS.ProcessEnv = process.env): Handlers {
  const status = async (): Promise<SecretsStatus> => ({
    keptIn: store.isSecure ? 'os-store' : 'user-file',
    where: store.where,
    secrets: await Promise.all(
      secretNames.map(async (name) => {
        try {
          return { name, source: await secretSource(store, name, env) };
        } catch (e) {
          // A damaged stored secret reads as not set; the next save replaces it.
          log.warnOnce(`secret-unreadable:${name}`, `The stored ${labels[name]} cannot be read (${(e as Error).message}); set it again in Settings.`);
          return { name, source: 'none' as const };
        }
      }),
    ),
  });
  return {
    'secrets:status': () => status(),
    'secrets:set': async ({ name, value }) => {
      try {
        if (value === null) await store.clear(name);
        else await store.set(name, value);
      } catch (e) {
        // File-system messages name paths, never the value.
        throw new CommandError('UNAVAILABLE', `The ${labels[name]} could not be ${value === null ? 'removed' : 'saved'}: ${(e as Error).message}`);
      }
      log.info(`The ${labels[name]} was ${value === null ? 'removed' : 'changed'} in Settings.`);
      onChanged(name);
      return status();
    },
  };
}
