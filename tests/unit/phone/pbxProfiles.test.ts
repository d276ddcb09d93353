import { describe, expect, it } from 'vitest';
import {
  asteriskChanSpy,
  dtmfForModeChange,
  freeswitchEavesdrop,
  micLiveIn,
  modeForDigits,
  monitorTargetUri,
} from '../../../main/phone/pbxProfiles';

describe('PBX profiles', () => {
  it('asterisk-chanspy dials the feature code followed by the agent extension', () => {
    expect(monitorTargetUri(asteriskChanSpy(), '1001', 'pbx.example.com')).toBe('sip:*2221001@pbx.example.com');
  });

  it('uses a configured feature code and can dial it without the extension', () => {
    const p = freeswitchEavesdrop({ featureCode: '*0', appendExtension: false });
    expect(monitorTargetUri(p, '1001', 'fs')).toBe('sip:*0@fs');
  });

  it('refuses an extension that would inject URI parameters or headers', () => {
    expect(() => monitorTargetUri(asteriskChanSpy(), '1001;transport=tcp', 'pbx')).toThrow(/Invalid extension/);
    expect(() => monitorTargetUri(asteriskChanSpy(), '1001?X=1', 'pbx')).toThrow(/Invalid extension/);
    expect(() => monitorTargetUri(asteriskChanSpy({ featureCode: '*2@evil' }), '1', 'pbx')).toThrow(/feature code/);
  });

  it('asterisk sends 4/5/6 by SIP INFO for listen/whisper/barge', () => {
    const p = asteriskChanSpy();
    expect(dtmfForModeChange(p, 'monitor', 'coach')).toEqual({ tones: '5', transportType: 'INFO', duration: 100, interToneGap: 70 });
    expect(dtmfForModeChange(p, 'coach', 'barge')?.tones).toBe('6');
    expect(dtmfForModeChange(p, 'barge', 'monitor')?.tones).toBe('4');
  });

  it('freeswitch sends 0/2/3 in the RTP stream (RFC 2833)', () => {
    const p = freeswitchEavesdrop();
    expect(dtmfForModeChange(p, 'monitor', 'coach')).toMatchObject({ tones: '2', transportType: 'RFC2833' });
    expect(dtmfForModeChange(p, 'coach', 'barge')?.tones).toBe('3');
    expect(dtmfForModeChange(p, 'barge', 'monitor')?.tones).toBe('0');
  });

  it('sends nothing when starting in monitor or staying in the same mode', () => {
    expect(dtmfForModeChange(asteriskChanSpy(), null, 'monitor')).toBeNull();
    expect(dtmfForModeChange(asteriskChanSpy(), 'coach', 'coach')).toBeNull();
    expect(dtmfForModeChange(asteriskChanSpy(), null, 'barge')?.tones).toBe('6');
  });

  it('honours configured digits and method, and rejects digits that are not DTMF', () => {
    const p = asteriskChanSpy({ digits: { monitor: '*4', coach: '#5', barge: '66' }, dtmfMethod: 'rfc2833' });
    expect(dtmfForModeChange(p, 'monitor', 'barge')).toMatchObject({ tones: '66', transportType: 'RFC2833' });
    expect(() => dtmfForModeChange(asteriskChanSpy({ digits: { monitor: '4', coach: 'x', barge: '6' } }), 'monitor', 'coach')).toThrow(
      /Invalid DTMF/,
    );
  });

  it('keeps the microphone live only in coach and barge', () => {
    expect(micLiveIn('monitor')).toBe(false);
    expect(micLiveIn('coach')).toBe(true);
    expect(micLiveIn('barge')).toBe(true);
  });

  it('maps received digits back to a mode (for PBX stand-ins)', () => {
    expect(modeForDigits(freeswitchEavesdrop().digits, '3')).toBe('barge');
    expect(modeForDigits(freeswitchEavesdrop().digits, '9')).toBeNull();
  });
});
