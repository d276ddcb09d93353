import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditLog, auditToCsv, escapeFormulaCell, unescapeFormulaCell } from '../../../main/core/AuditLog';
import { auditContextFrom, describeAction, describeAudit } from '../../../main/core/auditWording';
import type { Interaction } from '../../../preload/contract';

const conversation = (id: string, channel: Interaction['channel'], agentState: 'connected' | 'disconnected' = 'connected'): Interaction => ({
  id,
  channel,
  state: 'connected',
  startedAt: 0,
  monitorable: true,
  participants: [
    { id: 'p1', name: 'Priya Shah', kind: 'internal', role: 'agent', agentId: 'agent-3', state: agentState, inConsult: false, inConference: false, joinedAt: 0 },
    { id: 'p2', name: 'Sarah Whitfield', kind: 'external', role: 'customer', state: 'connected', inConsult: false, inConference: false, joinedAt: 0 },
  ],
  assistanceRequested: false,
  supervisorsInvolved: [],
});

const known = {
  agents: new Map([['agent-3', { name: 'Priya Shah' }]]),
  queues: new Map([['queue-tech', { name: 'Technical Support' }]]),
  interactions: new Map<string, Interaction>([
    ['conv-7', conversation('conv-7', 'sms')],
    ['call-1', conversation('call-1', 'voice')],
    ['chat-dana', conversation('chat-dana', 'webMessaging', 'disconnected')],
  ]),
};
const base = { at: 0, supervisorId: 'sup-1', supervisorName: 'Morgan Lee', result: 'ok' as const };

describe('audit entries in words', () => {
  it('names the customer, the agent and the channel instead of ids', () => {
    const about = describeAudit({ ...base, action: 'chat-monitor', interactionId: 'conv-7' }, auditContextFrom(known, 'conv-7'));
    expect(about).toEqual({ action: 'Monitored the SMS conversation', channel: 'SMS', customer: 'Sarah Whitfield', agent: 'Priya Shah' });
  });

  it('words a voice action for a call, never "on a chat"', () => {
    const about = describeAudit({ ...base, action: 'voice-barge', interactionId: 'call-1' }, auditContextFrom(known, 'call-1'));
    expect(about.action).toBe('Barged into the call');
    expect(about.channel).toBe('Voice');
    expect(describeAction('voice-end', 'voice')).toBe('Left the call (own leg only)');
  });

  it('names the queue or agent a conversation went to; a status is itself', () => {
    expect(describeAudit({ ...base, action: 'chat-transfer', interactionId: 'chat-dana', target: 'queue:queue-tech' }, auditContextFrom(known, 'chat-dana'))).toMatchObject({
      action: 'Transferred the web messaging conversation',
      target: 'Technical Support queue',
      agent: 'Priya Shah',
    });
    expect(describeAudit({ ...base, action: 'chat-assign', target: 'agent:agent-3' }, auditContextFrom(known, undefined)).target).toBe('Priya Shah');
    expect(describeAudit({ ...base, action: 'set-status', target: 'Away' }, auditContextFrom(undefined, undefined))).toEqual({ action: 'Changed own status', target: 'Away' });
  });

  it('an unknown code or a gone conversation still reads as something (the code, "the conversation")', () => {
    expect(describeAction('future-action', undefined)).toBe('future-action');
    expect(describeAction('chat-release', undefined)).toBe('Released the conversation to its queue');
    expect(describeAction('constructor', undefined)).toBe('constructor');
  });

  it('the log keeps the words with the entry, and the CSV carries words first and codes after', () => {
    const log = new AuditLog(10, () => {}, (e) => describeAudit(e, auditContextFrom(known, e.interactionId)));
    log.record({ ...base, action: 'chat-transfer', interactionId: 'conv-7', target: 'queue:queue-tech' });
    const [header, row] = auditToCsv(log.all()).trim().split('\r\n');
    expect(header).toBe('When (UTC),Supervisor,Action,Channel,Customer,Agent,To,Result,Detail,at,supervisorId,action,interactionId,target,result');
    expect(row).toBe(
      '1970-01-01T00:00:00.000Z,Morgan Lee,Transferred the SMS conversation,SMS,Sarah Whitfield,Priya Shah,Technical Support queue,Done,,1970-01-01T00:00:00.000Z,sup-1,chat-transfer,conv-7,queue:queue-tech,ok',
    );
  });
});


/** RFC 4180 reader for the test (quotes, doubled quotes, CRLF inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

describe('audit CSV with hostile names and details', () => {
  it('every entry is one row of 15 cells, the words and codes round-trip, no cell starts a formula', () => {
    const text = fc.string({ unit: 'grapheme-composite', maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.record({ supervisorName: text, detail: text, customer: text, target: text }), { maxLength: 20 }), (items) => {
        const log = new AuditLog(100, () => {}, () => ({ action: 'Monitored the chat' }));
        for (const it of items) {
          const entry = log.record({ ...base, supervisorName: it.supervisorName, action: 'chat-monitor', target: it.target, detail: it.detail });
          Object.assign(entry, { about: { action: 'Monitored the chat', customer: it.customer } });
        }
        const rows = parseCsv(auditToCsv(log.all()));
        expect(rows).toHaveLength(items.length + 1);
        rows.forEach((r) => expect(r).toHaveLength(15));
        rows.slice(1).forEach((r, i) => {
          const unquote = (s: string | undefined) => (s === undefined ? s : unescapeFormulaCell(s));
          expect(unquote(r[1])).toBe(items[i]?.supervisorName);
          expect(unquote(r[4])).toBe(items[i]?.customer);
          expect(unquote(r[13])).toBe(items[i]?.target);
          for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r]/);
        });
      }),
    );
  });
});

describe('formula escape of a CSV cell', () => {
  // Found by CI (seed 527483302): a target of "'-" came back as "-" because the old escape
  // left a leading apostrophe alone and a reader could not tell it from the escape.
  it('reverses exactly, also for values that already start with apostrophes', () => {
    for (const v of ["'-", "''=1", "'", "'abc", '-1', '=SUM(A1)', '', '@x']) expect(unescapeFormulaCell(escapeFormulaCell(v))).toBe(v);
    const tricky = fc.tuple(fc.nat({ max: 4 }), fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', 'a', "'"), fc.string({ maxLength: 10 }));
    fc.assert(
      fc.property(fc.oneof(fc.string(), tricky.map(([n, c, rest]) => "'".repeat(n) + c + rest)), (v) => {
        const escaped = escapeFormulaCell(v);
        expect(escaped).not.toMatch(/^[=+\-@\t\r]/);
        expect(unescapeFormulaCell(escaped)).toBe(v);
      }),
      { numRuns: 2000 },
    );
  });
});
