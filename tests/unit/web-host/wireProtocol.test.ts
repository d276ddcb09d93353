import { describe, expect, it } from 'vitest';
import { tokenRefusedCloseCode as rendererCode } from '../../../renderer/src/bridge/webSocketBridge';
import { tokenRefusedCloseCode as hostCode } from '../../../main/web-host/wireProtocol';

describe('bridge close codes', () => {
  it('the renderer and the host agree on the "token refused" close code (a private-use code, 4000–4999)', () => {
    expect(rendererCode).toBe(hostCode);
    expect(hostCode).toBeGreaterThanOrEqual(4000);
    expect(hostCode).toBeLessThan(5000);
  });
});
