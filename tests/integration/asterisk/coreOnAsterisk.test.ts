import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composeCore, type ComposedApp } from '../../../main/app/composeCore';
import { createLogger } from '../../../main/core/logger';
import type { InteractionDetails, Snapshot, VoiceSession } from '../../../preload/contract';
import { AmiReplayServer } from './amiReplayServer';
import { fixture, until } from './harness';

/**
 * The whole core on the Asterisk connector, chosen by IT policy, its AMI
 * secret from the secret store (a user-only file in the web host): what the
 * supervisor's screens get from a recorded Asterisk.
 */
let app: ComposedApp | undefined;
let server: AmiReplayServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await app?.core.stop();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  app = server = dir = undefined;
});

async function start(recording: string, secret: string | undefined): Promise<ComposedApp> {
  server = await AmiReplayServer.start(fixture(recording));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-asterisk-'));
  const policyFile = path.join(dir, 'policy.json');
  fs.writeFileSync(
    policyFile,
    JSON.stringify({ connector: 'asterisk', 'asterisk.host': '127.0.0.1', 'asterisk.port': server.port, 'asterisk.user': 'spyglass', 'phone.user': 'sip:2102@pbx.example.com', 'phone.featureCode': '*222' }),
  );
  if (secret !== undefined) {
    fs.mkdirSync(path.join(dir, 'secrets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'secrets', 'asterisk.secret'), `${secret}\n`, { mode: 0o644 });
  }
  app = await composeCore({ host: 'web', version: 'test', userDataDir: dir, policyFile, log: createLogger(() => undefined), openExternal: async () => undefined, phone: false });
  return app;
}

async function cmd<T>(channel: string, payload: unknown): Promise<T> {
  const r = await app!.core.handle(channel, payload);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

describe('the core on the Asterisk connector', () => {
  it('policy connector "asterisk" + a stored secret: the screens get Asterisk agents and calls; monitor, lock and stop work', async () => {
    await start('other-supervisor-chanspy', 'lab-spyglass-ami-secret');
    expect(server!.received[0]).toMatchObject({ Action: 'Login', Username: 'spyglass', Secret: 'lab-spyglass-ami-secret' });
    // The stored secret file was tightened to the user only.
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir!, 'secrets', 'asterisk.secret')).mode & 0o077).toBe(0);
    const snap = (await cmd<Snapshot>('session:snapshot', {})) as Snapshot;
    expect(snap.connector).toMatchObject({ name: 'asterisk', state: 'online' });
    expect(snap.agents.map((a) => a.name).sort()).toEqual(['Alex Kim', 'Jordan Lee', 'Maria Lopez', 'Sam Patel']);
    expect(snap.supervisor).toMatchObject({ name: 'Supervisor 2102', extension: '2102' });

    server!.pushUntil((e) => e.Event === 'ChanSpyStart');
    const ix = await until(() => [...app!.core.mirror.interactions.values()].find((i) => i.monitorLock), 'the locked call');
    const details = await cmd<InteractionDetails>('interaction:details', { interactionId: ix.id });
    expect(details.interaction.monitorLock?.supervisorName).toBe('Supervisor Taylor Brooks (PJSIP/2101)');
    // AMI reports Taylor's ChanSpy but not its mode: the lock and row claim none.
    expect(details.interaction.monitorLock?.modeUnknown).toBe(true);
    const agent = details.interaction.participants.find((p) => p.role === 'agent')!;
    // ChanSpy lets several supervisors listen: another one's monitoring does not block ours.
    expect(details.interaction.participantActions[agent.id]?.monitor).toEqual({ allowed: true });

    const session = await cmd<VoiceSession>('voice:start', { interactionId: ix.id, participantId: agent.id, mode: 'monitor' });
    expect(session).toMatchObject({ mode: 'monitor', micLive: false });
    const mine = app!.core.mirror.interactions.get(ix.id)!;
    expect(mine.participants.find((p) => p.supervising?.supervisorId === 'supervisor:2102')).toMatchObject({ supervising: { mode: 'monitor', targetParticipantId: agent.id } });
    // Still Taylor's lock: ours is not "someone else's".
    expect(mine.monitorLock?.supervisorName).toBe('Supervisor Taylor Brooks (PJSIP/2101)');
    await cmd('voice:end', {});
    expect(app!.core.connector.timeline(ix.id).map((e) => e.text)).toEqual(
      expect.arrayContaining(['Supervisor Taylor Brooks (PJSIP/2101) started listening in on Alex Kim (mode not reported by Asterisk)', 'Supervisor 2102 started monitoring Alex Kim', 'Supervisor 2102 stopped monitoring Alex Kim']),
    );
    // Asterisk has no chats: digital actions say so.
    const chat = await app!.core.handle('digital:monitor', { interactionId: ix.id });
    expect(chat.ok).toBe(false);
  });

  it('no AMI secret anywhere: the status says where to put it, and the app keeps running', async () => {
    const saved = process.env.SPYGLASS_AMI_SECRET;
    delete process.env.SPYGLASS_AMI_SECRET;
    try {
      await start('login-resync', undefined);
      const snap = (await cmd<Snapshot>('session:snapshot', {})) as Snapshot;
      expect(snap.connector).toMatchObject({ name: 'asterisk', state: 'error', message: expect.stringContaining('SPYGLASS_AMI_SECRET') });
      expect(server!.received).toEqual([]);
    } finally {
      if (saved !== undefined) process.env.SPYGLASS_AMI_SECRET = saved;
    }
  });
});
