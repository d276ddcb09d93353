import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../main/contact-center/Connector';
import { conversationScripts, hostileScripts, scenarioIds } from '../../../main/contact-center/demo';
import { quietDemo } from './demoHarness';

const refusal = async (p: Promise<unknown>): Promise<ConnectorError> => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
};

describe('demo digital conversations', () => {
  it('a conversation has the customer record, categorisation, an SLA deadline from its queue and the first message', async () => {
    const { control, ix, demo, clock } = await quietDemo();
    const t0 = clock.now();
    control.startChat({ id: 'ch', scriptId: 'retentions-de', queueId: 'queue-retentions' });
    const ch = ix('ch');
    expect(ch).toMatchObject({
      channel: 'sms',
      state: 'pending',
      queueId: 'queue-retentions',
      slaDeadline: t0 + 90_000,
      customer: { name: 'Greta Hoffmann', phone: '+49 151 2345 6789', tier: 'Silver' },
      categorisation: { topic: 'Kündigung', tags: ['cancellation', 'de', 'offer'] },
    });
    expect(ch.participants.map((p) => p.role)).toEqual(['customer']);
    expect(demo.transcript('ch').messages.map((m) => m.senderKind)).toEqual(['customer']);
    expect(demo.state().queues.find((q) => q.id === 'queue-retentions')).toMatchObject({ waiting: 1, oldestWaitingSince: t0 });
  });

  it('monitoring takes the lock silently; others are refused with the holder named; stop releases it', async () => {
    const { control, ix, demo, of, events } = await quietDemo();
    control.startChat({ id: 'ch', agentId: 'agent-3', scriptId: 'sales-fr' });
    const before = demo.transcript('ch').messages.length;
    events.length = 0;
    await demo.monitorConversation('ch');
    expect(ix('ch').monitorLock).toMatchObject({ supervisorId: 'sup-1', supervisorName: 'Morgan Lee', mode: 'monitor' });
    expect(ix('ch').participants.find((p) => p.role === 'supervisor')?.supervising?.mode).toBe('monitor');
    expect(demo.transcript('ch').messages).toHaveLength(before);
    expect(of('messages')).toHaveLength(0);
    expect(of('timeline').map((e) => e.event.kind)).toEqual(['supervision-start']);

    expect(() => control.supervisorStart('sup-2', 'ch', 'monitor')).toThrow(/Monitored by Morgan Lee/);
    await demo.stopMonitoringConversation('ch');
    expect(ix('ch').monitorLock).toBeUndefined();
    expect(demo.periods('ch')[0]?.endedAt).toBeDefined();
    control.supervisorStart('sup-2', 'ch', 'monitor');
    const error = await refusal(demo.monitorConversation('ch'));
    expect(error.code).toBe('REFUSED');
    expect(error.message).toBe('Monitored by Dana Reyes');
  });

  it('the lock is released when the conversation ends and when the holder disconnects', async () => {
    const { control, ix, demo } = await quietDemo({ scenarios: ['chatMonitoredByDana'] });
    const id = scenarioIds.chatMonitoredByDana;
    expect(ix(id).monitorLock?.supervisorName).toBe('Dana Reyes');
    control.disconnectSupervisor('sup-2');
    expect(ix(id).monitorLock).toBeUndefined();
    expect(ix(id).participants.some((p) => p.role === 'supervisor')).toBe(false);
    expect(demo.timeline(id).at(-1)?.text).toMatch(/Dana Reyes logged off/);
    await demo.monitorConversation(id);
    control.endInteraction(id);
    expect(ix(id).monitorLock).toBeUndefined();
    expect(demo.periods(id).every((p) => p.endedAt !== undefined)).toBe(true);
  });

  it('participate: the supervisor joins and their messages are labelled supervisor', async () => {
    const { control, ix, demo, of, events } = await quietDemo();
    control.startChat({ id: 'ch', agentId: 'agent-2' });
    const notYet = await refusal(demo.send('ch', 'hello'));
    expect(notYet.message).toMatch(/Participate/);
    await demo.monitorConversation('ch');
    events.length = 0;
    await demo.participate('ch');
    expect(ix('ch').monitorLock).toBeUndefined();
    expect(ix('ch').participants.find((p) => p.role === 'supervisor')).toMatchObject({ kind: 'internal', name: 'Morgan Lee' });
    await demo.send('ch', 'Hi Sarah, I am Priya’s supervisor. The refund is approved.');
    const last = demo.transcript('ch').messages.at(-1);
    expect(last).toMatchObject({ senderKind: 'supervisor', senderName: 'Morgan Lee' });
    expect(of('messages').flatMap((e) => e.messages.map((m) => m.senderKind))).toEqual(['system', 'supervisor']);
    expect((await refusal(demo.send('ch', '   '))).message).toMatch(/empty/);
  });

  it('transfer to an agent notifies the previous agent', async () => {
    const { control, ix, demo, of } = await quietDemo();
    control.startChat({ id: 'ch', agentId: 'agent-2' });
    await demo.transfer('ch', { kind: 'agent', id: 'agent-3' });
    expect(ix('ch').participants.filter((p) => p.role === 'agent').map((p) => p.name)).toEqual(['Jordan Patel']);
    expect(ix('ch').state).toBe('connected');
    expect(of('notice').map((e) => e.text)).toEqual(['Priya Shah was notified of the transfer to Jordan Patel']);
    expect(demo.transcript('ch').messages.at(-1)).toMatchObject({ senderKind: 'system', text: expect.stringMatching(/Priya Shah was notified/) });
    expect(demo.timeline('ch').at(-1)).toMatchObject({ kind: 'transferred', supervisorName: 'Morgan Lee' });
    const agents = demo.state().agents;
    expect(agents.find((a) => a.id === 'agent-2')?.interactionIds).toEqual([]);
    expect(agents.find((a) => a.id === 'agent-3')?.interactionIds).toEqual(['ch']);
  });

  it('transfer to a queue leaves it pending there, monitors stay on it; assign brings an agent', async () => {
    const { control, ix, demo, of } = await quietDemo();
    control.startChat({ id: 'ch', agentId: 'agent-2' });
    await demo.monitorConversation('ch');
    await demo.transfer('ch', { kind: 'queue', id: 'queue-tech' });
    let ch = ix('ch');
    expect(ch).toMatchObject({ state: 'pending', queueId: 'queue-tech' });
    expect(ch.participants.find((p) => p.role === 'supervisor')?.supervising?.targetParticipantId).toBe('ch-customer');
    expect(of('notice')[0]?.text).toMatch(/Priya Shah was notified/);
    expect((await refusal(demo.transfer('ch', { kind: 'agent', id: 'agent-3' }))).message).toMatch(/assign/);

    await demo.assign('ch', { kind: 'queue', id: 'queue-sales' });
    expect(ix('ch')).toMatchObject({ state: 'pending', queueId: 'queue-sales' });
    await demo.assign('ch', { kind: 'agent', id: 'agent-12' });
    ch = ix('ch');
    expect(ch.state).toBe('connected');
    expect(ch.participants.find((p) => p.role === 'agent')?.agentId).toBe('agent-12');
    expect((await refusal(demo.assign('ch', { kind: 'agent', id: 'agent-13' }))).message).toMatch(/transfer/);
    expect(demo.state().queues.every((q) => q.waiting === 0)).toBe(true);
  });

  it('release puts the conversation back to its queue, pending, with a new SLA deadline', async () => {
    const { control, ix, demo, clock, of } = await quietDemo();
    control.startChat({ id: 'ch', agentId: 'agent-2', queueId: 'queue-billing' });
    clock.advance(120_000);
    await demo.release('ch');
    expect(ix('ch')).toMatchObject({ state: 'pending', queueId: 'queue-billing', slaDeadline: clock.now() + 60_000 });
    expect(ix('ch').participants.some((p) => p.role === 'agent')).toBe(false);
    expect(of('notice')[0]?.text).toMatch(/Priya Shah was notified/);
    expect(demo.timeline('ch').at(-1)?.kind).toBe('chat-action');
  });

  it('assistance requests raise the flag and the supervisor clears it', async () => {
    const { control, ix, demo } = await quietDemo();
    control.startChat({ id: 'ch', agentId: 'agent-2' });
    control.requestAssistance('ch');
    expect(ix('ch')).toMatchObject({ assistanceRequested: true });
    expect(ix('ch').assistanceRequestedAt).toBeTypeOf('number');
    expect(demo.timeline('ch').at(-1)?.kind).toBe('assistance');
    await demo.clearAssistanceFlag('ch');
    expect(ix('ch').assistanceRequested).toBe(false);
    expect(demo.timeline('ch').at(-1)).toMatchObject({ kind: 'assistance', supervisorName: 'Morgan Lee' });
  });

  it('pushes typing with a growing draft, then the message, as it happens', async () => {
    const { control, clock, of } = await quietDemo();
    control.startChat({ id: 'ch', agentId: 'agent-2', scriptId: 'tech-ja', play: true });
    clock.advance(10_000);
    const typing = of('typing').map((e) => e.typing);
    const drafts = typing.filter((t) => t.agentTyping).map((t) => t.draft);
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < drafts.length; i++) expect(drafts[i]!.startsWith(drafts[i - 1]!)).toBe(true);
    const sent = of('messages').flatMap((e) => e.messages).find((m) => m.senderKind === 'agent');
    expect(sent?.text).toBe(drafts.at(-1));
    expect(sent?.text).toContain('Priya');
    expect(typing.at(-1)).toMatchObject({ agentTyping: false, draft: '' });
  });

  it('control: customer messages and agent drafts are pushed at once', async () => {
    const { control, demo, of } = await quietDemo();
    control.startChat({ id: 'ch', agentId: 'agent-2' });
    control.customerSays('ch', '<script>alert(1)</script>', [{ name: 'x', url: 'https://example.com/x.png' }]);
    control.agentTypes('ch', 'Let me ch');
    expect(of('messages').at(-1)?.messages[0]).toMatchObject({ senderKind: 'customer', text: '<script>alert(1)</script>' });
    expect(of('typing').at(-1)?.typing).toEqual({ interactionId: 'ch', agentTyping: true, draft: 'Let me ch' });
    expect(demo.transcript('ch').typing?.draft).toBe('Let me ch');
  });

  it('transcripts are capped per conversation', async () => {
    const { control, demo } = await quietDemo({ maxMessagesPerConversation: 50 });
    control.startChat({ id: 'ch', agentId: 'agent-2' });
    for (let i = 0; i < 120; i++) control.customerSays('ch', `message ${i}`);
    const messages = demo.transcript('ch').messages;
    expect(messages).toHaveLength(50);
    expect(messages.at(-1)?.text).toBe('message 119');
  });

  it('the scripts cover the languages, emoji, long text, links and hostile text the UI must show safely', () => {
    const all = [...conversationScripts, ...hostileScripts].flatMap((s) => s.turns);
    expect(new Set(conversationScripts.map((s) => s.language))).toEqual(new Set(['en', 'es', 'fr', 'de', 'ar', 'ja']));
    expect(all.some((t) => t.text.includes('<script>'))).toBe(true);
    expect(all.some((t) => t.text.includes('onerror='))).toBe(true);
    expect(all.some((t) => t.text.includes('javascript:'))).toBe(true);
    expect(all.some((t) => /\p{Extended_Pictographic}/u.test(t.text))).toBe(true);
    expect(all.some((t) => t.text.length > 1000)).toBe(true);
    expect(all.some((t) => (t.attachments ?? []).some((a) => a.url.startsWith('https://')))).toBe(true);
    expect(new Set(conversationScripts.map((s) => s.channel))).toEqual(new Set(['webMessaging', 'thirdPartyMessaging', 'sms', 'chat']));
  });

  it('background: pending chats, SLA misses, assistance, other supervisors holding digital locks', async () => {
    const { clock, events } = await quietDemo({ simulate: true, seed: 4 });
    let missed = 0;
    let assistance = 0;
    const lockHolders = new Set<string>();
    const channels = new Set<string>();
    for (let minute = 0; minute < 30; minute++) {
      clock.advance(60_000);
      for (const e of events) {
        if (e.type !== 'interactions') continue;
        for (const i of e.interactions) {
          if (i.channel === 'voice') continue;
          channels.add(i.channel);
          if (i.state === 'pending' && i.slaDeadline !== undefined && clock.now() > i.slaDeadline) missed++;
          if (i.assistanceRequested) assistance++;
          if (i.monitorLock) lockHolders.add(i.monitorLock.supervisorName);
        }
      }
      events.length = 0;
    }
    expect(channels.size).toBe(4);
    expect(missed).toBeGreaterThan(0);
    expect(assistance).toBeGreaterThan(0);
    expect([...lockHolders].sort()).toEqual(['Dana Reyes', 'Sam Okafor']);
  });
});
