import { describe, expect, it } from 'vitest';
import type { MonitorStatus, PhoneStatus } from '../../../preload/contract/phone';
import { monitorConnecting, monitorTrouble } from '../../../renderer/src/store/phone/selectors';

const leg = (patch: Partial<MonitorStatus>): PhoneStatus => ({
  registration: 'registered',
  monitor: { id: 'm1', target: '1001', profileId: 'asterisk-chanspy', state: 'active', mode: 'monitor', micLive: false, ...patch },
});
const noAudio = { code: 'NO_AUDIO' as const, message: 'No audio from the PBX — check the codec (ulaw/alaw).', action: 'Ask your PBX administrator.' };

describe('monitor leg trouble for the toolbar and status bar', () => {
  it('says "No audio from the PBX" while the leg has none, and nothing once audio flows', () => {
    expect(monitorTrouble(leg({ audio: 'none', audioProblem: noAudio }))).toMatch(/^No audio from the PBX — check the codec/);
    expect(monitorTrouble(leg({ audio: 'flowing' }))).toBeUndefined();
  });

  it('shows a mode the PBX did not take', () => {
    const problem = { code: 'DTMF_FAILED' as const, message: 'Coaching did not start: the PBX refused digit 5.', action: 'Check the PBX.' };
    expect(monitorTrouble(leg({ problem }))).toBe('Coaching did not start: the PBX refused digit 5. Check the PBX.');
  });

  it('never shows a warning for a leg that is over', () => {
    expect(monitorTrouble(leg({ state: 'ended', audioProblem: noAudio }))).toBeUndefined();
    expect(monitorTrouble(undefined)).toBeUndefined();
  });
});

describe('a monitor leg that is connecting', () => {
  it('says the PBX has not answered while only early media (183) came, and nothing otherwise', () => {
    expect(monitorConnecting(leg({ state: 'connecting', earlyMedia: true }))).toBe('Connecting (the PBX has not answered)…');
    expect(monitorConnecting(leg({ state: 'connecting' }))).toBeUndefined();
    expect(monitorConnecting(leg({ state: 'active', earlyMedia: true }))).toBeUndefined();
  });
});
