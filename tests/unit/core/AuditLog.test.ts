import { describe, expect, it } from 'vitest';
import { AuditLog, auditToCsv } from '../../../main/core/AuditLog';

describe('AuditLog', () => {
  it('lists newest first and exports CSV safely', () => {
    const log = new AuditLog();
    log.record({ at: 0, supervisorId: 's', supervisorName: 'Morgan, Lee', action: 'chat-transfer', interactionId: 'c1', target: 'queue:q1', result: 'ok' });
    log.record({ at: 1000, supervisorId: 's', supervisorName: 'Morgan', action: 'chat-release', interactionId: 'c2', result: 'refused', detail: '=HYPERLINK("x")' });
    expect(log.list().map((e) => e.action)).toEqual(['chat-release', 'chat-transfer']);
    const csv = auditToCsv(log.all());
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('When (UTC),Supervisor,Action,Channel,Customer,Agent,To,Result,Detail,at,supervisorId,action,interactionId,target,result');
    expect(lines[1]).toContain('"Morgan, Lee"');
    expect(lines[1]).toContain('1970-01-01T00:00:00.000Z');
    // A formula in a cell is neutralised so a spreadsheet never runs it.
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('keeps a bounded number of entries', () => {
    const log = new AuditLog(3);
    for (let i = 0; i < 5; i++) log.record({ at: i, supervisorId: 's', supervisorName: 'S', action: `a${i}`, result: 'ok' });
    expect(log.all().map((e) => e.action)).toEqual(['a2', 'a3', 'a4']);
  });
});
