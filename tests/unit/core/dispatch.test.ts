import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../preload/contract';
import { ConnectorError } from '../../../main/contact-center/Connector';
import { dispatch, type Handlers } from '../../../main/core/dispatch';
import type { Logger } from '../../../main/core/logger';

function recordingLogger() {
  const lines: string[] = [];
  const seen = new Set<string>();
  const log: Logger = {
    info: (m) => lines.push(m),
    warn: (m) => lines.push(m),
    error: (m) => lines.push(m),
    warnOnce: (k, m) => {
      if (!seen.has(k)) {
        seen.add(k);
        lines.push(m);
      }
    },
  };
  return { log, lines };
}

const handlers: Handlers = {
  'supervisor:setStatus': ({ status }) => {
    if (status === 'Offline') throw new CommandError('FORBIDDEN', 'Not now.');
    if (status === 'Away') throw new ConnectorError('REFUSED', 'Platform said no.');
    if (status === 'Busy') throw new Error('boom');
    return {};
  },
};

describe('dispatch', () => {
  it('answers a known command with ok', async () => {
    const { log } = recordingLogger();
    expect(await dispatch(handlers, 'supervisor:setStatus', { status: 'Available' }, log)).toEqual({ ok: true, value: {} });
  });

  it('refuses an unknown channel with a clear error, logged once', async () => {
    const { log, lines } = recordingLogger();
    const r1 = await dispatch(handlers, 'shell:exec', {}, log);
    await dispatch(handlers, 'shell:exec', {}, log);
    expect(r1).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(r1.ok ? '' : r1.error.message).toMatch(/Unknown command “shell:exec”/);
    expect(lines).toHaveLength(1);
  });

  it('refuses non-string channels and prototype keys', async () => {
    const { log } = recordingLogger();
    expect(await dispatch(handlers, 42, {}, log)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch(handlers, '__proto__', {}, log)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch(handlers, 'toString', {}, log)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses an invalid payload naming the field', async () => {
    const { log } = recordingLogger();
    const r = await dispatch(handlers, 'supervisor:setStatus', { status: 'Sleeping' }, log);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(r.ok ? '' : r.error.message).toMatch(/status/);
    const extra = await dispatch(handlers, 'supervisor:setStatus', { status: 'Available', admin: true }, log);
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  it('maps refusals and unexpected failures to typed errors', async () => {
    const { log, lines } = recordingLogger();
    expect(await dispatch(handlers, 'supervisor:setStatus', { status: 'Offline' }, log)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Not now.' },
    });
    expect(await dispatch(handlers, 'supervisor:setStatus', { status: 'Away' }, log)).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    const r = await dispatch(handlers, 'supervisor:setStatus', { status: 'Busy' }, log);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(lines.some((l) => l.includes('boom'))).toBe(true);
  });

  it('says a command is unavailable when this mode has no handler', async () => {
    const { log } = recordingLogger();
    expect(await dispatch({}, 'audit:list', {}, log)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
