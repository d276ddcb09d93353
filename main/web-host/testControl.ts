import type { WebSocket } from 'ws';
import { z } from 'zod';
import { boundedText } from '../core/boundedText';
import type { Logger } from '../core/logger';
import type { DemoConnectorHandle } from '../app/createDemoConnector';

const requestSchema = z.object({ id: z.number(), op: z.string().max(100), args: z.array(z.unknown()).optional() });

/**
 * Test mode only (`--test-control`): lets the e2e suite put the demo contact
 * center into a known situation (hold this call, ask for assistance, …).
 * Same token and origin rules as the bridge; never enabled by `npm run start:web`.
 */
export function serveTestControl(demo: DemoConnectorHandle, log: Logger) {
  return (ws: WebSocket): void => {
    ws.on('message', (data) => {
      let parsed: ReturnType<typeof requestSchema.safeParse>;
      try {
        parsed = requestSchema.safeParse(JSON.parse(String(data)));
      } catch {
        return;
      }
      if (!parsed.success) {
        ws.send(JSON.stringify({ ok: false, error: 'Expected {id: number, op: string, args?: unknown[]}.' }));
        return;
      }
      const request = parsed.data;
      const reply = (body: object) => ws.send(JSON.stringify({ id: request.id, ...body }));
      const control = demo.control as unknown as Record<string, unknown>;
      const fn = control[request.op];
      if (typeof fn !== 'function' || request.op.startsWith('_') || request.op === 'constructor' || !Object.hasOwn(Object.getPrototypeOf(demo.control) as object, request.op)) {
        reply({ ok: false, error: `Unknown test control “${request.op}”.` });
        return;
      }
      try {
        const value = (fn as (...a: unknown[]) => unknown).apply(demo.control, request.args ?? []);
        reply({ ok: true, value: value ?? null });
      } catch (e) {
        log.warn(`Test control ${request.op} failed: ${boundedText((e as Error).message)}`);
        reply({ ok: false, error: (e as Error).message });
      }
    });
  };
}
