import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { createLogger } from '../../../main/core/logger';
import type { SupervisorCore } from '../../../main/core/SupervisorCore';
import { startWebHost, type RunningWebHost } from '../../../main/web-host/WebHost';
import type { WebHostLimits } from '../../../main/web-host/serverLimits';
import { serveTestControl } from '../../../main/web-host/testControl';
import { startDemoCore } from '../../support/demoCore';

export interface TestHost {
  host: RunningWebHost;
  core: SupervisorCore;
  logLines: string[];
  stop(): Promise<void>;
}

/** A real web host on 127.0.0.1:0 over a real core (quiet demo on a manual clock) and a tiny built renderer. */
export async function startTestHost(
  limits: Partial<WebHostLimits> = {},
  options: { keepLog?: boolean; onLogLine?: (line: string) => void; testControl?: boolean } = {},
): Promise<TestHost> {
  const logLines: string[] = [];
  const log = createLogger((l) => {
    options.onLogLine?.(l);
    if (options.keepLog !== false) logLines.push(l);
  });
  const { core, demo, clock, dir, stop } = await startDemoCore({ prefix: 'spyglass-webhost-', demo: { seed: 1, agents: 12 }, log });
  const staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Spyglass</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const host = await startWebHost({
    core,
    staticDir,
    log,
    limits,
    ...(options.testControl ? { extraSockets: { '/test-control': serveTestControl({ connector: demo, clock, control: demo.control }, log) } } : {}),
  });
  return {
    host,
    core,
    logLines,
    stop: async () => {
      await host.close();
      await stop();
    },
  };
}

export interface RawExchange {
  /** Everything the server sent before it closed (or before `settleMs` passed with the socket still open). */
  response: string;
  status: number | undefined;
  closed: boolean;
}

/**
 * Writes raw bytes to the host the way `nc` would and collects the answer:
 * resolves when the server closes the connection, or, for a response that
 * keeps the connection alive, once a complete head has arrived.
 */
export function rawRequest(port: number, text: string, options: { waitForClose?: boolean } = {}): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let response = '';
    const done = (closed: boolean) => {
      socket.destroy();
      const m = /^HTTP\/1\.1 (\d{3})/.exec(response);
      resolve({ response, status: m ? Number(m[1]) : undefined, closed });
    };
    socket.on('data', (d) => {
      response += d.toString('latin1');
      if (!options.waitForClose && /\r\n\r\n/.test(response) && !/^HTTP\/1\.1 101/.test(response)) {
        // Give a body a moment to follow the head, then stop reading.
        setTimeout(() => done(false), 50);
      }
    });
    socket.on('close', () => done(true));
    socket.on('error', () => undefined);
    if (text) socket.write(text);
  });
}

export const upgradeHeaders = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n';
