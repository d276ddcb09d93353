import type { WebSocket } from 'ws';
import type { Logger } from '../core/logger';
import type { DemoConnectorHandle } from '../app/createDemoConnector';

/**
 * Test mode only (`--test-control`): lets the e2e suite put the demo contact
 * center into a known situation (hold this call, ask for assistance, …).
 * Same token and origin rules as the bridge; never enabled by `npm run start:web`.
 */
export function serveTestControl(demo: DemoConnectorHandle, log: Logger) {
  return (ws: WebSocket): void => {
    ws.on('message', (data) => {
      let request: { id: number; op: string; args: unknown[] };
      try {
        request = JSON.parse(String(data));
      } catch {
        return;
      }
      const reply = (body: object) => ws.send(JSON.stringify({ id: request.id, ...body }));
      const control = demo.control as unknown as Record<string, unknown>;
      const fn = control[request.op];
      if (typeof fn !== 'function' || request.op.startsWith('_') || request.op === 'constructor') {
        reply({ ok: false, error: `Unknown test control “${request.op}”.` });
        return;
      }
      try {
        const value = (fn as (...a: unknown[]) => unknown).apply(demo.control, Array.isArray(request.args) ? request.args : []);
        reply({ ok: true, value: value ?? null });
      } catch (e) {
        log.warn(`Test control ${request.op} failed: ${(e as Error).message}`);
        reply({ ok: false, error: (e as Error).message });
      }
    });
  };
}
