import * as path from 'node:path';
import { AsteriskConnector, type AsteriskConnectorOptions } from '../../../main/contact-center/asterisk/AsteriskConnector';
import type { ConnectorEvent } from '../../../main/contact-center/Connector';
import { AmiReplayServer, loadRecording, type Recording } from './amiReplayServer';

export const fixture = (name: string): Recording => loadRecording(path.join(__dirname, '../../fixtures/asterisk', `${name}.jsonl`));

export interface Harness {
  server: AmiReplayServer;
  connector: AsteriskConnector;
  events: ConnectorEvent[];
  logs: string[];
  close(): Promise<void>;
}

/** The real AsteriskConnector against the replay server, over real TCP on 127.0.0.1. */
export async function replay(recording: Recording | string, options: Partial<AsteriskConnectorOptions> = {}): Promise<Harness> {
  const server = await AmiReplayServer.start(typeof recording === 'string' ? fixture(recording) : recording);
  const logs: string[] = [];
  const connector = new AsteriskConnector({
    host: '127.0.0.1',
    port: server.port,
    tls: false,
    username: 'spyglass',
    secret: async () => 'lab-spyglass-ami-secret',
    supervisor: { id: 'supervisor:2102', name: 'Supervisor 2102', extension: '2102' },
    featureCode: '*222',
    flushMs: 0,
    // Short, fixed retries so a reconnect test does not wait (no assertion is on time).
    backoff: { baseMs: 20, maxMs: 200, jitter: 0 },
    random: () => 0,
    endedRetentionMs: 60_000,
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(m) },
    ...options,
  });
  const events: ConnectorEvent[] = [];
  connector.subscribe((e) => events.push(e));
  return {
    server,
    connector,
    events,
    logs,
    close: async () => {
      await connector.stop();
      await server.close();
    },
  };
}

/** Waits until `read()` returns something truthy (the connector publishes asynchronously). */
export async function until<T>(read: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
