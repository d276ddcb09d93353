/**
 * A seat for the wss:// lab: the real phone wiring (settings + IT policy file
 * → trust store → JsSIP over Node's TLS) as a supervisor's machine has it, the
 * SIP password from the secret store. Shared by the wss lab files.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPhoneWiring } from '../../../main/app/phoneWiring';
import { ConfigService } from '../../../main/config/ConfigService';
import type { Logger } from '../../../main/core/logger';
import type { PhoneStatus } from '../../../preload/contract/phone';

export const until = async (cond: () => boolean, what: string, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

export interface WssSeat {
  status(): PhoneStatus | undefined;
  notices: string[];
  warnings: string[];
  policyFile: string;
}

/** Makes seats and stops every one of them (call stopAll after each test). */
export function wssSeats(): { seat(policy: Record<string, unknown>, userSettings?: Record<string, unknown>): Promise<WssSeat>; stopAll(): Promise<void> } {
  const seats: { stop(): Promise<void> }[] = [];
  async function seat(policy: Record<string, unknown>, userSettings: Record<string, unknown> = {}): Promise<WssSeat> {
    const dir = mkdtempSync(join(tmpdir(), 'spyglass-seat-'));
    const policyFile = join(dir, 'policy.json');
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(userSettings));
    writeFileSync(policyFile, JSON.stringify({ 'phone.profile': 'asterisk-chanspy', 'phone.user': 'sip:sup1@127.0.0.1', ...policy }));
    const config = new ConfigService({ policyFile, userFile: join(dir, 'settings.json') });
    const warnings: string[] = [];
    const log: Logger = { info: () => undefined, warn: (m) => warnings.push(m), error: (m) => warnings.push(m), warnOnce: (_k, m) => warnings.push(m) };
    const wiring = createPhoneWiring(config, log, async () => 'secret', async () => undefined);
    let status: PhoneStatus | undefined;
    const notices: string[] = [];
    wiring.connect(
      (s) => (status = s),
      () => undefined,
      () => undefined,
      (t) => notices.push(t),
    );
    await wiring.start();
    seats.push({
      // No server, no account: the phone unregisters and closes its socket.
      stop: async () => {
        writeFileSync(policyFile, JSON.stringify({ 'phone.profile': 'asterisk-chanspy', 'phone.server': '' }));
        config.reload();
        await wiring.accountChanged();
      },
    });
    return { status: () => status, notices, warnings, policyFile };
  }
  return {
    seat,
    stopAll: async () => {
      while (seats.length) await seats.pop()!.stop();
    },
  };
}
