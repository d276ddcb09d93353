import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../preload/contract';
import type { SupervisorCore } from '../../../main/core/SupervisorCore';
import { startDemoCore } from '../../support/demoCore';

let core: SupervisorCore;
let stop: () => Promise<void>;
let opened: string[];
const CHAT = 'chat-assistance';

beforeEach(async () => {
  opened = [];
  ({ core, stop } = await startDemoCore({
    prefix: 'spyglass-digital-',
    demo: { seed: 3, agents: 12 },
    openExternal: async (url) => {
      opened.push(url);
    },
  }));
});

afterEach(() => stop());

const transcript = async (): Promise<Message[]> => {
  const r = await core.handle('digital:transcript', { interactionId: CHAT });
  return r.ok ? (r.value as { messages: Message[] }).messages : [];
};

describe('digital commands', () => {
  it('a monitoring supervisor cannot send; the refusal is audited and nothing reaches the chat', async () => {
    expect((await core.handle('digital:monitor', { interactionId: CHAT })).ok).toBe(true);
    const before = await transcript();
    const sent = await core.handle('digital:send', { interactionId: CHAT, text: 'hello from the shadows' });
    expect(sent).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await transcript()).toEqual(before);
    expect(core.audit.list(1)[0]).toMatchObject({ action: 'chat-send', result: 'refused', interactionId: CHAT });
  });

  it('a participating supervisor sends, labelled as supervisor, and it is audited', async () => {
    expect((await core.handle('digital:participate', { interactionId: CHAT })).ok).toBe(true);
    expect((await core.handle('digital:send', { interactionId: CHAT, text: 'Morgan here, I am on it' })).ok).toBe(true);
    const last = (await transcript()).at(-1);
    expect(last).toMatchObject({ senderKind: 'supervisor', senderName: 'Morgan Lee', text: 'Morgan here, I am on it' });
    expect(core.audit.list(1)[0]).toMatchObject({ action: 'chat-send', result: 'ok' });
  });

  it('opens only http(s) and mailto links', async () => {
    expect((await core.handle('link:open', { url: 'https://example.com/a' })).ok).toBe(true);
    expect(await core.handle('link:open', { url: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.handle('link:open', { url: 'not a url' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(opened).toEqual(['https://example.com/a']);
  });
});
