import { describe, expect, it } from 'vitest';
import { exportText } from '../../../main/cache/export/exportText';
import type { InteractionDetail } from '../../../main/cache/types';
import { T0 } from './fixtures';

const detail = {
  interaction: {
    id: 'demo:chat-dana:1',
    channel: 'webMessaging',
    queueId: 'queue-tech',
    queueName: 'Technical Support',
    agents: [{ id: 'agent-3', name: 'Priya Shah' }],
    customerName: 'Sarah Whitfield',
    state: 'held',
    startedAt: T0,
    endedAt: null,
  },
  participants: [
    { participantId: 'p1', name: 'Priya Shah', kind: 'internal', role: 'agent' },
    { participantId: 'p2', name: 'Sarah Whitfield', kind: 'external', role: 'customer' },
  ],
  transcript: [],
  timeline: [{ eventId: 'e1', at: T0 + 1000, kind: 'supervision-start', text: 'Morgan Lee started monitoring', supervisorName: 'Morgan Lee' }],
  supervisionPeriods: [{ periodId: 'sp1', supervisorId: 's1', supervisorName: 'Morgan Lee', mode: 'coach', participantName: 'Priya Shah', startedAt: T0 + 1000, endedAt: T0 + 6000 }],
  notes: [],
  audit: [
    { auditId: 'a1', actorId: 's1', actorName: 'Morgan Lee', action: 'chat-transfer', target: 'queue:queue-tech', at: T0 + 7000, result: 'ok', detail: null },
    { auditId: 'a2', actorId: 's1', actorName: 'Morgan Lee', action: 'chat-release', target: '', at: T0 + 8000, result: 'refused', detail: null },
  ],
  assistanceRequests: [],
} as unknown as InteractionDetail;

describe('the text export reads like the app, not like its data', () => {
  const text = exportText(detail, { now: T0 + 10_000, timeZone: 'UTC' });

  it('names the channel, the state and the customer; the id is only a reference', () => {
    expect(text).toContain('Web messaging with Sarah Whitfield\n');
    expect(text).toContain('Channel: Web messaging\n');
    expect(text).toContain('State: on hold\n');
    expect(text).toContain('Reference: demo:chat-dana:1\n');
    expect(text).not.toContain('webMessaging');
    expect(text).not.toContain('Interaction demo:chat-dana:1');
  });

  it('supervision periods and actions in words, not codes', () => {
    expect(text).toContain('Morgan Lee coached Priya Shah from 2026-11-20 09:00:01 to 2026-11-20 09:00:06');
    expect(text).toContain('Morgan Lee: Transferred the web messaging conversation (to Technical Support queue) — Done');
    expect(text).toContain('Morgan Lee: Released the web messaging conversation to its queue — Refused');
    expect(text).toContain('[2026-11-20 09:00:01] Morgan Lee started monitoring\n');
    expect(text).not.toMatch(/chat-transfer|queue:queue-tech|supervision-start|\(agent, internal\)/);
  });
});
