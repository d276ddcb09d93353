import { describe, expect, it } from 'vitest';
import { connectorStatusText, windowLinkStatus } from '../../../renderer/src/components/statusText';

describe('status bar wording', () => {
  it('offline never reads "Connected": the healthy window link says nothing, the contact center says offline', () => {
    const line = [windowLinkStatus('open'), connectorStatusText({ name: 'demo', state: 'offline' })].filter(Boolean).join(' | ');
    expect(line).toBe('Demo contact center: offline — showing cached data only');
    expect(line).not.toMatch(/\bconnected\b/i);
  });

  it('names the contact center and its state in words', () => {
    expect(connectorStatusText({ name: 'demo', state: 'online' })).toBe('Demo contact center: online');
    expect(connectorStatusText({ name: 'asterisk', state: 'error', message: 'AMI login refused' })).toBe('Asterisk contact center: not connected — AMI login refused');
  });

  it('a broken window link is spelled out', () => {
    expect(windowLinkStatus('closed')).toBe('Disconnected from Spyglass — reconnecting…');
    expect(windowLinkStatus('refused')).toMatch(/earlier run/);
  });
});
